import { UsageError } from '../errors.js'
import { createGitHubClient } from '../io/github/client.js'
import { auditedChanges, buildReport, rangeInstants, resolveRange, type ReportData } from '../report/build.js'
import { compare } from '../report/record-facts.js'
import { formatIcs } from '../report/format/ics.js'
import { renderHtmlSite, type ArticleSource } from '../report/format/html/index.js'
import { formatMarkdownReport } from '../report/format/markdown.js'
import { text } from '../rules/util.js'
import { parseDate } from '../time/timestamp.js'
import { readAuditEvidence } from './audit-evidence.js'
import { validateRepository, type ValidationResult } from './validate-repository.js'

export const reportFormats = ['html', 'md', 'json', 'ics'] as const
export type ReportFormat = (typeof reportFormats)[number]

/** A comma-separated list of formats (spaces and repeats allowed): the known ones, in order, and the unknown ones. */
export function parseReportFormats(list: string): { formats: ReportFormat[]; unknown: string[] } {
  const names = [...new Set(list.split(',').map((f) => f.trim()).filter((f) => f !== ''))]
  const known = (f: string): f is ReportFormat => (reportFormats as readonly string[]).includes(f)
  return { formats: names.filter(known), unknown: names.filter((f) => !known(f)) }
}

export interface ReportOptions {
  /** The repository root: the folder holding gitsm.yaml. */
  root: string
  /** First and last local day of the report (`YYYY-MM-DD`, the repository's time zone); default: the quarter of `now`. */
  from?: string
  to?: string
  now: Date
  /** With a token, the audit reads the pull requests and reviews behind each approval from GitHub. */
  github?: { token: string; baseUrl?: string; owner: string; repo: string }
}

export interface ReportOutcome {
  validation: ValidationResult
  /** Undefined when the records have errors: figures computed from broken records would be wrong. */
  report?: ReportData
  /** The articles' bodies as sanitized HTML, from the validation's parse, for the HTML site's article pages. */
  articles: ArticleSource[]
}

/**
 * Builds the report of an ITSM repository: validates it (a report is only built from records without errors), reads
 * the audit evidence from git (and GitHub when a token is given), and computes every figure. Throws UsageError for
 * bad dates, ConfigError for a bad gitsm.yaml, InfrastructureError when git or GitHub cannot answer.
 */
export async function buildRepositoryReport(options: ReportOptions): Promise<ReportOutcome> {
  const from = dateOption(options.from, '--from')
  const to = dateOption(options.to, '--to')
  // The article pages are rendered from the validation's parse of each article, in the same worker threads.
  const validation = await validateRepository({ root: options.root, now: options.now, articleHtml: true })
  if (validation.errors > 0) return { validation, articles: [] }
  const { config, parsed: records } = validation
  const now = options.now.getTime()
  let range
  try {
    range = resolveRange(from, to, now, config.timezone)
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message)
    throw error
  }
  const github = options.github && {
    client: createGitHubClient({ token: options.github.token, baseUrl: options.github.baseUrl }),
    owner: options.github.owner,
    repo: options.github.repo,
  }
  const changes = auditedChanges(records, rangeInstants(range, config.timezone))
  const evidence = await readAuditEvidence({ root: options.root, changes, ...(github ? { github } : {}) })
  const report = buildReport({
    records,
    config,
    range,
    now,
    audit: evidence.entries,
    source: { commit: evidence.history.head, shallow: evidence.history.shallow },
  })
  const articles: ArticleSource[] = []
  for (const r of records) {
    if (r.kind !== 'Article' || r.id === undefined || r.safeHtml === undefined) continue
    articles.push({ id: r.id, title: text(r.data.title) ?? r.id, file: r.file, html: r.safeHtml })
  }
  articles.sort((a, b) => compare(a.id, b.id))
  return { validation, report, articles }
}

/** The report's files for the chosen formats: relative path → content. Deterministic. */
export function renderReportFiles(report: ReportData, articles: readonly ArticleSource[], formats: readonly ReportFormat[]): Map<string, string> {
  const files = new Map<string, string>()
  if (formats.includes('html')) for (const [path, content] of renderHtmlSite(report, articles)) files.set(path, content)
  if (formats.includes('md')) files.set('report.md', formatMarkdownReport(report))
  if (formats.includes('json')) files.set('report.json', formatReportJson(report))
  if (formats.includes('ics')) {
    const org = report.organization ?? 'gitsm'
    files.set('changes.ics', formatIcs(report.changes.calendar, { now: Date.parse(report.generated_at), timezone: report.timezone, name: `${org} changes`, domain: `${org.toLowerCase()}.gitsm` }))
  }
  return files
}

/** The JSON report: one document, two-space indented, ending in a newline. */
export function formatReportJson(report: ReportData): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

function dateOption(value: string | undefined, option: string) {
  if (value === undefined) return undefined
  const date = parseDate(value)
  if (!date) throw new UsageError(`${option} "${value}" is not a date: write YYYY-MM-DD, such as 2026-10-01.`)
  return date
}
