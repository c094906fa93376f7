import { buildRecordIndex } from '../lint/record-index.js'
import type { Config } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import type { RuleContext } from '../model/rule.js'
import { localDate, type LocalDate } from '../policy/zoned-time.js'
import { missingPostmortems } from '../rules/postmortem.js'
import { entries, strings, text } from '../rules/util.js'
import { parseDate, parseTimestamp } from '../time/timestamp.js'
import { mean, median, recordsOf, statusOf, tally, type ReportPeriod } from './record-facts.js'

/** The incident figures of one calendar month (`YYYY-MM` in the repository's time zone). */
export interface IncidentMonth {
  month: string
  /** Incidents opened in the month. */
  opened: number
  /** Incidents resolved in the month (whenever they were opened). */
  resolved: number
  /** Mean wall-clock minutes opened → acknowledged of the month's opened incidents that were acknowledged. */
  mtta_minutes: number | null
  median_tta_minutes: number | null
  /** Mean wall-clock minutes opened → resolved of the month's opened incidents that were resolved. */
  mttr_minutes: number | null
  median_ttr_minutes: number | null
  /** Mean `satisfaction` of the month's opened incidents that have one. */
  satisfaction: number | null
}

export interface ActionItem {
  incident: string
  title: string
  owner?: string
  due?: string
  /** `due` is before today (in the repository's time zone) at `now`. */
  overdue: boolean
}

export interface IncidentSummary {
  /** Every month the period touches, in order, months without incidents included. */
  by_month: IncidentMonth[]
  /** Incidents opened in the period, per priority and per service they name. */
  by_priority: Record<string, number>
  by_service: Record<string, number>
  /** Incidents and problems whose postmortem lacks sections after its due date, at `now`. */
  overdue_postmortems: string[]
  /** Action items not done (`done` other than true) of every incident, whenever opened: they are open now. */
  open_actions: ActionItem[]
  /** Open problems and known errors without a `fix` change. */
  unfixed_problems: string[]
}

const minute = 60_000

/**
 * The incident figures for the period `[from, to)`: an incident belongs to the month (and the period) of its
 * `opened_at` in the repository's time zone; `resolved` counts by `resolved_at` instead. Durations are wall-clock
 * minutes, not rounded; the SLA clocks (business hours, pending time) are the SLA report's.
 */
export function summarizeIncidents(records: readonly ItsmRecord[], config: Config, period: ReportPeriod): IncidentSummary {
  const zone = config.timezone
  const incidents = recordsOf(records, 'Incident')
  const opened = incidents.flatMap((r) => {
    const at = parseTimestamp(r.data.opened_at)
    return at !== undefined && period.from <= at && at < period.to ? [{ r, at, month: monthOf(at, zone) }] : []
  })
  const byMonth = monthsOf(period, zone).map((month): IncidentMonth => {
    const mine = opened.filter((o) => o.month === month)
    const since = (field: string): number[] =>
      mine.flatMap((o) => {
        const t = parseTimestamp(o.r.data[field])
        return t === undefined ? [] : [(t - o.at) / minute]
      })
    const tta = since('acknowledged_at')
    const ttr = since('resolved_at')
    const resolvedAt = incidents.map((r) => parseTimestamp(r.data.resolved_at)).filter((t) => t !== undefined && period.from <= t && t < period.to)
    return {
      month,
      opened: mine.length,
      resolved: resolvedAt.filter((t) => monthOf(t!, zone) === month).length,
      mtta_minutes: mean(tta),
      median_tta_minutes: median(tta),
      mttr_minutes: mean(ttr),
      median_ttr_minutes: median(ttr),
      satisfaction: mean(mine.flatMap((o) => (typeof o.r.data.satisfaction === 'number' ? [o.r.data.satisfaction] : []))),
    }
  })
  return {
    by_month: byMonth,
    by_priority: tally(opened.map((o) => text(o.r.data.priority) ?? 'unknown')),
    by_service: tally(opened.flatMap((o) => [...new Set(strings(o.r.data.services))])),
    overdue_postmortems: overduePostmortems(records, config, period.now),
    open_actions: openActions(incidents, today(period.now, zone)),
    unfixed_problems: recordsOf(records, 'Problem')
      .filter((p) => ['open', 'known_error'].includes(statusOf(p) ?? '') && text(p.data.fix) === undefined)
      .map((p) => p.id)
      .sort(),
  }
}

/** The ids the postmortem rule finds overdue, through the rule's own logic. */
function overduePostmortems(records: readonly ItsmRecord[], config: Config, now: number): string[] {
  const ctx: RuleContext = {
    records,
    byKind: (kind) => records.filter((r) => r.kind === kind),
    index: buildRecordIndex(records),
    files: new Set(),
    config,
    now: new Date(now),
    report: () => undefined,
  }
  return missingPostmortems(ctx)
    .filter((m) => m.overdue)
    .map((m) => m.report.record.id)
    .filter((id): id is string => id !== undefined)
    .sort()
}

function openActions(incidents: readonly (ItsmRecord & { id: string })[], todayDate: string): ActionItem[] {
  return incidents.flatMap((r) =>
    entries(r.data.actions)
      .filter(({ item }) => item.done !== true)
      .map(({ item }): ActionItem => {
        const due = text(item.due)
        const out: ActionItem = { incident: r.id, title: text(item.title) ?? '', overdue: due !== undefined && parseDate(due) !== undefined && due < todayDate }
        const owner = text(item.owner)
        if (owner !== undefined) out.owner = owner
        if (due !== undefined) out.due = due
        return out
      }),
  )
}

function monthKey(d: Pick<LocalDate, 'year' | 'month'>): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}`
}

function monthOf(instant: number, zone: string): string {
  return monthKey(localDate(instant, zone))
}

function today(instant: number, zone: string): string {
  const d = localDate(instant, zone)
  return `${monthKey(d)}-${String(d.day).padStart(2, '0')}`
}

/** The months `[from, to)` touches in the time zone; none for an empty period. */
function monthsOf(period: ReportPeriod, zone: string): string[] {
  if (period.to <= period.from) return []
  const first = localDate(period.from, zone)
  const last = localDate(period.to - 1, zone)
  const out: string[] = []
  for (let y = first.year, m = first.month; y < last.year || (y === last.year && m <= last.month); m === 12 ? ((m = 1), y++) : m++) {
    out.push(monthKey({ year: y, month: m }))
  }
  return out
}

