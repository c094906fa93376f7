import type { ReportData } from '../../build.js'
import type { IncidentMonth } from '../../incidents.js'
import { formatMinutes, formatShare } from '../units.js'
import { availabilityChart, type AvailabilityRow } from './availability-chart.js'
import { changeMonthChart, incidentMonthChart } from './month-charts.js'
import { escapeHtml } from './escape.js'
import { cards, type Card, formatInstant, list, pageHeading } from './parts.js'
import type { SiteContext } from './site-context.js'
import { availabilityTally } from '../../sla.js'

/** `index.html`: the period, the headline figures, three charts, and what needs someone's attention. */
export function overviewPage(ctx: SiteContext): string {
  const { report } = ctx
  const org = report.organization ? ` of ${escapeHtml(report.organization)}` : ''
  return [
    pageHeading('Overview', `IT service management report${org} for <b>${escapeHtml(report.from)}</b> to <b>${escapeHtml(report.to)}</b> (${escapeHtml(report.timezone)}), figures as of ${escapeHtml(formatInstant(report.generated_at, report.timezone))}.`),
    cards(headline(report)),
    '<h2 id="attention">Needs attention</h2>',
    attention(ctx),
    '<h2 id="trends">Trends</h2>',
    `<div class="grid3">${changeMonthChart(report, 'ov-changes')}${incidentMonthChart(report, 'ov-incidents')}${availabilityChart('ov-availability', 'Availability vs target, lowest period per SLA and service', worstAvailability(report))}</div>`,
  ].join('\n')
}

function headline(report: ReportData): Card[] {
  const { catalog, changes, incidents, knowledge } = report
  const tiers = Object.entries(catalog.by_tier).map(([tier, n]) => `${tier === 'none' ? 'no tier' : `tier ${tier}`}: ${n}`)
  const breaches = report.sla_breaches
  const { measured, missed } = availabilityTally(report.slas)
  const opened = incidents.by_month.reduce((n, m) => n + m.opened, 0)
  const resolved = incidents.by_month.reduce((n, m) => n + m.resolved, 0)
  const flagged = report.audit.filter((a) => a.flags.length > 0)
  const stale = knowledge.stale.length
  return [
    { label: 'Services', value: String(catalog.services.length), subHtml: escapeHtml([...tiers, `${catalog.gaps.length} gaps`].join(' · ')), href: 'catalog.html', ...(catalog.gaps.length > 0 ? { tone: 'warn' as const } : {}) },
    { label: 'SLA breaches', value: String(breaches.length), subHtml: `response ${breaches.filter((b) => b.clock === 'response').length} · resolution ${breaches.filter((b) => b.clock === 'resolution').length}`, href: 'slas.html#breaches', tone: breaches.length > 0 ? 'bad' : 'ok' },
    { label: 'Availability vs target', value: measured.length === 0 ? '–' : `${measured.length - missed.length} of ${measured.length} met`, subHtml: missed.length > 0 ? `${missed.length} SLA periods under target` : 'per SLA, service and period', href: 'slas.html#availability', ...(missed.length > 0 ? { tone: 'bad' as const } : measured.length > 0 ? { tone: 'ok' as const } : {}) },
    { label: 'Changes', value: String(changes.total), subHtml: `standard ${changes.by_type.standard} · normal ${changes.by_type.normal} · emergency ${changes.by_type.emergency}`, href: 'changes.html' },
    { label: 'Change success rate', value: formatShare(changes.success_rate), subHtml: `failure rate ${formatShare(changes.change_failure_rate)} · emergency ${formatShare(changes.emergency_share)}`, href: 'changes.html#metrics' },
    { label: 'Lead time (median)', value: formatMinutes(changes.lead_time.median_minutes), subHtml: `mean ${formatMinutes(changes.lead_time.mean_minutes)} · ${changes.lead_time.changes} changes`, href: 'audit.html' },
    { label: 'Incidents opened', value: String(opened), subHtml: `${resolved} resolved in the period`, href: 'incidents.html' },
    monthCard('MTTA', incidents.by_month, 'mtta_minutes', 'median_tta_minutes'),
    monthCard('MTTR', incidents.by_month, 'mttr_minutes', 'median_ttr_minutes'),
    { label: 'Stale articles', value: String(stale), subHtml: `expiring ${knowledge.expiring.length} · no owner ${knowledge.ownerless.length}`, href: 'knowledge.html', ...(stale > 0 ? { tone: 'warn' as const } : {}) },
    { label: 'Postmortems overdue', value: String(incidents.overdue_postmortems.length), subHtml: `open actions ${incidents.open_actions.length} (${incidents.open_actions.filter((a) => a.overdue).length} overdue) · unfixed problems ${incidents.unfixed_problems.length}`, href: 'incidents.html#follow-up', tone: incidents.overdue_postmortems.length > 0 ? 'bad' : 'ok' },
    { label: 'Audit flags', value: String(flagged.length), subHtml: `changes flagged of ${report.audit.length} audited`, href: 'audit.html', ...(flagged.length > 0 ? { tone: 'bad' as const } : {}) },
  ]
}

