import type { Calendar, Weekday } from '../model/config.js'
import { parseClockTime } from '../time/timestamp.js'
import { DAY_MS, MINUTE_MS, offsetSegments, wallDate } from './zoned-time.js'

/** A clock: a named calendar's business hours, or every minute of the day. */
export type Clock = Calendar | '24x7'

const weekdays: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

interface CompiledCalendar {
  timeZone: string
  /** Per UTC weekday index (0 = Sunday): sorted, merged `[start, end)` ranges in ms after local midnight. */
  ranges: [number, number][][]
  holidays: Set<string>
}

const compiled = new WeakMap<Calendar, CompiledCalendar>()

/** Parses `"08:00-12:00, 13:00-17:00"`; malformed or empty ranges (end not after start) add no time. */
function parseRanges(text: string | undefined): [number, number][] {
  const ranges: [number, number][] = []
  for (const piece of (text ?? '').split(',')) {
    const [a, b] = piece.trim().split('-')
    const start = parseClockTime(a?.trim())
    const end = parseClockTime(b?.trim())
    if (start !== undefined && end !== undefined && end > start) ranges.push([start * MINUTE_MS, end * MINUTE_MS])
  }
  ranges.sort((x, y) => x[0] - y[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

function compile(calendar: Calendar): CompiledCalendar {
  let c = compiled.get(calendar)
  if (!c) {
    c = {
      timeZone: calendar.timezone,
      ranges: weekdays.map((d) => parseRanges(calendar.hours[d])),
      holidays: new Set(calendar.holidays),
    }
    compiled.set(calendar, c)
  }
  return c
}

/** Business milliseconds between two wall values (see zoned-time.ts), walking day by day. */
function wallBusinessMs(c: CompiledCalendar, from: number, to: number): number {
  let total = 0
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
    const ranges = c.ranges[new Date(day).getUTCDay()] ?? []
    if (ranges.length === 0 || c.holidays.has(wallDate(day))) continue
    for (const [s, e] of ranges) {
      const lo = Math.max(from, day + s)
      const hi = Math.min(to, day + e)
      if (hi > lo) total += hi - lo
    }
  }
  return total
}

/**
 * Milliseconds of `clock` time in `[from, to)` (epoch ms); 0 when `to <= from`.
 *
 * An instant counts when the calendar's wall clock then shows a business time on a working day that is not a
 * holiday (dates in the calendar's time zone). So an 08:00-18:00 day is 10 hours on a daylight-saving day too; a
 * range over the skipped hour is shorter that day, and one over the repeated hour longer.
 */
export function businessMs(clock: Clock, from: number, to: number): number {
  if (!(to > from)) return 0
  if (clock === '24x7') return to - from
  const c = compile(clock)
  let total = 0
  for (const seg of offsetSegments(from, to, c.timeZone)) {
    total += wallBusinessMs(c, seg.start + seg.offset, seg.end + seg.offset)
  }
  return total
}

/**
 * Minutes of `clock` time in `[from, to)` (epoch ms). Not rounded: an exact, possibly fractional number of
 * minutes (millisecond precision), so sums and comparisons with targets are exact; formatters round for display.
 */
export function businessMinutes(clock: Clock, from: number, to: number): number {
  return businessMs(clock, from, to) / MINUTE_MS
}

// A calendar with no working time left in ten years has no deadline.
const SEARCH_LIMIT_MS = 10 * 366 * DAY_MS

/**
 * The deadline `minutes` of `clock` time after `from`: the earliest instant `t` with
 * `businessMinutes(clock, from, t) >= minutes`. So a deadline reached at the end of a business day falls at its
 * closing time, not at the next opening. Undefined when the clock has no such time within ten years.
 */
export function addBusinessMinutes(clock: Clock, from: number, minutes: number): number | undefined {
  const need = minutes * MINUTE_MS
  if (!(need > 0)) return from
  if (clock === '24x7') return from + need
  let span = Math.max(need, DAY_MS)
  while (businessMs(clock, from, from + span) < need) {
    if (span > SEARCH_LIMIT_MS) return undefined
    span *= 2
  }
  let lo = from
  let hi = from + span
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (businessMs(clock, from, mid) >= need) hi = mid
    else lo = mid
  }
  return hi
}
