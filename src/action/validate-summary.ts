import { escapeMarkdown, type Diagnostic, type ValidationResult } from '../index.js'

/** The job summary's table stops here: GitHub takes at most 1 MiB of summary per step. */
const maxRows = 1000

const labels = { error: '✖ error', warning: '⚠ warning', info: 'ℹ info' } as const

export interface ValidateSummaryInput {
  result: Pick<ValidationResult, 'files' | 'records' | 'errors' | 'warnings' | 'diagnostics'>
  /** Where the root is in the workspace ('' for the workspace itself). */
  prefix: string
  /** Which files were checked, and why, when not simply all of them. */
  note?: string
}

/** The job summary of a validate run: the counts, then one table row per finding. User text is escaped: inert. */
export function formatValidateSummary({ result, prefix, note }: ValidateSummaryInput): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
  const verdict = result.errors > 0 ? '✖' : result.warnings > 0 ? '⚠' : '✔'
  const out = [
    `### ${verdict} gitsm validate: ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}`,
    '',
    `Checked ${count(result.files, 'file')} (${count(result.records, 'record')}).${note ? ` ${escapeMarkdown(note)}` : ''}`,
    '',
  ]
  out.push(...table(result.diagnostics, prefix))
  return `${out.join('\n')}\n`
}

/** The job summary when gitsm.yaml itself is broken: nothing else was checked. */
export function formatConfigErrorSummary(message: string, diagnostics: readonly Diagnostic[], prefix: string): string {
  return [`### ✖ gitsm validate: configuration error`, '', escapeMarkdown(message), '', ...table(diagnostics, prefix)].join('\n') + '\n'
}

function table(diagnostics: readonly Diagnostic[], prefix: string): string[] {
  if (diagnostics.length === 0) return []
  const out = ['| | where | rule | message |', '| --- | --- | --- | --- |']
  for (const d of diagnostics.slice(0, maxRows)) out.push(`| ${labels[d.severity]} | ${where(d, prefix)} | ${escapeMarkdown(d.ruleId)} | ${escapeMarkdown(d.message)} |`)
  const rest = diagnostics.length - maxRows
  if (rest > 0) out.push('', `…and ${rest} more. Set the \`format\` input to \`json\` or \`sarif\` for all of them.`)
  out.push('')
  return out
}

function where(d: Diagnostic, prefix: string): string {
  if (d.file === undefined) return '—'
  const position = d.line === undefined ? '' : `:${d.line}${d.column === undefined ? '' : `:${d.column}`}`
  return escapeMarkdown(`${prefix}${d.file}${position}`)
}
