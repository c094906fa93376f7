import type { Calendar } from '../model/config.js'
import { approvedOrLater } from '../policy/lifecycle.js'
import { parseDuration, parseTimestamp } from '../time/timestamp.js'
import { businessMs, type Clock } from './clock.js'
import { clipIntervals, type Interval, mergeIntervals, subtractIntervals, totalMs } from './intervals.js'
import { type Period, type PeriodKind, periodsBetween } from './periods.js'
import { MINUTE_MS } from './zoned-time.js'

/** A record's data (`ItsmRecord.data`), as written. */
type Data = Record<string, unknown>

/** One SLA clock of one incident, as the report's `slas[].response` / `slas[].resolution` entries. */
export interface ClockEntry {
  incident: string
  /** The priority in force when the clock stopped (or at `now` while it runs). */
  priority: string
  /** The target of that priority; null when the SLA sets none. */
  target_minutes: number | null
  /** Elapsed minutes on the clock that applies: exact, not rounded. */
  actual_minutes: number
  breached: boolean
}

export interface IncidentClocks {
  response: ClockEntry
  resolution: ClockEntry
}

export interface AvailabilityFigures {
  target: number | null
  /**
   * Percent; null when the period has no minutes to measure: it had not begun at `now`, or planned downtime covers
   * all of it.
   */
  actual: number | null
  downtime_minutes: number
  planned_downtime_minutes: number
  /**
   * The period had not ended at `now`: the figures cover its start to `now` (period to date). Time still to come is
   * never counted as time the service was up.
   */
  to_date: boolean
}

const record = (v: unknown): Data => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {})
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [])
const at = (v: unknown): number | undefined => parseTimestamp(v)

/** The clock named `name` ('24x7' or a calendar of `calendars`); an unknown name is an error, never a guess. */
export function resolveClock(name: string, calendars: Record<string, Calendar>): Clock {
  if (name === '24x7') return '24x7'
  const calendar = calendars[name]
  if (!calendar) throw new Error(`Unknown calendar "${name}"`)
  return calendar
}

interface TimelineFacts {
  /** Priority changes in time order. */
  changes: { at: number; priority: string }[]
  /** Intervals during which the incident was `pending` (the last may be open-ended). */
  pending: Interval[]
}

function timelineFacts(incident: Data): TimelineFacts {
  const entries = (Array.isArray(incident.timeline) ? incident.timeline : [])
    .map(record)
    .map((e) => ({ e, t: at(e.at) }))
    .filter((x): x is { e: Data; t: number } => x.t !== undefined)
    .sort((a, b) => a.t - b.t)
  const changes: TimelineFacts['changes'] = []
  const pending: Interval[] = []
  let pendingSince: number | undefined
  for (const { e, t } of entries) {
    if (typeof e.priority === 'string') changes.push({ at: t, priority: e.priority })
    if (typeof e.status !== 'string') continue
    if (e.status === 'pending' && pendingSince === undefined) pendingSince = t
    else if (e.status !== 'pending' && pendingSince !== undefined) {
      pending.push({ start: pendingSince, end: t })
      pendingSince = undefined
    }
  }
  if (pendingSince !== undefined) pending.push({ start: pendingSince, end: Infinity })
  return { changes, pending }
}

/** The priority in force at `t`: the latest timeline change at or before `t`, else the incident's `priority`. */
function priorityAt(facts: TimelineFacts, initial: string, t: number): string {
  let p = initial
  for (const c of facts.changes) if (c.at <= t) p = c.priority
  return p
}

