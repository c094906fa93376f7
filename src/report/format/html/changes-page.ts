import type { CalendarFreeze, CalendarWindow } from '../../calendar.js'
import { formatMinutes, formatShare } from '../units.js'
import { anchorId, escapeHtml } from './escape.js'
import { changeMonthChart } from './month-charts.js'
import { cards, formatDaySpan, formatTimestamp, list, orDash, pageHeading, table, tag, textList } from './parts.js'
import type { SiteContext } from './site-context.js'
import { changeTimeline } from './timeline.js'

const whenTitle = { upcoming: 'Upcoming', current: 'In progress now', past: 'Past' } as const

/** `changes.html`: the forward schedule over the freezes, its conflicts, and the change metrics of the period. */
export function changesPage(ctx: SiteContext): string {
  const { changes } = ctx.report
  const { windows, freezes } = changes.calendar
  const lead = changes.lead_time
  return [
    pageHeading('Changes', 'The forward schedule of change windows with the freezes laid over it, the conflicts that need a decision, and the period&#39;s change metrics. A change belongs to the month its window starts in.'),
    cards([
      { label: 'Changes', value: String(changes.total), subHtml: `standard ${changes.by_type.standard} · normal ${changes.by_type.normal} · emergency ${changes.by_type.emergency}` },
      { label: 'Success rate', value: formatShare(changes.success_rate), subHtml: 'of reviewed changes' },
      { label: 'Change failure rate', value: formatShare(changes.change_failure_rate), subHtml: 'implemented changes that caused an incident', ...(changes.change_failure_rate ? { tone: 'warn' as const } : {}) },
      { label: 'Emergency share', value: formatShare(changes.emergency_share), subHtml: `${changes.by_type.emergency} emergency changes` },
      { label: 'Lead time (median)', value: formatMinutes(lead.median_minutes), subHtml: `mean ${formatMinutes(lead.mean_minutes)} · ${lead.changes} changes` },
      { label: 'Emergency reviews overdue', value: String(changes.overdue_reviews.length), subHtml: 'post-implementation reviews past due', tone: changes.overdue_reviews.length > 0 ? 'bad' : 'ok' },
    ]),
    '<h2 id="schedule">Schedule</h2>',
    changeTimeline(ctx.report, 'change-timeline'),
    freezeTable(freezes),
    ...(['upcoming', 'current', 'past'] as const).map((when) => windowTable(ctx, when, windows.filter((w) => w.when === when))),
    '<h2 id="issues">Conflicts</h2>',
    table({
      caption: 'Colliding changes: overlapping windows on related services',
      columns: [{ label: 'Changes' }, { label: 'Through services' }],
      rows: changes.collisions.map((c) => [`${ctx.change(c.changes[0])} × ${ctx.change(c.changes[1])}`, list(c.services.map(ctx.service))]),
      empty: 'No collisions: no two changes overlap on related services.',
    }),
    table({
      caption: 'Approved changes inside a freeze that does not allow their type',
      columns: [{ label: 'Change' }, { label: 'Freezes' }],
      rows: changes.in_freeze.map((id) => [ctx.change(id), textList(windows.find((w) => w.change === id)?.in_freeze ?? [])]),
      empty: 'No approved change lies in a freeze.',
    }),
    table({
      caption: 'Changes outside the maintenance windows of their services',
      columns: [{ label: 'Change' }, { label: 'Services' }],
      rows: changes.outside_maintenance.map((o) => [ctx.change(o.change), list(o.services.map(ctx.service))]),
      empty: 'Every change window lies inside its services&#39; maintenance windows.',
    }),
    `<p><b>Emergency changes with an overdue review:</b> ${list(changes.overdue_reviews.map(ctx.change))}</p>`,
    `<p><b>Unscheduled</b> (no window, in no figure): ${textList(changes.unscheduled)}</p>`,
    '<h2 id="metrics">Metrics</h2>',
    `<div class="grid2"><div>${changeMonthChart(ctx.report, 'change-months')}</div><div>${table({
      caption: 'Changes per month by type',
      columns: [{ label: 'Month' }, { label: 'Total', numeric: true }, { label: 'Standard', numeric: true }, { label: 'Normal', numeric: true }, { label: 'Emergency', numeric: true }],
      rows: changes.by_month.map((m) => [escapeHtml(m.month), String(m.total), String(m.standard), String(m.normal), String(m.emergency)]),
      empty: 'No months in the period.',
    })}${table({
      caption: 'Rates of the period',
      columns: [{ label: 'Figure' }, { label: 'Value', numeric: true }, { label: 'Of' }],
      rows: [
        ['Success rate', formatShare(changes.success_rate), 'changes with a review outcome'],
        ['Change failure rate', formatShare(changes.change_failure_rate), 'implemented changes an incident names as its cause'],
        ['Emergency share', formatShare(changes.emergency_share), 'all changes of the period'],
        ['Lead time, median', formatMinutes(lead.median_minutes), `${lead.changes} changes: first commit of the record to the approving commit`],
        ['Lead time, mean', formatMinutes(lead.mean_minutes), `${lead.changes} changes`],
      ],
    })}</div></div>`,
  ].join('\n')
}

