import type { Diagnostic } from '../diagnostics/diagnostic.js'

export interface FrameStyle {
  dim(text: string): string
  marker(text: string): string
}

const plain: FrameStyle = { dim: (t) => t, marker: (t) => t }

/**
 * A code frame around a diagnostic: the line before, the line itself with carets under the range, the line
 * after. Tabs show as one space so carets line up; control characters are made visible, never emitted raw.
 */
export function formatCodeFrame(source: string, diagnostic: Diagnostic, style: FrameStyle = plain): string {
  if (diagnostic.line === undefined) return ''
  const lines = source.split(/\r\n|\r|\n/)
  // A final newline does not start a line worth showing.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const line = diagnostic.line
  if (line < 1 || line > lines.length) return ''
  const first = Math.max(1, line - 1)
  const last = Math.min(lines.length, line + 1)
  const width = String(last).length
  const out: string[] = []
  for (let n = first; n <= last; n++) {
    const text = visible(lines[n - 1]!)
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`
    out.push(n === line ? `${style.marker(gutter.slice(0, 1))}${style.dim(gutter.slice(1))} ${text}` : style.dim(`${gutter} ${text}`.trimEnd()))
    if (n === line) {
      const column = Math.max(1, diagnostic.column ?? 1)
      const endColumn = diagnostic.endLine === line && diagnostic.endColumn !== undefined ? diagnostic.endColumn : text.length + 1
      const count = Math.max(1, Math.min(endColumn, text.length + 1) - column)
      out.push(`${style.dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(column - 1)}${style.marker('^'.repeat(count))}`)
    }
  }
  return out.join('\n')
}

/** Replaces tabs with a space and other control characters with `�`-free escapes so a frame cannot inject output. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