/**
 * The response and resolution clocks of `incident` under `sla`, or undefined without a valid `opened_at`.
 *
 * - Response runs from `opened_at` to `acknowledged_at` (else `resolved_at`, else `now`); resolution from
 *   `opened_at` to `resolved_at` (else `now`), stopped while the timeline shows the incident `pending`.
 * - Both count only the time of the clock that applies: `targets.clock[priority]` if set, else the SLA's
 *   `calendar`, else 24x7.
 * - Re-targeting: the top-level `priority` holds from `opened_at` until the first timeline entry that sets a
 *   `priority`; each later entry holds until the next. Elapsed time is the sum, over these stretches, of the time
 *   each counts on the clock of the priority then in force: a change never resets what has elapsed. The target is
 *   that of the priority in force when the clock stops (or at `now` while it runs), and `breached` is
 *   elapsed > target, so a running clock is breached as soon as it is over.
 */
export function incidentClocks(incident: Data, sla: Data, calendars: Record<string, Calendar>, now: number): IncidentClocks | undefined {
  const opened = at(incident.opened_at)
  if (opened === undefined) return undefined
  const id = typeof incident.id === 'string' ? incident.id : ''
  const initial = typeof incident.priority === 'string' ? incident.priority : ''
  const facts = timelineFacts(incident)
  const targets = record(sla.targets)
  const clockFor = (p: string): Clock => {
    const override = record(targets.clock)[p]
    const name = typeof override === 'string' ? override : typeof sla.calendar === 'string' ? sla.calendar : '24x7'
    return resolveClock(name, calendars)
  }
  const resolved = at(incident.resolved_at)
  const acknowledged = at(incident.acknowledged_at) ?? resolved

  const measure = (kind: 'response' | 'resolution', stop: number, pauses: Interval[]): ClockEntry => {
    const cuts = [opened, ...facts.changes.map((c) => c.at).filter((t) => t > opened && t < stop), stop]
    let elapsed = 0
    for (let i = 0; i + 1 < cuts.length; i++) {
      const stretch = { start: cuts[i] as number, end: cuts[i + 1] as number }
      const clock = clockFor(priorityAt(facts, initial, stretch.start))
      for (const part of subtractIntervals([stretch], pauses)) elapsed += businessMs(clock, part.start, part.end)
    }
    const priority = priorityAt(facts, initial, stop)
    const target = parseDuration(record(targets[kind])[priority]) ?? null
    const actual = elapsed / MINUTE_MS
    return { incident: id, priority, target_minutes: target, actual_minutes: actual, breached: target !== null && actual > target }
  }

  return {
    response: measure('response', Math.max(opened, acknowledged ?? now), []),
    resolution: measure('resolution', Math.max(opened, resolved ?? now), mergeIntervals(facts.pending)),
  }
}


/** Windows of approved-or-later changes with `window.expected_downtime: true` that name `service`, merged. */
export function plannedWindows(changes: readonly Data[], service: string): Interval[] {
  const windows: Interval[] = []
  for (const change of changes) {
    const window = record(change.window)
    if (!approvedOrLater.has(String(change.status)) || window.expected_downtime !== true) continue
    if (!strings(change.services).includes(service)) continue
    const start = at(window.start)
    const end = at(window.end)
    if (start !== undefined && end !== undefined) windows.push({ start, end })
  }
  return mergeIntervals(windows)
}

/** Incident downtime intervals on `service` (an interval without `service` covers all the incident's services), merged. */
export function downtimeIntervals(incidents: readonly Data[], service: string): Interval[] {
  const intervals: Interval[] = []
  for (const incident of incidents) {
    const services = strings(incident.services)
    for (const d of (Array.isArray(incident.downtime) ? incident.downtime : []).map(record)) {
      const on = typeof d.service === 'string' ? d.service === service : services.includes(service)
      const start = at(d.start)
      const end = at(d.end)
      if (on && start !== undefined && end !== undefined) intervals.push({ start, end })
    }
  }
  return mergeIntervals(intervals)
}

/**
 * Availability of `service` under `sla` over `period` (from `periodsBetween`, in the repository's time zone):
 * `100 × (1 − unplanned / (period − planned))`, in wall-clock minutes. Overlapping intervals count once; parts
 * outside the period do not count; unplanned downtime is incident downtime outside planned windows. A period not
 * over at `now` is measured from its start to `now` (`to_date`); without `now`, the whole period.
 */
