import type { ReportData } from '../../build.js'
import type { CalendarFreeze, CalendarWindow } from '../../calendar.js'
import { periodsBetween } from '../../periods.js'
import { DAY_MS, fromWall } from '../../zoned-time.js'
import { compare } from '../../record-facts.js'
import { parseTimestamp } from '../../../time/timestamp.js'
import { figure, r } from './charts.js'
import { escapeHtml } from './escape.js'
import { formatDaySpan, formatTimestamp, legend } from './parts.js'

const WIDTH = 1100
const LABEL = 84
const ROW = 16
const HEAD = 30

interface Span {
  start: number
  end: number
}

/**
 * The forward schedule as a timeline: one row per change window, coloured past / current / upcoming and outlined red
 * when it lies in a freeze or collides with another change, over the freezes drawn as shaded bands, with month
 * ticks (in the repository's time zone) and a line at the report's `now`. Spans the report period, widened to hold
 * every window. Windows or freezes whose times cannot be read are left to the tables.
 */
export function changeTimeline(report: ReportData, id: string): string {
  const { windows, freezes } = report.changes.calendar
  const period = { from: localMidnight(report.from, report.timezone), to: localMidnight(report.to, report.timezone, 1) }
  const drawn = windows.flatMap((w) => withSpan(w)).sort((a, b) => a.span.start - b.span.start || compare(a.item.change, b.item.change))
  const from = Math.min(period.from, ...drawn.map((d) => d.span.start))
  const to = Math.max(period.to, ...drawn.map((d) => d.span.end))
  const x = (t: number): number => LABEL + ((Math.max(from, Math.min(to, t)) - from) / (to - from)) * (WIDTH - LABEL)
  const height = HEAD + Math.max(1, drawn.length) * ROW + 6
  const parts: string[] = []

  const bands = freezes.flatMap((f) => withSpan(f)).filter((b) => b.span.end > from && b.span.start < to)
  for (const { item, span } of bands) {
    const x1 = x(span.start)
    const w = Math.max(1, x(span.end) - x1)
    parts.push(`<rect class="${item.weekly ? 'f-freeze-weekly' : 'f-freeze'}" x="${r(x1)}" y="${HEAD - 12}" width="${r(w)}" height="${height - HEAD + 12}"><title>${escapeHtml(`${item.name}: ${formatTimestamp(item.start)} to ${formatTimestamp(item.end)}`)}</title></rect>`)
    if (w > 60) parts.push(`<text class="bad" x="${r(x1 + 3)}" y="${HEAD - 3}">${escapeHtml(clip(item.name, w / 6))}</text>`)
  }
  for (const month of periodsBetween(from, to, 'month', report.timezone)) {
    if (month.start < from) continue
    const mx = x(month.start)
    parts.push(`<line class="gl" x1="${r(mx)}" x2="${r(mx)}" y1="${HEAD - 22}" y2="${height}"/><text x="${r(mx + 3)}" y="10">${escapeHtml(month.key)}</text>`)
  }
  const now = Date.parse(report.generated_at)
  if (Number.isFinite(now) && now >= from && now <= to) {
    parts.push(`<line class="s-now" x1="${r(x(now))}" x2="${r(x(now))}" y1="${HEAD - 22}" y2="${height}"/><text class="lbl" x="${r(x(now) - 3)}" y="22" text-anchor="end">now</text>`)
  }
  drawn.forEach(({ item, span }, i) => {
    const y = HEAD + i * ROW
    const x1 = x(span.start)
    const w = Math.max(3, x(span.end) - x1)
    const problem = item.in_freeze.length > 0 || item.collides_with.length > 0
    parts.push(`<text class="lbl" x="0" y="${y + 11}">${escapeHtml(clip(item.change, 13))}</text>`)
    parts.push(`<rect class="f-${item.when}" x="${r(x1)}" y="${y + 3}" width="${r(w)}" height="${ROW - 6}" rx="1.5"><title>${escapeHtml(windowText(item))}</title></rect>`)
    if (problem) parts.push(`<rect class="s-bad" x="${r(x1 - 1.5)}" y="${y + 1.5}" width="${r(w + 3)}" height="${ROW - 3}" rx="2"/>`)
    // The title beside the bar: after it while there is room for some words, else before it.
    const room = WIDTH - (x1 + w + 5)
    const after = room >= 16 * 5.8
    const title = clip(item.title, Math.min(56, (after ? room : x1 - 5 - LABEL) / 5.8))
    parts.push(`<text x="${r(after ? x1 + w + 5 : x1 - 5)}" y="${y + 11}"${after ? '' : ' text-anchor="end"'}>${escapeHtml(title)}</text>`)
  })
  const description = drawn.length === 0
    ? 'No change windows to draw.'
    : `${drawn.length} change windows, ${formatTimestamp(new Date(from).toISOString())} to ${formatTimestamp(new Date(to).toISOString())}. ${drawn.map((d) => windowText(d.item)).join('; ')}.`
  const keys = legend([['f-past', 'past'], ['f-current', 'current'], ['f-upcoming', 'upcoming'], ['f-freeze', 'freeze'], ['o-bad', 'in a freeze or colliding (outlined)']])
  return figure({ id, title: 'Change windows and freezes', description, width: WIDTH, height, body: parts.join(''), legendHtml: keys, wide: true })
}

function withSpan<T extends CalendarWindow | CalendarFreeze>(item: T): { item: T; span: Span }[] {
  const start = parseTimestamp(item.start)
  const end = parseTimestamp(item.end)
  return start === undefined || end === undefined || end < start ? [] : [{ item, span: { start, end } }]
}

/** The instant a local day (`YYYY-MM-DD`) starts in `timeZone`, `days` later. */
function localMidnight(date: string, timeZone: string, days = 0): number {
  return fromWall(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS, timeZone)
}

function windowText(w: CalendarWindow): string {
  const issues = [
    ...(w.in_freeze.length > 0 ? [`in freeze ${w.in_freeze.join(', ')}`] : []),
    ...(w.collides_with.length > 0 ? [`collides with ${w.collides_with.join(', ')}`] : []),
    ...(w.outside_maintenance.length > 0 ? [`outside maintenance of ${w.outside_maintenance.join(', ')}`] : []),
  ]
  return `${w.change} ${w.title} (${w.when}): ${formatDaySpan(w.start, w.end) ?? `${formatTimestamp(w.start)} to ${formatTimestamp(w.end)}`}${issues.length > 0 ? `, ${issues.join(', ')}` : ''}`
}

function clip(text: string, max: number): string {
  const n = Math.max(4, Math.floor(max))
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`
}
