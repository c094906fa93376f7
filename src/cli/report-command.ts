import { relative, resolve } from 'node:path'
import { availabilityTally, buildRepositoryReport, ConfigError, formatPretty, formatReportJson, parseReportFormats, renderReportFiles, reportFormats, UsageError, writeReportDirectory, type ReportData, type ReportFormat } from '../index.js'
import { reportHelp } from './help.js'
import { useColor, type CliIo } from './io.js'
import { parseCommandArgs } from './main.js'
import { nowOption, repositoryOption, toPosix } from './options.js'

export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      from: { type: 'string' },
      to: { type: 'string' },
      now: { type: 'string' },
      repo: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'report',
  )
  if (values.help) {
    io.stdout.write(reportHelp)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`report takes one DIR, got ${positionals.length}: ${positionals.join(' ')}. See \`gitsm report --help\`.`)
  const formats = formatList(values.format)
  const now = nowOption(values.now)
  const root = resolve(io.cwd, positionals[0] ?? '.')
  const displayRoot = toPosix(relative(io.cwd, root)) || '.'
  // JSON alone and no --out: the JSON document on stdout, nothing else (DESIGN.md's contract for --format json).
  const jsonToStdout = formats.length === 1 && formats[0] === 'json' && values.out === undefined
  const out = resolve(io.cwd, values.out ?? 'report')

  const github = githubOption(values.repo, io)
  let outcome
  try {
    outcome = await buildRepositoryReport({ root, from: values.from, to: values.to, now, ...(github ? { github } : {}) })
  } catch (error) {
    if (!(error instanceof ConfigError) || error.diagnostics.length === 0) throw error
    const sources: Record<string, string> = error.source !== undefined ? { 'gitsm.yaml': error.source } : {}
    io.stderr.write(`${formatPretty({ diagnostics: error.diagnostics, sources, files: 0, records: 0, source: displayRoot, displayRoot }, { color: useColor(io, 'stderr') })}\ngitsm: ${error.message} No report written.\n`)
    return error.exitCode
  }
  const { validation, report } = outcome
  if (!report) {
    const shown = formatPretty(
      { diagnostics: validation.diagnostics, sources: validation.sources, files: validation.files, records: validation.records, source: displayRoot, displayRoot },
      { color: useColor(io, 'stderr') },
    )
    io.stderr.write(`${shown}\ngitsm: no report written: figures computed from records with errors would be wrong. Fix the errors above (gitsm validate ${displayRoot}), then run the report again.\n`)
    return 1
  }
  if (jsonToStdout) {
    io.stdout.write(formatReportJson(report))
    return 0
  }
  await writeReportDirectory(out, renderReportFiles(report, outcome.articles, formats))
  const shownOut = toPosix(relative(io.cwd, out)) || '.'
  io.stdout.write(summary(report, formats, shownOut, github !== undefined))
  return 0
}

function formatList(text: string | undefined): ReportFormat[] {
  if (text === undefined) return [...reportFormats]
  const { formats, unknown } = parseReportFormats(text)
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(`Unknown report format${unknown.length > 1 ? 's' : ''} "${unknown.join(', ') || text}". Use a comma-separated list of: ${reportFormats.join(', ')}.`)
  }
  return formats
}

/** `--repo OWNER/NAME` (or GITHUB_REPOSITORY in Actions) with GITHUB_TOKEN: the audit reads reviews from GitHub. */
function githubOption(repoText: string | undefined, io: CliIo): { token: string; baseUrl?: string; owner: string; repo: string } | undefined {
  const token = io.env.GITHUB_TOKEN
  const named = repoText ?? io.env.GITHUB_REPOSITORY
  if (repoText !== undefined && !token) throw new UsageError('--repo reads pull requests and reviews from GitHub and needs a token in GITHUB_TOKEN.')
  if (!token || named === undefined) return undefined
  const { owner, repo } = repositoryOption(named, repoText === undefined ? 'GITHUB_REPOSITORY' : '--repo')
  return { token, owner, repo, ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}) }
}

const fileOf: Record<ReportFormat, string> = { html: 'index.html', md: 'report.md', json: 'report.json', ics: 'changes.ics' }

function summary(report: ReportData, formats: readonly ReportFormat[], out: string, withGitHub: boolean): string {
  const c = report.changes
  const flagged = report.audit.filter((a) => a.flags.length > 0).length
  const { measured, missed } = availabilityTally(report.slas)
  const lines = [
    `Report ${report.from} to ${report.to} (${report.timezone}) written to ${out}/`,
    ...formats.map((f) => `  ${out}/${fileOf[f]}`),
    '',
    `  ${report.catalog.services.length} services, ${report.catalog.gaps.length} catalog gaps`,
    `  ${missed.length} of ${measured.length} SLA availability periods under target, ${report.sla_breaches.length} response or resolution breaches`,
    `  ${c.total} changes (${c.by_type.standard} standard, ${c.by_type.normal} normal, ${c.by_type.emergency} emergency), ${c.collisions.length} collisions, ${c.in_freeze.length} in a freeze`,
    `  ${report.incidents.by_month.reduce((n, m) => n + m.opened, 0)} incidents opened`,
    `  ${report.knowledge.stale.length} stale and ${report.knowledge.expiring.length} expiring articles`,
    `  ${report.audit.length} changes audited, ${flagged} flagged${withGitHub ? '' : ' (reviews not checked: set GITHUB_TOKEN and --repo to read them from GitHub)'}`,
  ]
  return `${lines.join('\n')}\n`
}
