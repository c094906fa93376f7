import { zonedTimestamp } from '../../zoned-time.js'
import { escapeHtml } from './escape.js'

// Building blocks of the pages. Arguments named `html` are markup already escaped; every other string is text.

export type Tone = 'ok' | 'bad' | 'warn'

export interface Column {
  label: string
  /** Right-aligned, tabular figures. */
  numeric?: boolean
}

export interface TableInput {
  /** Visible caption; the table's name for screen readers. */
  caption: string
  columns: readonly Column[]
  /** Cells as HTML; the first cell of each row is its header (`<th scope="row">`). */
  rows: readonly (readonly string[])[]
  /** Marks a row (by index) as a problem. */
  bad?: (index: number) => boolean
  /** Shown instead of an empty table. */
  empty?: string
  /** A fragment id for the table's wrapper. */
  id?: string
  /** A fragment id for a row (by index). */
  rowId?: (index: number) => string | undefined
}

/** A table in a horizontally scrolling box, so wide tables never widen the page on a phone. */
export function table(input: TableInput): string {
  if (input.rows.length === 0) return `<p class="muted"${input.id ? ` id="${input.id}"` : ''}>${escapeHtml(input.empty ?? 'None.')}</p>`
  const cls = (c: Column | undefined): string => (c?.numeric ? ' class="n"' : '')
  const head = input.columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.label)}</th>`).join('')
  const body = input.rows
    .map((row, i) => {
      const cells = row.map((cell, j) => (j === 0 ? `<th scope="row"${cls(input.columns[0])}>${cell}</th>` : `<td${cls(input.columns[j])}>${cell}</td>`))
      const id = input.rowId?.(i)
      return `<tr${id ? ` id="${id}"` : ''}${input.bad?.(i) ? ' class="hl"' : ''}>${cells.join('')}</tr>`
    })
    .join('\n')
  return `<div class="scroll"${input.id ? ` id="${input.id}"` : ''}><table>
<caption>${escapeHtml(input.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>`
}

export interface Card {
  label: string
  /** The figure, as text. */
  value: string
  /** A line under the figure, as HTML. */
  subHtml?: string
  tone?: Tone
  /** Where the figure is explained, relative to the page. */
  href?: string
}

/** Headline figures as a grid of small cards. */
export function cards(items: readonly Card[]): string {
  const card = (c: Card): string => {
    const label = c.href ? `<a href="${c.href}">${escapeHtml(c.label)}</a>` : escapeHtml(c.label)
    const value = `<p class="v${c.tone ? ` ${c.tone}` : ''}">${escapeHtml(c.value)}</p>`
    return `<div class="card${c.tone === 'bad' ? ' bad' : ''}"><p class="k">${label}</p>${value}${c.subHtml ? `<p class="s">${c.subHtml}</p>` : ''}</div>`
  }
  return `<div class="cards">${items.map(card).join('')}</div>`
}

/** A small label: a flag, a status, a type. */
export function tag(text: string, tone?: Tone): string {
  return `<span class="tag${tone ? ` ${tone}` : ''}">${escapeHtml(text)}</span>`
}

/** Items as HTML joined by commas, or a dash for none. */
export function list(items: readonly string[]): string {
  return items.length === 0 ? '<span class="muted">–</span>' : items.join(', ')
}

/** Plain text values joined by commas (escaped), or a dash for none. */
export function textList(items: readonly string[]): string {
  return list(items.map(escapeHtml))
}

/** A text value or a dash for null. */
export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '<span class="muted">–</span>' : escapeHtml(value)
}

const timestamp = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|z|[+-]\d{2}:\d{2})$/

/** An RFC 3339 timestamp's parts as written: date, `hh:mm` (with seconds when not zero), zone. */
function timestampParts(value: string): { date: string; time: string; zone: string } | undefined {
  const m = timestamp.exec(value)
  if (!m) return undefined
  const seconds = m[3] && !/^:00(?:\.0+)?$/.test(m[3]) ? m[3] : ''
  return { date: m[1]!, time: `${m[2]}${seconds}`, zone: m[4]!.toUpperCase() === 'Z' ? 'UTC' : m[4]! }
}

/** An RFC 3339 timestamp as written, easier to read: `2026-12-03 22:00 +01:00`. Other text is left as it is. */
export function formatTimestamp(value: string): string {
  const p = timestampParts(value)
  return p ? `${p.date} ${p.time} ${p.zone}` : value
}

/** A window within one day and one offset as short text, `2026-12-03 22:00–23:30 +01:00`; else undefined. */
export function formatDaySpan(start: string, end: string): string | undefined {
  const a = timestampParts(start)
  const b = timestampParts(end)
  return a && b && a.date === b.date && a.zone === b.zone ? `${a.date} ${a.time}–${b.time} ${a.zone}` : undefined
}

/** An instant (RFC 3339 UTC, as `generated_at`) in the repository's time zone: `2026-11-21 12:00 +01:00`. */
export function formatInstant(value: string, timeZone: string): string {
  const ms = Date.parse(value)
  if (!Number.isFinite(ms)) return value
  try {
    return formatTimestamp(zonedTimestamp(ms, timeZone))
  } catch {
    return formatTimestamp(value)
  }
}

/** The page heading and the sentence under it. */
export function pageHeading(title: string, ledeHtml: string): string {
  return `<h1>${escapeHtml(title)}</h1>\n<p class="lede">${ledeHtml}</p>`
}

/** A legend for a chart's colours: `[class, label]` pairs. */
export function legend(entries: readonly (readonly [string, string])[]): string {
  return `<ul class="legend" aria-hidden="true">${entries.map(([cls, label]) => `<li><span class="sw ${cls}"></span>${escapeHtml(label)}</li>`).join('')}</ul>`
}