export function availability(sla: Data, service: string, period: Period, input: { incidents: readonly Data[]; changes: readonly Data[] }, now = Infinity): AvailabilityFigures {
  return availabilityOver(sla, period, { planned: plannedWindows(input.changes, service), down: downtimeIntervals(input.incidents, service) }, now)
}

/** `availability` from a service's merged planned windows and incident downtime, found once for all its periods. */
function availabilityOver(sla: Data, period: Period, service: { planned: Interval[]; down: Interval[] }, now: number): AvailabilityFigures {
  const target = record(sla.targets).availability
  const measured = { start: period.start, end: Math.max(period.start, Math.min(period.end, now)) }
  const planned = clipIntervals(service.planned, measured)
  const down = subtractIntervals(clipIntervals(service.down, measured), planned)
  const plannedMs = totalMs(planned)
  const downMs = totalMs(down)
  const base = measured.end - measured.start - plannedMs
  return {
    target: typeof target === 'number' ? target : null,
    actual: base > 0 ? 100 * (1 - downMs / base) : null,
    downtime_minutes: downMs / MINUTE_MS,
    planned_downtime_minutes: plannedMs / MINUTE_MS,
    to_date: now < period.end,
  }
}

/** One entry of the report's `slas` list. */
export interface SlaEntry {
  sla: string
  service: string
  period: string
  availability: AvailabilityFigures | null
  response: ClockEntry[]
  resolution: ClockEntry[]
}

export interface SlaReportInput {
  slas: readonly Data[]
  incidents: readonly Data[]
  changes: readonly Data[]
  calendars: Record<string, Calendar>
  /** The repository time zone, in which periods are cut. */
  timezone: string
  from: number
  to: number
  now: number
}

/**
 * The report's `slas` entries: one per SLA, service and period overlapping `[from, to)`. An incident's clocks are
 * listed in the period holding its `opened_at`; availability is null when the SLA sets no availability target.
 */
export function evaluateSlas(input: SlaReportInput): SlaEntry[] {
  const entries: SlaEntry[] = []
  for (const sla of input.slas) {
    const kind = (['week', 'month', 'quarter'].includes(String(sla.period)) ? sla.period : 'month') as PeriodKind
    const hasTarget = typeof record(sla.targets).availability === 'number'
    for (const service of strings(sla.services)) {
      const incidents = input.incidents.filter((i) => strings(i.services).includes(service))
      const intervals = hasTarget ? { planned: plannedWindows(input.changes, service), down: downtimeIntervals(input.incidents, service) } : undefined
      for (const period of periodsBetween(input.from, input.to, kind, input.timezone)) {
        const clocks = incidents
          .filter((i) => {
            const opened = at(i.opened_at)
            return opened !== undefined && opened >= period.start && opened < period.end
          })
          .map((i) => incidentClocks(i, sla, input.calendars, input.now))
          .filter((c): c is IncidentClocks => c !== undefined)
        entries.push({
          sla: typeof sla.id === 'string' ? sla.id : '',
          service,
          period: period.key,
          availability: intervals ? availabilityOver(sla, period, intervals, input.now) : null,
          response: clocks.map((c) => c.response),
          resolution: clocks.map((c) => c.resolution),
        })
      }
    }
  }
  return entries
}

/**
 * The entries whose availability has both a figure and a target (`measured`), and those of them under target
 * (`missed`): what "n of m periods met" counts in every format.
 */
export function availabilityTally(entries: readonly SlaEntry[]): { measured: SlaEntry[]; missed: SlaEntry[] } {
  const measured = entries.filter((s) => s.availability !== null && s.availability.actual !== null && s.availability.target !== null)
  return { measured, missed: measured.filter(missedAvailability) }
}

/** Whether the entry's availability is measured and under its target. */
export function missedAvailability(entry: SlaEntry): boolean {
  const a = entry.availability
  return a !== null && a.actual !== null && a.target !== null && a.actual < a.target
}
