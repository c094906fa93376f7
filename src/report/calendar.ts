import type { Config } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import { freezePeriods, overlaps, type Interval } from '../policy/freeze-windows.js'
import { readPolicy, type Freeze } from '../policy/policy-config.js'
import { map, strings, text } from '../rules/util.js'
import { parseTimestamp } from '../time/timestamp.js'
import { freezesCovering } from './changes.js'
import { findCollisions } from './collisions.js'
import { servicesOutsideMaintenance } from './maintenance.js'
import { changeWindow, compare, recordsOf, statusOf, type ReportPeriod } from './record-facts.js'
import { zonedTimestamp } from './zoned-time.js'

/** A change's window on the change calendar, with what the report knows against it. */
export interface CalendarWindow {
  change: string
  title: string
  type: string | null
  status: string | null
  risk: string | null
  /** As the change names them. */
  services: string[]
  /** The window's timestamps exactly as written in the record (RFC 3339), the earlier one as `start`. */
  start: string
  end: string
  expected_downtime: boolean
  /** Relative to the report's `now`: `end <= now`, `start <= now < end`, `start > now`. */
  when: 'past' | 'current' | 'upcoming'
  /** Names of the freezes that hold the change back (scope covers it, its type not allowed, window overlaps), in policy order. */
  in_freeze: string[]
  /** Services whose maintenance windows do not hold the change's window, sorted. */
  outside_maintenance: string[]
  /** Ids of the changes it collides with (overlapping windows on related services), sorted. */
  collides_with: string[]
}

/** One period of a freeze on the change calendar. */
export interface CalendarFreeze {
  name: string
  /** RFC 3339: as written for an absolute freeze; in the freeze's time zone, with the offset then, for a weekly one. */
  start: string
  end: string
  /** Change types still allowed inside. */
  allow: string[]
  /** Empty arrays: every tier, every service. */
  scope: { tiers: number[]; services: string[] }
  weekly: boolean
}

/** The change calendar of a report period. */
export interface ChangeCalendar {
  windows: CalendarWindow[]
  freezes: CalendarFreeze[]
}

/**
 * The change calendar of `[period.from, period.to)`: the window of every change that has a readable one and is not
 * cancelled, when it overlaps the period (whatever the status: drafts and submitted changes are plans worth seeing),
 * sorted by start then id; and the freeze periods that overlap it, a weekly freeze once for each day it holds,
 * sorted by start then name. Freezes, collisions and maintenance windows are judged as the change summary judges
 * them; collisions with changes outside the period count too.
 */
export function changeCalendar(records: readonly ItsmRecord[], config: Config, period: ReportPeriod): ChangeCalendar {
  const services = recordsOf(records, 'Service')
  const { freezes } = readPolicy(config.policy).policy
  const scheduled = recordsOf(records, 'Change').flatMap((c) => {
    const window = changeWindow(c)
    return window && statusOf(c) !== 'cancelled' ? [{ change: c, window }] : []
  })
  const shown = scheduled.filter((s) => overlaps(s.window.start, s.window.end, { start: period.from, end: period.to }))
  const collisions = collisionsOf(shown, scheduled, services)
  const windows = shown.map(({ change, window }) => ({
    ...described(change, window),
    when: when(window, period.now),
    in_freeze: [...new Set(freezesCovering(change, freezes, services).map((f) => f.name))],
    outside_maintenance: servicesOutsideMaintenance(change, window, services, config.timezone).sort(),
    collides_with: [...(collisions.get(change.id) ?? [])].sort(),
  }))
  return {
    windows: windows.sort((a, b) => byStart(a, b) || compare(a.change, b.change)),
    freezes: freezes.flatMap((f) => [...freezePeriods(f, period.from, period.to)].map((p) => calendarFreeze(f, p))).sort((a, b) => byStart(a, b) || compare(a.name, b.name)),
  }
}

type Scheduled = { change: ItsmRecord & { id: string }; window: Interval }

type Described = Omit<CalendarWindow, 'when' | 'in_freeze' | 'outside_maintenance' | 'collides_with'>

/** What the record itself says about the change. */
function described(change: ItsmRecord & { id: string }, window: Interval): Described {
  const written = map(change.data.window)
  const start = String(written?.start)
  const end = String(written?.end)
  // changeWindow puts the earlier instant first; the texts follow their instants.
  const swapped = parseTimestamp(start) !== window.start
  return {
    change: change.id,
    title: text(change.data.title) ?? '',
    type: text(change.data.type) ?? null,
    status: statusOf(change) ?? null,
    risk: text(change.data.risk) ?? null,
    services: strings(change.data.services),
    start: swapped ? end : start,
    end: swapped ? start : end,
    expected_downtime: written?.expected_downtime === true,
  }
}

function when(window: Interval, now: number): CalendarWindow['when'] {
  if (window.end <= now) return 'past'
  return window.start <= now ? 'current' : 'upcoming'
}

/**
 * For each shown change, the ids it collides with. Only changes overlapping the shown windows' span can collide
 * with one of them, so the pairwise search runs on those alone.
 */
function collisionsOf(shown: readonly Scheduled[], scheduled: readonly Scheduled[], services: readonly ItsmRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  if (shown.length === 0) return out
  const span = { start: Math.min(...shown.map((s) => s.window.start)), end: Math.max(...shown.map((s) => s.window.end)) }
  // A window of no length is an instant: widen the span by a millisecond so it still meets one at its end.
  const candidates = scheduled.filter((s) => overlaps(s.window.start, s.window.end, { start: span.start, end: span.end + 1 }))
  for (const { changes } of findCollisions(candidates.map((s) => s.change), services)) {
    const [a, b] = changes
    out.set(a, (out.get(a) ?? new Set()).add(b))
    out.set(b, (out.get(b) ?? new Set()).add(a))
  }
  return out
}

function calendarFreeze(f: Freeze, period: Interval): CalendarFreeze {
  const weekly = f.kind === 'weekly'
  return {
    name: f.name,
    start: weekly ? zonedTimestamp(period.start, f.timezone) : f.startText,
    end: weekly ? zonedTimestamp(period.end, f.timezone) : f.endText,
    allow: [...f.allow],
    scope: { tiers: [...(f.tiers ?? [])], services: [...(f.services ?? [])] },
    weekly,
  }
}

function byStart(a: { start: string }, b: { start: string }): number {
  return (parseTimestamp(a.start) ?? 0) - (parseTimestamp(b.start) ?? 0)
}