/** MTTA or MTTR of the latest month with data, with its median and the month before for the trend. */
function monthCard(label: string, months: readonly IncidentMonth[], meanKey: 'mtta_minutes' | 'mttr_minutes', medianKey: 'median_tta_minutes' | 'median_ttr_minutes'): Card {
  const withData = months.filter((m) => m[meanKey] !== null)
  const last = withData[withData.length - 1]
  const before = withData[withData.length - 2]
  if (!last) return { label: `${label} (mean)`, value: '–', subHtml: 'no incidents with data', href: 'incidents.html#by-month' }
  const previous = before ? ` · ${escapeHtml(before.month)} ${formatMinutes(before[meanKey])}` : ''
  return { label: `${label} ${last.month} (mean)`, value: formatMinutes(last[meanKey]), subHtml: `median ${formatMinutes(last[medianKey])}${previous}`, href: 'incidents.html#by-month' }
}

/** Per SLA and service, its lowest availability over the period's SLA periods (the one that matters most). */
export function worstAvailability(report: ReportData): AvailabilityRow[] {
  const worst = new Map<string, AvailabilityRow & { sortKey: number }>()
  for (const s of report.slas) {
    if (s.availability === null) continue
    const key = `${s.sla}\u0000${s.service}`
    const actual = s.availability.actual
    const row = { label: `${s.sla} · ${s.service}`, actual, target: s.availability.target, sortKey: actual ?? Infinity }
    const seen = worst.get(key)
    if (!seen || row.sortKey < seen.sortKey) worst.set(key, row)
  }
  return [...worst.values()].map(({ label, actual, target }) => ({ label, actual, target }))
}

function attention(ctx: SiteContext): string {
  const { report } = ctx
  const { changes, incidents, knowledge } = report
  const flagged = report.audit.filter((a) => a.flags.length > 0)
  const items: [string, string, number, string][] = [
    ['SLA breaches', 'slas.html#breaches', report.sla_breaches.length, list([...new Set(report.sla_breaches.map((b) => b.incident))].map(escapeHtml))],
    ['Changes in a freeze', 'changes.html#issues', changes.in_freeze.length, list(changes.in_freeze.map(ctx.change))],
    ['Colliding changes', 'changes.html#issues', changes.collisions.length, list(changes.collisions.map((c) => `${ctx.change(c.changes[0])} × ${ctx.change(c.changes[1])}`))],
    ['Changes outside maintenance windows', 'changes.html#issues', changes.outside_maintenance.length, list(changes.outside_maintenance.map((o) => ctx.change(o.change)))],
    ['Emergency reviews overdue', 'changes.html#issues', changes.overdue_reviews.length, list(changes.overdue_reviews.map(ctx.change))],
    ['Postmortems overdue', 'incidents.html#follow-up', incidents.overdue_postmortems.length, list(incidents.overdue_postmortems.map(escapeHtml))],
    ['Action items overdue', 'incidents.html#follow-up', incidents.open_actions.filter((a) => a.overdue).length, list([...new Set(incidents.open_actions.filter((a) => a.overdue).map((a) => a.incident))].map(escapeHtml))],
    ['Problems without a fix', 'incidents.html#follow-up', incidents.unfixed_problems.length, list(incidents.unfixed_problems.map(escapeHtml))],
    ['Stale articles', 'knowledge.html#review', knowledge.stale.length, list(knowledge.stale.map(ctx.article))],
    ['Changes with audit flags', 'audit.html', flagged.length, list(flagged.map((a) => ctx.change(a.change)))],
    ['Catalog gaps', 'catalog.html#gaps', report.catalog.gaps.length, list([...new Set(report.catalog.gaps.map((g) => g.service))].map(ctx.service))],
  ]
  const rows = items
    .filter(([, , n]) => n > 0)
    .map(([label, href, n, ids]) => `<tr><th scope="row" class="wrap"><a href="${href}">${escapeHtml(label)}</a></th><td class="n">${n}</td><td>${ids}</td></tr>`)
  if (rows.length === 0) return '<p class="ok">Nothing needs attention: no breaches, freezes, collisions, overdue reviews or audit flags in this period.</p>'
  return `<div class="scroll"><table>
<caption>Open items of the period</caption>
<thead><tr><th scope="col">What</th><th scope="col" class="n">Count</th><th scope="col">Which</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
}
