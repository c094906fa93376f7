import type { SourceRange } from '../diagnostics/diagnostic.js'
import type { ItsmRecord, MarkdownBody } from '../model/record.js'

/** Section names compare trimmed, with inner whitespace collapsed, ignoring case. */
export function sectionKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The required section names that no level-2 heading of the body carries, in the order they were required. */
export function missingSections(body: MarkdownBody | undefined, required: readonly unknown[]): string[] {
  const present = new Set((body?.headings ?? []).filter((h) => h.depth === 2).map((h) => sectionKey(h.text)))
  const missing: string[] = []
  for (const name of required) {
    if (typeof name !== 'string' || name.trim() === '') continue
    if (!present.has(sectionKey(name)) && !missing.includes(name.trim())) missing.push(name.trim())
  }
  return missing
}

/** Where to report something the body lacks: its first level-1 heading, else the first line of the file. */
export function titleRange(record: ItsmRecord): SourceRange {
  const heading = record.body?.headings.find((h) => h.depth === 1)
  return heading ? heading.range : { line: 1, column: 1, endLine: 1, endColumn: 1 }
}

/** A list of names for a message: `"A"`, `"A" and "B"`, `"A", "B" and "C"`. */
export function quoteList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`)
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
}
