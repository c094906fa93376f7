import type { Mention } from './adoption-plan.js'

/**
 * Where texts still name a renamed file by its old file name (site navigation, template shortcodes, prose): a
 * person updates those, as gitsm rewrites only links. `known` mentions (links reported already) are not repeated.
 */
export function findMentions(texts: readonly { path: string; text: string }[], renames: ReadonlyMap<string, string>, known: readonly Mention[]): Mention[] {
  const byName = new Map<string, string>()
  for (const [from, to] of renames) {
    const name = from.slice(from.lastIndexOf('/') + 1)
    // Two renamed files of one name (index.md in several folders): the mention is ambiguous, name either.
    if (!byName.has(name)) byName.set(name, to)
  }
  if (byName.size === 0) return []
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\w.-])(${names.join('|')})(?![\\w-])`, 'g')
  const seen = new Set(known.map((m) => `${m.file}:${m.line}`))
  const found: Mention[] = []
  for (const { path, text } of texts) {
    if (!text.includes('.')) continue
    const lines = text.split(/\r\n|\r|\n/)
    lines.forEach((line, i) => {
      for (const match of line.matchAll(pattern)) {
        const key = `${path}:${i + 1}`
        if (seen.has(key)) continue
        seen.add(key)
        found.push({ file: path, line: i + 1, name: match[1]!, renamedTo: byName.get(match[1]!)! })
      }
    })
  }
  return found
}