function windowTable(ctx: SiteContext, when: CalendarWindow['when'], windows: readonly CalendarWindow[]): string {
  return `<h3>${whenTitle[when]} <span class="muted">(${windows.length})</span></h3>\n${table({
    caption: `${whenTitle[when]} change windows`,
    columns: [{ label: 'Change' }, { label: 'Title' }, { label: 'Type' }, { label: 'Risk' }, { label: 'Status' }, { label: 'Services' }, { label: 'Window' }, { label: 'Downtime' }, { label: 'Conflicts' }],
    rows: windows.map((w) => [
      escapeHtml(w.change),
      escapeHtml(w.title),
      w.type === 'emergency' ? tag(w.type, 'warn') : orDash(w.type),
      w.risk === 'high' || w.risk === 'critical' ? tag(w.risk, w.risk === 'critical' ? 'bad' : 'warn') : orDash(w.risk),
      orDash(w.status),
      list(w.services.map(ctx.service)),
      windowCell(w),
      w.expected_downtime ? tag('expected', 'warn') : '<span class="muted">–</span>',
      conflicts(ctx, w),
    ]),
    rowId: (i) => anchorId('change', windows[i]!.change),
    bad: (i) => windows[i]!.in_freeze.length > 0 || windows[i]!.collides_with.length > 0,
    empty: `No ${when === 'current' ? 'change window is open now' : `${when} change windows`}.`,
  })}`
}

function windowCell(w: CalendarWindow): string {
  const day = formatDaySpan(w.start, w.end)
  if (day) return `<span class="nw">${escapeHtml(day)}</span>`
  return `<span class="nw">${escapeHtml(formatTimestamp(w.start))}</span> to<br><span class="nw">${escapeHtml(formatTimestamp(w.end))}</span>`
}

function conflicts(ctx: SiteContext, w: CalendarWindow): string {
  const lines = [
    ...w.in_freeze.map((f) => `${tag('in freeze', 'bad')} ${escapeHtml(f)}`),
    ...(w.collides_with.length > 0 ? [`${tag('collides', 'bad')} ${list(w.collides_with.map(ctx.change))}`] : []),
    ...(w.outside_maintenance.length > 0 ? [`${tag('outside maintenance', 'warn')} ${list(w.outside_maintenance.map(ctx.service))}`] : []),
  ]
  return lines.length === 0 ? '<span class="muted">–</span>' : lines.join('<br>')
}

/** The freezes, a weekly one as a single row from its first to its last occurrence. */
function freezeTable(freezes: readonly CalendarFreeze[]): string {
  const rows: { first: CalendarFreeze; last: CalendarFreeze; count: number }[] = []
  for (const f of freezes) {
    const same = f.weekly ? rows.find((r) => r.first.weekly && r.first.name === f.name) : undefined
    if (same) {
      same.last = f
      same.count++
    } else rows.push({ first: f, last: f, count: 1 })
  }
  return table({
    caption: 'Freezes',
    columns: [{ label: 'Freeze' }, { label: 'From' }, { label: 'To' }, { label: 'Repeats' }, { label: 'Allowed types' }, { label: 'Applies to' }],
    rows: rows.map(({ first, last, count }) => [
      escapeHtml(first.name),
      `<span class="nw">${escapeHtml(formatTimestamp(first.start))}</span>`,
      `<span class="nw">${escapeHtml(formatTimestamp(last.end))}</span>`,
      first.weekly ? (count > 1 ? `weekly, ${count} times` : 'weekly') : 'once',
      textList(first.allow),
      scope(first),
    ]),
    empty: 'No freezes in this period.',
  })
}

function scope(f: CalendarFreeze): string {
  const parts = [...(f.scope.tiers.length > 0 ? [`tiers ${f.scope.tiers.join(', ')}`] : []), ...(f.scope.services.length > 0 ? [`services ${f.scope.services.join(', ')}`] : [])]
  return parts.length === 0 ? 'all services' : escapeHtml(parts.join('; '))
}
