import type { ItsmRecord } from '../model/record.js'
import { defineRule } from '../model/rule.js'
import { collect, relatedAt } from './util.js'

interface Edge {
  from: ItsmRecord
  to: ItsmRecord
  /** Index of the entry in `from`'s depends_on. */
  index: number
}

export const serviceDependencyCycle = defineRule({
  id: 'service/dependency-cycle',
  description: 'Services do not depend on each other in a loop (depends_on has no cycle)',
  check(ctx) {
    // One node per id: with duplicate ids, the record the index returns stands for them all.
    const services = ctx.byKind('Service').filter((s) => s.id !== undefined && ctx.index.get('Service', s.id) === s)
    const edges = new Map<ItsmRecord, Edge[]>()
    for (const from of services) {
      const out: Edge[] = []
      for (const { value, path } of collect(from.data, ['depends_on', '[]'])) {
        const to = ctx.index.get('Service', value)
        if (to && !out.some((edge) => edge.to === to)) out.push({ from, to, index: path[1] as number })
      }
      edges.set(from, out)
    }
    const id = (s: ItsmRecord): string => s.id ?? ''
    // Each cycle is reported once, on its lexically first service: search only through services that sort after it.
    for (const start of [...services].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0))) {
      for (const first of edges.get(start) ?? []) {
        if (id(first.to) < id(start)) continue
        const rest = shortestPath(first.to, start, edges, (s) => id(s) > id(start))
        if (!rest) continue
        const cycle = [first, ...rest]
        const names = [start, ...cycle.map((edge) => edge.to)].map(id).join(' → ')
        ctx.report({
          record: start,
          path: ['depends_on', first.index],
          message: `Services depend on each other in a loop: ${names}. Remove one of these dependencies.`,
          related: rest.map((edge) => relatedAt(edge.from, ['depends_on', edge.index], `${id(edge.from)} depends on ${id(edge.to)} here`)),
        })
      }
    }
  },
})

/** The shortest chain of edges from `from` to `to` through nodes that pass `allowed` (BFS), or undefined. */
function shortestPath(from: ItsmRecord, to: ItsmRecord, edges: Map<ItsmRecord, Edge[]>, allowed: (s: ItsmRecord) => boolean): Edge[] | undefined {
  if (from === to) return []
  const via = new Map<ItsmRecord, Edge>()
  const queue = [from]
  for (let i = 0; i < queue.length; i++) {
    for (const edge of edges.get(queue[i]!) ?? []) {
      if (edge.to === to) {
        const path = [edge]
        for (let at = edge.from; at !== from; at = via.get(at)!.from) path.unshift(via.get(at)!)
        return path
      }
      if (edge.to === from || via.has(edge.to) || !allowed(edge.to)) continue
      via.set(edge.to, edge)
      queue.push(edge.to)
    }
  }
  return undefined
}
