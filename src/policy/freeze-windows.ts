import type { Weekday } from '../model/config.js'
import type { Freeze } from './policy-config.js'
import { addDays, localDate, zonedInstant, type LocalDate } from './zoned-time.js'

const weekdayNames: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** A period `[start, end)` during which a freeze holds. */
export interface Interval {
  start: number
  end: number
}

/**
 * Whether `[start, end)` overlaps the interval (both half-open). A window of no length is the instant it names:
 * it is inside an interval that contains it, so an empty window cannot slip through a freeze.
 */
export function overlaps(start: number, end: number, interval: Interval): boolean {
  if (end <= start) return interval.start <= start && start < interval.end
  return start < interval.end && interval.start < end
}

/**
 * The first period of the freeze that overlaps the window `[start, end)`, or undefined (see `freezePeriods`).
 */
export function freezeOverlap(freeze: Freeze, start: number, end: number): Interval | undefined {
  for (const interval of freezePeriods(freeze, start, end)) return interval
  return undefined
}

/**
 * The periods of the freeze that overlap the window `[start, end)`, in time order, computed as they are needed (so
 * taking the first one costs a few days of work, however long the window).
 *
 * A weekly freeze holds on each of its days from `start` to `end` on the wall clock of its time zone, so its length
 * in hours follows daylight-saving changes. `end` at or before `start` runs past midnight into the next day; `23:59`
 * means the end of the day (no one means to leave the last minute unfrozen); `24:00` is midnight. Around a switch,
 * the freeze takes its widest reading: the earlier instant of a start that occurs twice, the later one of such an end.
 */
export function* freezePeriods(freeze: Freeze, start: number, end: number): Generator<Interval, void, undefined> {
  if (freeze.kind === 'absolute') {
    const interval = { start: freeze.start, end: freeze.end }
    if (overlaps(start, end, interval)) yield interval
    return
  }
  // Occurrences that began the day before the window can still reach into it.
  const last = localDate(Math.max(start, end), freeze.timezone)
  for (let date = addDays(localDate(start, freeze.timezone), -1); !after(date, last); date = addDays(date, 1)) {
    const interval = weeklyPeriod(freeze, date)
    if (interval && overlaps(start, end, interval)) yield interval
  }
}

/** The period a weekly freeze holds that begins on the local `date`, or undefined when it does not hold that day. */
function weeklyPeriod(freeze: Extract<Freeze, { kind: 'weekly' }>, date: LocalDate): Interval | undefined {
  if (!freeze.days.includes(weekdayNames[date.weekday]!)) return undefined
  const from = freeze.start
  let to = freeze.end === 23 * 60 + 59 ? 24 * 60 : freeze.end
  if (to <= from) to += 24 * 60
  return { start: zonedInstant(date, from, freeze.timezone, 'earlier'), end: zonedInstant(date, to, freeze.timezone, 'later') }
}

function after(a: LocalDate, b: LocalDate): boolean {
  return Date.UTC(a.year, a.month - 1, a.day) > Date.UTC(b.year, b.month - 1, b.day)
}
