import { formatMinutes, formatRating } from '../units.js'
import { escapeHtml } from './escape.js'
import { incidentMonthChart } from './month-charts.js'
import { cards, orDash, pageHeading, table, tag, textList } from './parts.js'
import type { SiteContext } from './site-context.js'
import { compare } from '../../record-facts.js'

/** `incidents.html`: incidents per month with MTTA and MTTR, per priority and service, and the open follow-up work. */
export function incidentsPage(ctx: SiteContext): string {
  const { incidents } = ctx.report
  const months = incidents.by_month
  const opened = months.reduce((n, m) => n + m.opened, 0)
  const resolved = months.reduce((n, m) => n + m.resolved, 0)
  const overdueActions = incidents.open_actions.filter((a) => a.overdue)
  const byKey = (record: Record<string, number>): [string, number][] => Object.entries(record).sort(([a], [b]) => compare(a, b))
  return [
    pageHeading('Incidents', 'Incidents belong to the month they were opened in; resolved counts by the month of resolution. MTTA and MTTR are wall-clock times; the SLA clocks (business hours, pauses) are on the SLA page.'),
    cards([
      { label: 'Opened', value: String(opened), subHtml: `${resolved} resolved in the period` },
      { label: 'Postmortems overdue', value: String(incidents.overdue_postmortems.length), subHtml: 'past due, sections missing', tone: incidents.overdue_postmortems.length > 0 ? 'bad' : 'ok' },
      { label: 'Open action items', value: String(incidents.open_actions.length), subHtml: `${overdueActions.length} overdue`, ...(overdueActions.length > 0 ? { tone: 'warn' as const } : {}) },
      { label: 'Problems without a fix', value: String(incidents.unfixed_problems.length), subHtml: 'open or known error, no fixing change' },
    ]),
    '<h2 id="by-month">By month</h2>',
    `<div class="grid2"><div>${incidentMonthChart(ctx.report, 'incident-months')}</div><div>${table({
      caption: 'Incidents per month',
      columns: [{ label: 'Month' }, { label: 'Opened', numeric: true }, { label: 'Resolved', numeric: true }, { label: 'MTTA', numeric: true }, { label: 'median', numeric: true }, { label: 'MTTR', numeric: true }, { label: 'median', numeric: true }, { label: 'Satisfaction', numeric: true }],
      rows: months.map((m) => [escapeHtml(m.month), String(m.opened), String(m.resolved), formatMinutes(m.mtta_minutes), formatMinutes(m.median_tta_minutes), formatMinutes(m.mttr_minutes), formatMinutes(m.median_ttr_minutes), formatRating(m.satisfaction)]),
      empty: 'No months in the period.',
    })}</div></div>`,
    '<h2 id="breakdown">By priority and service</h2>',
    `<div class="grid2"><div>${table({
      caption: 'Opened per priority',
      columns: [{ label: 'Priority' }, { label: 'Incidents', numeric: true }],
      rows: byKey(incidents.by_priority).map(([p, n]) => [escapeHtml(p), String(n)]),
      empty: 'No incidents opened in the period.',
    })}</div><div>${table({
      caption: 'Opened per service',
      columns: [{ label: 'Service' }, { label: 'Incidents', numeric: true }],
      rows: byKey(incidents.by_service).map(([s, n]) => [ctx.service(s), String(n)]),
      empty: 'No incidents opened in the period.',
    })}</div></div>`,
    '<h2 id="follow-up">Follow-up</h2>',
    `<p><b>Postmortems overdue:</b> ${textList(incidents.overdue_postmortems)}</p>`,
    `<p><b>Problems without a fix:</b> ${textList(incidents.unfixed_problems)}</p>`,
    table({
      caption: 'Open action items (from every incident, whenever opened)',
      columns: [{ label: 'Incident' }, { label: 'Action' }, { label: 'Owner' }, { label: 'Due' }, { label: 'State' }],
      rows: incidents.open_actions.map((a) => [escapeHtml(a.incident), escapeHtml(a.title), orDash(a.owner), `<span class="nw">${orDash(a.due)}</span>`, a.overdue ? tag('overdue', 'bad') : tag('open')]),
      bad: (i) => incidents.open_actions[i]!.overdue,
      empty: 'No open action items.',
    }),
  ].join('\n')
}
