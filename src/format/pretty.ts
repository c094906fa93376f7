import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js'
import { formatCodeFrame } from './code-frame.js'

export interface PrettyInput {
  diagnostics: readonly Diagnostic[]
  sources: Readonly<Record<string, string>>
  files: number
  records: number
  /** What was checked, for the summary line (a folder or a commit). */
  source: string
  /** Prefix for file names so they can be clicked from the terminal (the root relative to the working directory). */
  displayRoot?: string
  elapsedMs?: number
  /** A line to print before the summary, such as what a `--changed-since` run covered. */
  note?: string
}

export interface PrettyOptions {
  color: boolean
}

const codes = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], green: [32, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const
type Paint = (style: keyof typeof codes, text: string) => string

/**
 * Human output, like a good linter's: findings grouped by file, a code frame under each error, and a summary line.
 * Every message is made single-line and free of terminal control characters.
 */
export function formatPretty(input: PrettyInput, options: PrettyOptions): string {
  const paint: Paint = options.color ? (style, text) => `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : (_style, text) => text
  const out: string[] = []
  const groups = new Map<string, Diagnostic[]>()
  for (const d of input.diagnostics) {
    const key = d.file ?? ''
    const list = groups.get(key)
    if (list) list.push(d)
    else groups.set(key, [d])
  }
  for (const [file, list] of groups) {
    out.push(paint('underline', file ? joinPath(input.displayRoot, file) : '(repository)'))
    for (const d of list) {
      const where = d.line !== undefined ? `${d.line}:${d.column ?? 1}` : ''
      out.push(`  ${paint('dim', where.padStart(7))}  ${severityLabel(d.severity, paint)}  ${oneLine(d.message)}  ${paint('dim', d.ruleId)}`)
      for (const related of d.related ?? []) {
        const at = related.file ? `${joinPath(input.displayRoot, related.file)}${related.line !== undefined ? `:${related.line}:${related.column ?? 1}` : ''}` : ''
        out.push(`  ${' '.repeat(7)}  ${paint('dim', `${' '.repeat(7)}↳ ${oneLine(related.message)}${at ? ` (${at})` : ''}`)}`)
      }
      const source = d.file ? input.sources[d.file] : undefined
      if (d.severity === 'error' && source !== undefined) {
        const frame = formatCodeFrame(source, d, { dim: (t) => paint('dim', t), marker: (t) => paint('red', t) })
        if (frame) out.push('', indent(frame, 4), '')
      }
    }
    if (out[out.length - 1] !== '') out.push('')
  }
  if (input.note) out.push(paint('dim', oneLine(input.note)))
  out.push(summary(input, paint))
  return `${out.join('\n')}\n`
}

function summary(input: PrettyInput, paint: Paint): string {
  const errors = input.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = input.diagnostics.filter((d) => d.severity === 'warning').length
  const infos = input.diagnostics.length - errors - warnings
  const where = input.source === '.' || input.source === '' ? '' : ` in ${input.source}`
  const checked = `${plural(input.files, 'file')}, ${plural(input.records, 'record')} checked${where}${input.elapsedMs !== undefined ? ` (${formatMs(input.elapsedMs)})` : ''}`
  if (input.diagnostics.length === 0) return `${paint('green', '✔')} No problems: ${checked}.`
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')]
  if (infos > 0) parts.push(plural(infos, 'notice'))
  const files = new Set(input.diagnostics.map((d) => d.file)).size
  const mark = errors > 0 ? paint('red', '✖') : paint('yellow', '⚠')
  return `${mark} ${paint('bold', plural(input.diagnostics.length, 'problem'))} (${parts.join(', ')}) in ${plural(files, 'file')}; ${checked}.`
}

function severityLabel(severity: Severity, paint: Paint): string {
  if (severity === 'error') return paint('red', 'error  ')
  if (severity === 'warning') return paint('yellow', 'warning')
  return paint('cyan', 'notice ')
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n')
}

function joinPath(root: string | undefined, file: string): string {
  return root && root !== '.' ? `${root.replace(/\/+$/, '')}/${file}` : file
}

/** Messages may quote user data: fold newlines and drop control characters so one finding stays one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
}
