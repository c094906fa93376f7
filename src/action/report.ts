import * as core from '@actions/core'
import { buildRepositoryReport, ConfigError, oneLine, parseReportFormats, renderReportFiles, reportFormats, UsageError, writeReportDirectory, type ReportFormat } from '../index.js'
import { annotateDiagnostics } from './annotate.js'
import { writeJobSummary, type StepContext } from './context.js'

export interface ReportStepOptions {
  /** With a token and the repository, the audit reads each approval's pull request and reviews from GitHub. */
  github?: { token: string; baseUrl: string; owner: string; repo: string }
}

/**
 * `command: report`: builds the reports (the `format` input lists which: html, md, json, ics; empty means all) into
 * `report-dir`, replacing it as a whole, puts the Markdown report in the job summary and sets the `report-dir` output.
 * Records with errors are annotated and fail the step without writing a report.
 */
export async function runReportStep(context: StepContext, options: ReportStepOptions): Promise<void> {
  const formats = reportFormatList(context.format)
  let outcome
  try {
    outcome = await buildRepositoryReport({ root: context.root, now: context.now, ...(options.github ? { github: options.github } : {}) })
  } catch (error) {
    // A broken gitsm.yaml: its problems on their lines, then the step fails with the error's message.
    if (error instanceof ConfigError) annotateDiagnostics(error.diagnostics, context.prefix)
    throw error
  }
  const { validation, report } = outcome
  if (!report) {
    annotateDiagnostics(validation.diagnostics, context.prefix)
    core.setOutput('errors', validation.errors)
    core.setOutput('warnings', validation.warnings)
    core.setFailed(`gitsm wrote no report: ${validation.errors} error${validation.errors === 1 ? '' : 's'} in the ITSM records (see the annotations) would make its figures wrong. Fix them, then run the report again.`)
    return
  }
  const files = renderReportFiles(report, outcome.articles, formats)
  await writeReportDirectory(context.reportDir, files)
  core.setOutput('report-dir', context.reportDir)
  await writeJobSummary(context, summaryMarkdown(renderReportFiles(report, [], ['md']).get('report.md')!))
  const flagged = report.audit.filter((a) => a.flags.length > 0).length
  core.info(oneLine(`gitsm: report ${report.from} to ${report.to} written to ${context.reportDir} (${formats.join(', ')}); ${report.sla_breaches.length} SLA breaches, ${report.changes.total} changes, ${flagged} flagged in the audit.`))
}

/** The `format` input for reports: a comma-separated list of html, md, json, ics; empty for all of them. */
export function reportFormatList(input: string): ReportFormat[] {
  const { formats, unknown } = parseReportFormats(input)
  if (unknown.length > 0) throw new UsageError(`The format "${unknown.join(', ')}" does not apply to report. Use a comma-separated list of: ${reportFormats.join(', ')}, or leave it empty for all.`)
  return formats.length === 0 ? [...reportFormats] : formats
}

/** GitHub refuses a job summary over 1 MiB: a longer report is cut at a section boundary, and the summary says so. */
const summaryLimit = 1000 * 1000

export function summaryMarkdown(markdown: string): string {
  if (Buffer.byteLength(markdown) <= summaryLimit) return markdown
  let cut = 0
  for (let at = markdown.indexOf('\n## '); at !== -1; at = markdown.indexOf('\n## ', at + 1)) {
    if (Buffer.byteLength(markdown.slice(0, at)) > summaryLimit - 200) break
    cut = at
  }
  return `${markdown.slice(0, cut).trimEnd()}\n\n_The report is longer than a job summary may be: the rest is in report.md of the report folder._\n`
}
