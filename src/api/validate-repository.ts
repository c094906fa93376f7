import picomatch from 'picomatch'
import { readConfig } from '../config/read.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { sortDiagnostics } from '../diagnostics/sort.js'
import { isFileContentError } from '../io/decode.js'
import { createMarkdownParser } from '../io/markdown-pool.js'
import { openWorkingTree } from '../io/working-tree.js'
import { folderKind, trimSlashes } from '../lint/classify.js'
import { lintRecords } from '../lint/engine.js'
import type { ListedRecord } from '../lint/record-index.js'
import type { Config } from '../model/config.js'
import { kindFolder } from '../model/config.js'
import { kinds } from '../model/kinds.js'
import type { ItsmRecord, ParsedRecord } from '../model/record.js'
import type { TreeEntry, TreeReader } from '../model/source.js'
import { loaderLimits } from '../parse/limits.js'
import { parseRecordFile } from '../parse/record-file.js'
import { scopeToChanges } from './changed-scope.js'

export interface ValidateOptions {
  /** The repository root: the folder holding gitsm.yaml. */
  root: string
  /** Read every file from this commit (any REV git understands) instead of the working tree. */
  ref?: string
  /** Check only files changed since this REV; references still resolve against the whole repository. */
  changedSince?: string
  /** "Now" for date-dependent checks (review dates). Undefined turns those checks off. */
  now?: Date
  /**
   * Also render each Article's body as sanitized HTML (`safeHtml` on its parsed record, see mdastToSafeHtml), from
   * the same parse, for the report's article pages. A file that does not parse has no HTML (and a diagnostic).
   */
  articleHtml?: boolean
}

export interface ValidationResult {
  root: string
  /** Where the files were read: the folder, or the commit. */
  source: string
  /** Record files checked (with `changedSince`, only the changed ones). */
  files: number
  /** Records that parsed, among the checked files. */
  records: number
  errors: number
  warnings: number
  diagnostics: Diagnostic[]
  /** The text of each file that has a diagnostic, for code frames. */
  sources: Record<string, string>
  /** The records that parsed (checked and context records). */
  parsed: ItsmRecord[]
  config: Config
  /** Whether the whole repository was checked and, for `changedSince`, why it had to be. */
  scope: ValidationScope
}

export interface ValidationScope {
  full: boolean
  /** Why a `changedSince` run checked the whole repository. */
  reason?: string
}

const recordExtension = /\.(ya?ml|md)$/i

/** From this many Markdown files on, worker threads parse them (starting one costs about as much as 100 files). */
const workerThreshold = 100

/**
 * Validates an ITSM repository: reads gitsm.yaml, then every record file (or those changed since a REV), parses
 * each once, and runs the schemas and rules. Throws ConfigError (exit 2) for a bad gitsm.yaml and
 * InfrastructureError (exit 3) when git cannot answer; findings about records are diagnostics, never throws.
 */
