import { missedAvailability, type ClockEntry, type SlaEntry } from '../../sla.js'
import { formatAvailability, formatMinutes } from '../units.js'
import { availabilityChart } from './availability-chart.js'
import { escapeHtml } from './escape.js'
import { cards, orDash, pageHeading, table, tag } from './parts.js'
import type { SiteContext } from './site-context.js'

/** `slas.html`: availability against target per SLA, service and period; breaches; every incident's SLA clocks. */
export function slasPage(ctx: SiteContext): string {
  const { report } = ctx
  const withAvailability = report.slas.filter((s) => s.availability !== null)
  const missed = withAvailability.filter(missedAvailability)
  const bySla = groupBySla(report.slas)
  const clocks = report.slas.reduce((n, s) => n + s.response.length, 0)
  return [
    pageHeading('Service level agreements', 'Availability per SLA, service and period, with unplanned and planned downtime apart (planned downtime in approved change windows does not count against the target), and the response and resolution clock of every incident against its target, on the SLA&#39;s calendar.'),
    cards([
      { label: 'SLAs', value: String(bySla.size), subHtml: `${report.slas.length} SLA × service × period entries` },
      { label: 'Availability vs target', value: withAvailability.length === 0 ? '–' : `${withAvailability.length - missed.length} of ${withAvailability.length} met`, subHtml: 'never rounded up', ...(missed.length > 0 ? { tone: 'bad' as const } : {}) },
      { label: 'Breaches', value: String(report.sla_breaches.length), subHtml: `of ${clocks} incidents × 2 clocks`, tone: report.sla_breaches.length > 0 ? 'bad' : 'ok' },
    ]),
    '<h2 id="availability">Availability</h2>',
    withAvailability.length === 0
      ? '<p class="muted">No SLA in this report sets an availability target.</p>'
      : availabilityChart('sla-availability', 'Availability vs target per SLA, service and period', withAvailability.map((s) => ({ label: `${s.sla} · ${s.service} · ${periodLabel(s)}`, actual: s.availability!.actual, target: s.availability!.target })), 900),
    table({
      caption: 'Availability per SLA, service and period',
      columns: [{ label: 'SLA' }, { label: 'Service' }, { label: 'Period' }, { label: 'Availability', numeric: true }, { label: 'Target', numeric: true }, { label: 'Result' }, { label: 'Unplanned downtime', numeric: true }, { label: 'Planned downtime', numeric: true }],
      rows: withAvailability.map((s) => {
        const a = s.availability!
        return [escapeHtml(s.sla), ctx.service(s.service), escapeHtml(periodLabel(s)), formatAvailability(a.actual), a.target === null ? orDash(null) : `${escapeHtml(a.target)} %`, result(s), formatMinutes(a.downtime_minutes), formatMinutes(a.planned_downtime_minutes)]
      }),
      bad: (i) => missedAvailability(withAvailability[i]!),
      empty: 'No availability targets.',
    }),
    '<h2 id="breaches">Breaches</h2>',
    table({
      caption: 'SLA targets missed, with the incident that missed them',
      columns: [{ label: 'Incident' }, { label: 'SLA' }, { label: 'Service' }, { label: 'Period' }, { label: 'Clock' }, { label: 'Priority' }, { label: 'Target', numeric: true }, { label: 'Actual', numeric: true }, { label: 'Over by', numeric: true }],
      rows: report.sla_breaches.map((b) => [escapeHtml(b.incident), escapeHtml(b.sla), ctx.service(b.service), escapeHtml(b.period), escapeHtml(b.clock), escapeHtml(b.priority), formatMinutes(b.target_minutes), formatMinutes(b.actual_minutes), formatMinutes(b.actual_minutes - b.target_minutes)]),
      empty: 'No SLA target was missed in this period.',
    }),
    '<h2 id="clocks">Response and resolution per incident</h2>',
    [...bySla].map(([sla, entries]) => clockTable(ctx, sla, entries)).join('\n') || '<p class="muted">No SLAs.</p>',
  ].join('\n')
}

/** The period's key; one not over at the report's `now` is measured to date, and says so. */
function periodLabel(s: SlaEntry): string {
  return s.availability?.to_date ? `${s.period} (to date)` : s.period
}


function result(s: SlaEntry): string {
  const a = s.availability!
  if (a.actual === null) return tag('no data')
  if (a.target === null) return tag('no target')
  return missedAvailability(s) ? tag('missed', 'bad') : tag('met', 'ok')
}

function groupBySla(entries: readonly SlaEntry[]): Map<string, SlaEntry[]> {
  const out = new Map<string, SlaEntry[]>()
  for (const e of entries) out.set(e.sla, [...(out.get(e.sla) ?? []), e])
  return out
}

function clockTable(ctx: SiteContext, sla: string, entries: readonly SlaEntry[]): string {
  const rows: { entry: SlaEntry; response: ClockEntry; resolution: ClockEntry | undefined }[] = []
  for (const entry of entries) {
    for (const response of entry.response) rows.push({ entry, response, resolution: entry.resolution.find((r) => r.incident === response.incident) })
  }
  return `<h3>${escapeHtml(sla)}</h3>\n${table({
    caption: `Incident clocks under ${sla}`,
    columns: [{ label: 'Incident' }, { label: 'Service' }, { label: 'Period' }, { label: 'Priority' }, { label: 'Response', numeric: true }, { label: 'Target', numeric: true }, { label: 'Resolution', numeric: true }, { label: 'Target', numeric: true }],
    rows: rows.map(({ entry, response, resolution }) => [
      escapeHtml(response.incident),
      ctx.service(entry.service),
      escapeHtml(entry.period),
      escapeHtml(response.priority),
      clock(response),
      formatMinutes(response.target_minutes),
      resolution ? clock(resolution) : orDash(null),
      formatMinutes(resolution?.target_minutes ?? null),
    ]),
    bad: (i) => rows[i]!.response.breached || rows[i]!.resolution?.breached === true,
    empty: 'No incidents on its services in this period.',
  })}`
}

function clock(c: ClockEntry): string {
  return `${formatMinutes(c.actual_minutes)}${c.breached ? ` ${tag('breached', 'bad')}` : ''}`
}
