import { isKind } from '../model/kinds.js'
import { parseYaml } from '../parse/yaml-document.js'
import type { AdoptionInput, SkippedFile } from './adoption-plan.js'
import { idOfFileName } from './article-ids.js'
import { guessTitle, titleFromFileName, type TitleGuess } from './guess-title.js'
import type { MarkdownFacts } from './markdown-facts.js'

/** A file to adopt: its facts, its old front matter as data, and its title. */
export interface Candidate {
  facts: MarkdownFacts
  data: Record<string, unknown>
  title: TitleGuess
}

export interface Classified {
  candidates: Candidate[]
  skipped: SkippedFile[]
  /** How many files and records use each KB id. */
  idCount: Map<string, number>
  /** How many articles (existing and adopted) have each title, lower case. */
  titleCount: Map<string, number>
}

/**
 * Sorts the repository's Markdown files into those to adopt (under DIR, no gitsm front matter, not ignored, front
 * matter readable) and the rest, counting the ids and titles in use on the way. Titles taken from a heading that
 * opens several files ("## Purpose") fall back to the file names, which tell the files apart.
 */
export function classifyFiles(files: readonly MarkdownFacts[], input: AdoptionInput, inDir: (path: string) => boolean): Classified {
  const result: Classified = { candidates: [], skipped: [], idCount: new Map(), titleCount: new Map() }
  const countId = (id: string): void => void result.idCount.set(id, (result.idCount.get(id) ?? 0) + 1)
  const countTitle = (title: string, by = 1): void => {
    const key = title.toLowerCase()
    result.titleCount.set(key, (result.titleCount.get(key) ?? 0) + by)
  }
  for (const path of input.paths) {
    const id = idOfFileName(path)
    if (id !== undefined) countId(id)
  }
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const read = frontMatterData(file)
    if (read.ok && isKind(read.data.kind)) {
      if (typeof read.data.id === 'string' && read.data.id !== idOfFileName(file.path)) countId(read.data.id)
      if (read.data.kind === 'Article' && typeof read.data.title === 'string') countTitle(read.data.title.trim())
      if (inDir(file.path)) result.skipped.push({ file: file.path, reason: `it is a gitsm ${read.data.kind} already` })
      continue
    }
    if (!inDir(file.path)) continue
    const skip = skipReason(file, read, input.isIgnored)
    if (skip !== undefined) {
      result.skipped.push({ file: file.path, reason: skip })
      continue
    }
    const data = read.ok ? read.data : {}
    const title = guessTitle({ path: file.path, frontMatterTitle: data.title, headings: file.headings, opensWithHeading: file.opensWithHeading })
    result.candidates.push({ facts: file, data, title })
    countTitle(title.title)
  }
  const shared = result.candidates.filter((c) => c.title.source === 'first heading' && (result.titleCount.get(c.title.title.toLowerCase()) ?? 0) > 1)
  for (const candidate of shared) {
    countTitle(candidate.title.title, -1)
    candidate.title = { title: titleFromFileName(candidate.facts.path), source: 'file name' }
    countTitle(candidate.title.title)
  }
  return result
}

type FrontMatterRead = { ok: true; data: Record<string, unknown> } | { ok: false; problem: string }

function frontMatterData(file: MarkdownFacts): FrontMatterRead {
  if (!file.frontMatter) return { ok: true, data: {} }
  const parsed = parseYaml(file.frontMatter.value, { file: file.path, lineOffset: 1 })
  if (parsed.ok) return { ok: true, data: parsed.value.data }
  // A front matter of nothing but comments holds no fields.
  if (parsed.diagnostics.every((d) => d.ruleId === 'yaml/empty')) return { ok: true, data: {} }
  const first = parsed.diagnostics[0]!
  return { ok: false, problem: `${first.message}${first.line === undefined ? '' : ` (line ${first.line})`}` }
}

function skipReason(file: MarkdownFacts, read: FrontMatterRead, isIgnored: AdoptionInput['isIgnored']): string | undefined {
  if (!/\.md$/i.test(file.path)) return 'it is not a .md file'
  if (isIgnored?.(file.path)) return 'gitsm.yaml ignores it (ignore:)'
  if (file.tomlFrontMatter) return 'its front matter is TOML (+++): convert it to YAML (---) first'
  if (!read.ok) return `its front matter is not plain YAML: ${read.problem}`
  return undefined
}