export async function validateRepository(options: ValidateOptions): Promise<ValidationResult> {
  // isomorphic-git is loaded only when git is asked for: plain validation does not pay for it.
  const tree: TreeReader = options.ref
    ? await (await import('../io/git-tree.js')).openGitTree(options.root, options.ref)
    : openWorkingTree(options.root)
  const config = await readConfig(tree)
  // The whole tree is listed: records live in their folders, but links from articles may point anywhere.
  const folders = [...new Set(kinds.map((kind) => trimSlashes(kindFolder(config, kind))))]
  const inRecordFolder = (path: string): boolean => folders.some((folder) => folder === '' || path.startsWith(`${folder}/`))
  const whole = await tree.list([''])
  const listing = { entries: whole.entries, diagnostics: whole.diagnostics.filter((d) => d.file === undefined || inRecordFolder(d.file)) }
  const allFiles = new Set(whole.entries.map((e) => e.path))
  const ignored = picomatch(config.ignore, { dot: true })
  const entries = dedupeByPath(listing.entries).filter((e) => inRecordFolder(e.path) && recordExtension.test(e.path) && !ignored(e.path))

  let checked: TreeEntry[] = entries
  let context: TreeEntry[] = []
  let listed: ListedRecord[] = []
  let reportFiles: Set<string> | undefined
  let scope: ValidationScope = { full: true }
  if (options.changedSince !== undefined) {
    const decided = await scopeToChanges({ root: options.root, rev: options.changedSince, ref: options.ref, config, entries, isIgnored: ignored })
    if (decided.full) scope = { full: true, reason: decided.reason }
    else {
      scope = { full: false }
      ;({ reportFiles, checked, context, listed } = decided)
    }
  }

  const diagnostics: Diagnostic[] = [...listing.diagnostics]
  const parsedRecords: ParsedRecord[] = []
  // Markdown goes first, to worker threads when there is enough of it to pay for starting them: they parse on the
  // other cores while this thread parses the YAML.
  const isMarkdown = (entry: TreeEntry): boolean => /\.md$/i.test(entry.path)
  const toParse = [...checked, ...context]
  const markdownCount = toParse.filter(isMarkdown).length
  const ordered = [...toParse.filter(isMarkdown), ...toParse.filter((e) => !isMarkdown(e))]
  const markdown = createMarkdownParser({ budgetMs: loaderLimits.markdownParseMs, mainThread: markdownCount < workerThreshold })
  // Articles live in the knowledge folder; one elsewhere (its kind declared, file/wrong-folder turned off) names its
  // kind in the text, and a text that merely mentions the word costs one needless rendering.
  const wantsHtml = (path: string, text: string): boolean => options.articleHtml === true && (folderKind(path, config) === 'Article' || text.includes('Article'))
  try {
    const results = await mapLimit(ordered, 64, async (entry) => {
      const limit = isMarkdown(entry) ? loaderLimits.markdownBytes : loaderLimits.recordBytes
      if (entry.size > limit) return tooLarge(entry, limit)
      let text: string | undefined
      try {
        text = await tree.read(entry.path)
      } catch (error) {
        // One unreadable file (invalid UTF-8) is a finding about that file; the others are still checked.
        if (isFileContentError(error)) return { ok: false as const, diagnostics: [error.diagnostic] }
        throw error
      }
      if (text === undefined) return undefined
      return isMarkdown(entry) ? markdown.parse({ path: entry.path, text, html: wantsHtml(entry.path, text) }) : parseRecordFile({ path: entry.path, text })
    })
    for (const result of results) {
      if (!result) continue
      if (result.ok) parsedRecords.push(result.value)
      else diagnostics.push(...result.diagnostics)
    }
  } finally {
    await markdown.close()
  }
  // Rules see records in path order, whatever order they were parsed in.
  parsedRecords.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))

  const lint = lintRecords({ records: parsedRecords, config, now: options.now, listed, reportFiles, files: allFiles })
  const kept = reportFiles ? diagnostics.filter((d) => d.file === undefined || reportFiles.has(d.file)) : diagnostics
  const all = sortDiagnostics([...kept, ...lint.diagnostics])
  // Code frames need the text of the files with findings only; they are few, so read them again.
  const sources: Record<string, string> = {}
  const sizes = new Map(entries.map((e) => [e.path, e.size]))
  for (const file of new Set(all.map((d) => d.file))) {
    const size = file === undefined ? undefined : sizes.get(file)
    if (file !== undefined && size !== undefined && size <= loaderLimits.markdownBytes) sources[file] = (await tree.read(file).catch(() => undefined)) ?? ''
  }
  const checkedSet = new Set(checked.map((e) => e.path))
  return {
    root: options.root,
    source: tree.description,
    files: checkedSet.size,
    records: parsedRecords.filter((r) => checkedSet.has(r.file)).length,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    diagnostics: all,
    sources,
    parsed: lint.records,
    config,
    scope,
  }
}

function tooLarge(entry: TreeEntry, limit: number): { ok: false; diagnostics: Diagnostic[] } {
  const kib = (n: number): string => `${Math.ceil(n / 1024)} KiB`
  return {
    ok: false,
    diagnostics: [
      {
        ruleId: 'file/too-large',
        severity: 'error',
        message: `This file is ${kib(entry.size)}; files of this type may be at most ${kib(limit)}. Split it into smaller records.`,
        file: entry.path,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
  }
}

function dedupeByPath(entries: readonly TreeEntry[]): TreeEntry[] {
  const seen = new Set<string>()
  return entries.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)))
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R> | R): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
