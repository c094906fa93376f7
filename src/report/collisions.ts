import { normalizeId } from '../lint/record-index.js'
import type { ItsmRecord } from '../model/record.js'
import { overlaps } from '../policy/freeze-windows.js'
import { strings } from '../rules/util.js'
import { changeWindow, compare } from './record-facts.js'

/** Two changes whose windows overlap on related services. */
export interface Collision {
  /** The two change ids, sorted. */
  changes: [string, string]
  /** The services through which they collide (as the changes name them), sorted. */
  services: string[]
}

/**
 * Every service each service depends on, directly or transitively (normalised ids). A dependency cycle (which
 * `service/dependency-cycle` reports) ends the walk instead of looping.
 */
export function dependencyClosure(services: readonly ItsmRecord[]): Map<string, Set<string>> {
  const direct = new Map<string, string[]>()
  for (const s of services) if (s.id !== undefined) direct.set(normalizeId(s.id), strings(s.data.depends_on).map(normalizeId))
  const closure = new Map<string, Set<string>>()
  for (const id of direct.keys()) {
    const seen = new Set<string>()
    const stack = [...(direct.get(id) ?? [])]
    while (stack.length > 0) {
      const next = stack.pop()!
      if (seen.has(next) || next === id) continue
      seen.add(next)
      stack.push(...(direct.get(next) ?? []))
    }
    closure.set(id, seen)
  }
  return closure
}

/**
 * The pairs of changes whose windows overlap (half-open, so a window ending when the other starts does not) and
 * that touch the same service, or a service and one it depends on directly or transitively. Each pair once.
 */
export function findCollisions(changes: readonly (ItsmRecord & { id: string })[], services: readonly ItsmRecord[]): Collision[] {
  const closure = dependencyClosure(services)
  const related = (a: string, b: string): boolean => {
    const x = normalizeId(a)
    const y = normalizeId(b)
    return x === y || (closure.get(x)?.has(y) ?? false) || (closure.get(y)?.has(x) ?? false)
  }
  const timed = changes.flatMap((c) => {
    const window = changeWindow(c)
    return window ? [{ id: c.id, window, services: strings(c.data.services) }] : []
  })
  const out: Collision[] = []
  for (let i = 0; i < timed.length; i++) {
    for (let j = i + 1; j < timed.length; j++) {
      const a = timed[i]!
      const b = timed[j]!
      if (!overlaps(a.window.start, a.window.end, b.window) && !overlaps(b.window.start, b.window.end, a.window)) continue
      const via = new Set<string>()
      for (const s of a.services) for (const t of b.services) if (related(s, t)) via.add(s).add(t)
      if (via.size === 0) continue
      out.push({ changes: [a.id, b.id].sort() as [string, string], services: [...via].sort() })
    }
  }
  return out.sort((x, y) => compare(x.changes[0], y.changes[0]) || compare(x.changes[1], y.changes[1]))
}
