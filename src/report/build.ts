import type { Config } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import { addDays, text } from '../rules/util.js'
import type { CalendarDate } from '../time/timestamp.js'
import type { AuditEntry } from './audit.js'
import { changeCalendar, type ChangeCalendar } from './calendar.js'
import { buildCatalog, type Catalog } from './catalog.js'
import { summarizeChanges, type ChangeSummary } from './changes.js'
import { summarizeIncidents, type IncidentSummary } from './incidents.js'
import { summarizeKnowledge, type KnowledgeSummary } from './knowledge.js'
import { periodAt, periodsBetween } from './periods.js'
import { changeWindow, compare, mean, median, recordsOf, type ReportPeriod } from './record-facts.js'
import { evaluateSlas, type SlaEntry } from './sla.js'
import { DAY_MS, fromWall, toWall } from './zoned-time.js'

/** A report's dates: `from` and `to` are local days in the repository's time zone, both included. */
export interface ReportRange {
  from: string
  to: string
}

/** An SLA target missed by an incident, listed with the incident. */
export interface SlaBreach {
  sla: string
  service: string
  period: string
  incident: string
  clock: 'response' | 'resolution'
  priority: string
  target_minutes: number
  actual_minutes: number
}

export interface ChangeMonth {
  month: string
  total: number
  standard: number
  normal: number
  emergency: number
}

/** DORA-style lead time of the period's changes: first commit of the record → the commit that approved it. */
export interface LeadTime {
  /** Changes with both commits known. */
  changes: number
  mean_minutes: number | null
  median_minutes: number | null
}

/** Everything `gitsm report` computes: the JSON report (DESIGN.md's names), and the source of every other format. */
export interface ReportData {
  version: 1
  from: string
  to: string
  /** The instant the figures were computed at (`--now`), RFC 3339 UTC. */
  generated_at: string
  timezone: string
  organization: string | null
  /** The commit the history was read from; null outside a git repository. `shallow`: history was cut off. */
  source: { commit: string | null; shallow: boolean }
  catalog: Catalog
  slas: SlaEntry[]
  sla_breaches: SlaBreach[]
  changes: ChangeSummary & { by_month: ChangeMonth[]; lead_time: LeadTime; calendar: ChangeCalendar }
  incidents: IncidentSummary
  knowledge: KnowledgeSummary
  audit: AuditEntry[]
}

export interface ReportInput {
  records: readonly ItsmRecord[]
  config: Config
  range: ReportRange
  now: number
  /** Audit evidence for the changes of the period (see `auditedChanges`), read from git and GitHub by the caller. */
  audit: readonly AuditEntry[]
  source: ReportData['source']
}

/** The local days `from`..`to` (both included) in `timeZone` as instants `[from, to)`. */
export function rangeInstants(range: ReportRange, timeZone: string): { from: number; to: number } {
  return { from: fromWall(dayWall(range.from), timeZone), to: fromWall(dayWall(range.to) + DAY_MS, timeZone) }
}

/**
 * The report range from the command line: either end may be missing; the default is the calendar quarter holding
 * `now` in the repository's time zone (a missing `from` is the start of `to`'s quarter, a missing `to` the end of
 * `from`'s). Throws a RangeError, with the fix, when `to` is before `from`.
 */
export function resolveRange(from: CalendarDate | undefined, to: CalendarDate | undefined, now: number, timeZone: string): ReportRange {
  const quarterOf = (at: number): ReportRange => {
    const q = periodAt(at, 'quarter', timeZone)
    return { from: wallDay(toWall(q.start, timeZone)), to: wallDay(toWall(q.end, timeZone) - DAY_MS) }
  }
  const fromText = from && addDays(from, 0)
  const toText = to && addDays(to, 0)
  const range: ReportRange = {
    from: fromText ?? quarterOf(toText ? fromWall(dayWall(toText), timeZone) : now).from,
    to: toText ?? quarterOf(fromText ? fromWall(dayWall(fromText), timeZone) : now).to,
  }
  if (range.to < range.from) throw new RangeError(`--to ${range.to} is before --from ${range.from}: give a --to on or after --from.`)
  return range
}

/** The changes an audit covers: those whose window starts in the period. */
export function auditedChanges(records: readonly ItsmRecord[], period: { from: number; to: number }): (ItsmRecord & { id: string })[] {
  return recordsOf(records, 'Change').filter((c) => {
    const window = changeWindow(c)
    return window !== undefined && period.from <= window.start && window.start < period.to
  })
}

/** Computes every figure of the report from the records, the config and the audit evidence. Pure. */
export function buildReport(input: ReportInput): ReportData {
  const { records, config, now } = input
  const { from, to } = rangeInstants(input.range, config.timezone)
  const period: ReportPeriod = { from, to, now }
  const slas = evaluateSlas({
    slas: recordsOf(records, 'SLA').map((r) => r.data),
    incidents: recordsOf(records, 'Incident').map((r) => r.data),
    changes: recordsOf(records, 'Change').map((r) => r.data),
    calendars: config.calendars,
    timezone: config.timezone,
    from,
    to,
    now,
  })
  const audit = [...input.audit].sort((a, b) => compare(a.change, b.change))
  const leadTimes = audit.map((a) => a.lead_time_minutes).filter((m): m is number => m !== null)
  return {
    version: 1,
    from: input.range.from,
    to: input.range.to,
    generated_at: new Date(now).toISOString(),
    timezone: config.timezone,
    organization: config.organization ?? null,
    source: input.source,
    catalog: buildCatalog(records),
    slas,
    sla_breaches: breaches(slas),
    changes: {
      ...summarizeChanges(records, config, period),
      by_month: changesByMonth(records, period, config.timezone),
      lead_time: { changes: leadTimes.length, mean_minutes: mean(leadTimes), median_minutes: median(leadTimes) },
      calendar: changeCalendar(records, config, period),
    },
    incidents: summarizeIncidents(records, config, period),
    knowledge: summarizeKnowledge(records, config, now),
    audit,
  }
}

function breaches(slas: readonly SlaEntry[]): SlaBreach[] {
  const out: SlaBreach[] = []
  for (const entry of slas) {
    for (const clock of ['response', 'resolution'] as const) {
      for (const c of entry[clock]) {
        if (c.breached && c.target_minutes !== null) {
          out.push({ sla: entry.sla, service: entry.service, period: entry.period, incident: c.incident, clock, priority: c.priority, target_minutes: c.target_minutes, actual_minutes: c.actual_minutes })
        }
      }
    }
  }
  return out
}

function changesByMonth(records: readonly ItsmRecord[], period: ReportPeriod, timeZone: string): ChangeMonth[] {
  const months = periodsBetween(period.from, period.to, 'month', timeZone)
  const rows = months.map((m): ChangeMonth => ({ month: m.key, total: 0, standard: 0, normal: 0, emergency: 0 }))
  for (const c of auditedChanges(records, period)) {
    const start = changeWindow(c)!.start
    const i = months.findIndex((m) => m.start <= start && start < m.end)
    const row = rows[i]
    if (!row) continue
    row.total++
    const type = text(c.data.type)
    if (type === 'standard' || type === 'normal' || type === 'emergency') row[type]++
  }
  return rows
}

function dayWall(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d)
}

function wallDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10)
}
