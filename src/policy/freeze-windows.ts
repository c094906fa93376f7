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
 * The first period of the freeze that overlaps the window `[start, end)`, or undefined.
 *
 * A weekly freeze holds on each of its days from `start` to `end` on the wall clock of its time zone, so its length
 * in hours follows daylight-saving changes. `end` at or before `start` runs past midnight into the next day; `23:59`
 * means the end of the day (no one means to leave the last minute unfrozen); `24:00` is midnight. Around a switch,
 * the freeze takes its widest reading: the earlier instant of a start that occurs twice, the later one of such an end.
 */
export function freezeOverlap(freeze: Freeze, start: number, end: number): Interval | undefined {
  if (freeze.kind === 'absolute') {
    const interval = { start: freeze.start, end: freeze.end }
    return overlaps(start, end, interval) ? interval : undefined
  }
  const from = freeze.start
  let to = freeze.end === 23 * 60 + 59 ? 24 * 60 : freeze.end
  if (to <= from) to += 24 * 60
  // Occurrences that began the day before the window can still reach into it. Two weeks of days meet every
  // occurrence there is (a daylight-saving switch changes one week at most), so a long window needs no more.
  const first = addDays(localDate(start, freeze.timezone), -1)
  const last = localDate(Math.max(start, end), freeze.timezone)
  for (let i = 0; i <= 15; i++) {
    const date = addDays(first, i)
    if (after(date, last)) break
    if (!freeze.days.includes(weekdayNames[date.weekday]!)) continue
    const interval = { start: zonedInstant(date, from, freeze.timezone, 'earlier'), end: zonedInstant(date, to, freeze.timezone, 'later') }
    if (overlaps(start, end, interval)) return interval
  }
  return undefined
}

function after(a: LocalDate, b: LocalDate): boolean {
  return Date.UTC(a.year, a.month - 1, a.day) > Date.UTC(b.year, b.month - 1, b.day)
}
