/** Reads a V8 .cpuprofile and names the functions with the most self time, and the packages they belong to. */
import { existsSync, readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/**
 * For a bundled file (esbuild marks each module with a `// node_modules/x/y.js` or `// src/a.ts` line), the
 * module that holds a 0-based line; else the file itself.
 */
const bundleIndex = new Map<string, { line: number; module: string }[]>()
function moduleAt(path: string, line: number): string {
  let index = bundleIndex.get(path)
  if (!index) {
    index = []
    if (path.startsWith('/') && existsSync(path)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ ((?:node_modules|src)\/\S+)$/.exec(text)
          if (m) index?.push({ line: i, module: m[1] as string })
        })
    }
    bundleIndex.set(path, index)
  }
  let found: string | undefined
  for (const entry of index) {
    if (entry.line > line) break
    found = entry.module
  }
  return found ?? path
}

export interface HotFunction {
  name: string
  location: string
  selfMs: number
  share: number
}

/** The `limit` functions with the most self time, merged by name and location. */
export function topFunctions(file: string, limit = 15, trim = ''): { totalMs: number; functions: HotFunction[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const merged = new Map<string, HotFunction>()
  let total = 0
  for (const [id, micros] of self) {
    const node = byId.get(id)
    if (!node) continue
    total += micros
    const { functionName, url, lineNumber } = node.callFrame
    const path = url.replace(/^file:\/\//, '')
    const location = url ? `${moduleAt(path, lineNumber).replace(trim, '')} (${path.replace(trim, '')}:${lineNumber + 1})` : ''
    const name = functionName || '(anonymous)'
    const key = `${name}@${location}`
    const entry = merged.get(key) ?? { name, location, selfMs: 0, share: 0 }
    entry.selfMs += micros / 1000
    merged.set(key, entry)
  }
  const functions = [...merged.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit)
  for (const f of functions) f.share = total > 0 ? (f.selfMs * 1000) / total : 0
  return { totalMs: total / 1000, functions }
}

/** Self time summed per package (node_modules/<name>) or project folder, to see where time goes at a glance. */
export function timeByPackage(file: string, trim = ''): { name: string; selfMs: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const sums = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame
    const url = frame?.url ?? ''
    const path = moduleAt(url.replace(/^file:\/\//, ''), frame?.lineNumber ?? 0).replace(trim, '')
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? (path.startsWith('node:') || path === '' ? byId.get(id)?.callFrame.functionName.startsWith('(') ? (byId.get(id)?.callFrame.functionName as string) : 'node internals' : path.split('/').slice(0, 3).join('/'))
    sums.set(pkg, (sums.get(pkg) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...sums.entries()].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs)
}
