import type { MarkdownHeading } from '../model/record.js'
import type { TitleSource } from './adoption-plan.js'

export interface TitleGuess {
  title: string
  source: TitleSource
  /** The front matter's title, when a differing level-1 heading won over it. */
  replaced?: string
}

/**
 * The title of a file being adopted. gitsm wants exactly one level-1 heading equal to the title, and the body is
 * kept as written, so a level-1 heading wins over a differing front-matter `title` (which stays under `x:`).
 * Then the front matter's `title`; then a heading that opens the body (a heading further down names a section,
 * not the document); then the file name.
 */
export function guessTitle(input: { path: string; frontMatterTitle: unknown; headings: readonly MarkdownHeading[]; opensWithHeading: boolean }): TitleGuess {
  const declared = scalarText(input.frontMatterTitle)
  const h1 = input.headings.find((h) => h.depth === 1 && normalizeTitle(h.text) !== '')
  if (h1) {
    const title = normalizeTitle(h1.text)
    if (declared === undefined || declared === title) return { title, source: 'level-1 heading' }
    return { title, source: 'level-1 heading', replaced: declared }
  }
  if (declared !== undefined) return { title: declared, source: 'front matter' }
  const opening = input.opensWithHeading ? input.headings[0] : undefined
  if (opening && normalizeTitle(opening.text) !== '') return { title: normalizeTitle(opening.text), source: 'first heading' }
  return { title: titleFromFileName(input.path), source: 'file name' }
}

/** A file name as words: `being_oncall.md` → "Being oncall", `NodeRAIDDegraded.md` → "Node RAID Degraded". */
export function titleFromFileName(path: string): string {
  const stem = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')
  const words = normalizeTitle(splitCamelCase(stem).replace(/[_-]+/g, ' '))
  if (words === '') return 'Untitled'
  return words[0]!.toUpperCase() + words.slice(1)
}

/** Puts a space at camel-case word boundaries: `etcdGRPCRequestsSlow` → `etcd GRPC Requests Slow`. */
export function splitCamelCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
}

export function normalizeTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function scalarText(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = normalizeTitle(String(value))
  return text === '' ? undefined : text
}

/** Escapes a title for a `# heading` line, so the heading reads back as exactly the title. */
export function headingLine(title: string): string {
  return `# ${title.replace(/[\\`*_[\]<>#~&!|]/g, '\\$&')}`
}
