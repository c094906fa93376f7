import { formatAvailability } from '../units.js'
import { CHART_WIDTH, figure, r } from './charts.js'
import { escapeHtml } from './escape.js'
import { legend } from './parts.js'

export interface AvailabilityRow {
  label: string
  /** Percent, or null for no data. */
  actual: number | null
  target: number | null
}

const spans = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]

/**
 * Availability against target as bullet bars on a shared axis that ends at 100 % and starts just low enough to show
 * the lowest figure (a 0..100 axis would draw 99.5 and 99.95 alike). A bar is red when under its target. Narrow
 * (the default width): label and figures above each bar; wide: label, bar and figures on one line.
 */
export function availabilityChart(id: string, title: string, rows: readonly AvailabilityRow[], width = CHART_WIDTH): string {
  const known = rows.flatMap((row) => [row.actual, row.target]).filter((v): v is number => v !== null && Number.isFinite(v))
  const lowest = Math.min(100, ...known)
  const span = spans.find((s) => s >= (100 - lowest) * 1.25) ?? 100
  const lo = 100 - span
  const inline = width >= 600
  const labelW = inline ? Math.min(width * 0.4, 8 + 6.4 * Math.max(0, ...rows.map((row) => row.label.length))) : 0
  const valueW = inline ? 165 : 0
  const barX = labelW
  const barW = width - labelW - valueW
  const x = (v: number): number => barX + ((Math.max(lo, Math.min(100, v)) - lo) / span) * barW
  const rowH = inline ? 22 : 34
  const barY = inline ? 6 : 17
  const parts: string[] = []
  rows.forEach((row, i) => {
    const top = i * rowH
    const met = row.actual !== null && (row.target === null || row.actual >= row.target)
    const figureText = row.actual === null ? 'no data' : formatAvailability(row.actual)
    const targetText = row.target === null ? 'no target' : `target ${row.target} %`
    const textY = inline ? top + 15 : top + 12
    parts.push(`<text class="lbl" x="0" y="${textY}">${escapeHtml(row.label)}</text>`)
    parts.push(`<text x="${width}" y="${textY}" text-anchor="end"><tspan class="${met ? 'ok' : 'bad'}">${escapeHtml(figureText)}</tspan> · ${escapeHtml(targetText)}</text>`)
    parts.push(`<rect class="f-track" x="${r(barX)}" y="${top + barY}" width="${r(barW)}" height="10" rx="2"/>`)
    if (row.actual !== null) {
      const w = Math.max(1, x(row.actual) - barX)
      parts.push(`<rect class="${met ? 'f-ok' : 'f-bad'}" x="${r(barX)}" y="${top + barY}" width="${r(w)}" height="10" rx="2"><title>${escapeHtml(`${row.label}: ${figureText}, ${targetText}`)}</title></rect>`)
    }
    if (row.target !== null) parts.push(`<line class="s-target" x1="${r(x(row.target))}" x2="${r(x(row.target))}" y1="${top + barY - 3}" y2="${top + barY + 13}"/>`)
  })
  const axisY = rows.length * rowH + 4
  for (const tick of [lo, lo + span / 2, 100]) {
    const anchor = tick === lo ? 'start' : tick === 100 ? 'end' : 'middle'
    parts.push(`<text x="${r(x(tick))}" y="${axisY + 10}" text-anchor="${anchor}">${escapeHtml(`${trimZeros(tick)} %`)}</text>`)
  }
  const description = rows.length === 0
    ? 'No availability targets in this period.'
    : rows.map((row) => `${row.label}: ${row.actual === null ? 'no data' : formatAvailability(row.actual)}, ${row.target === null ? 'no target' : `target ${row.target} %`}${row.actual !== null && row.target !== null && row.actual < row.target ? ', missed' : ''}`).join('; ')
  return figure({ id, title, description, width, height: axisY + 14, body: parts.join(''), legendHtml: legend([['f-ok', 'met'], ['f-bad', 'missed'], ['s-target', 'target']]) })
}

function trimZeros(n: number): string {
  return String(Math.round(n * 1000) / 1000)
}
