// Wall-clock time in an IANA time zone, computed with Intl only (no clock, no time-zone library).

const formatters = new Map<string, Intl.DateTimeFormat>()
const minute = 60_000
const day = 24 * 60 * minute

/** A calendar date; `weekday` 0 is Sunday. */
export interface LocalDate {
  year: number
  month: number
  day: number
  weekday: number
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(zone, f)
  }
  return f
}

/** The wall-clock reading at `instant` in `zone`, expressed as if it were UTC (epoch ms, whole seconds). */
function wallAt(instant: number, zone: string): number {
  const parts: Record<string, number> = {}
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const wall = new Date(Date.UTC(2000, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0))
  wall.setUTCFullYear(parts.year ?? 2000)
  return wall.getTime()
}

/** The date in `zone` at `instant`. */
export function localDate(instant: number, zone: string): LocalDate {
  return dateOf(wallAt(instant, zone))
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOf(Date.UTC(date.year, date.month - 1, date.day) + days * day)
}

function dateOf(wall: number): LocalDate {
  const d = new Date(wall)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() }
}

/**
 * The instant at which the wall clock of `zone` shows `minutes` after midnight of `date` (1440 is the next
 * midnight). Around daylight-saving changes: a time that occurs twice gives its earlier instant, or its later one
 * with `prefer: 'later'`; a time skipped by the clock gives the instant of the switch, when the clock passes it.
 */
export function zonedInstant(date: LocalDate, minutes: number, zone: string, prefer: 'earlier' | 'later' = 'earlier'): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * minute
  const offsets = [...new Set([wallAt(wall - day, zone) - (wall - day), wallAt(wall + day, zone) - (wall + day)])]
  const found = offsets.map((offset) => wall - offset).filter((instant) => wallAt(instant, zone) === wall)
  if (found.length > 0) return prefer === 'earlier' ? Math.min(...found) : Math.max(...found)
  // Skipped: find the switch, the first instant whose wall clock reads `wall` or later.
  let lo = wall - Math.max(...offsets)
  let hi = wall - Math.min(...offsets)
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000
    if (wallAt(mid, zone) >= wall) hi = mid
    else lo = mid
  }
  return hi
}
