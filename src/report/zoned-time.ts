/**
 * Wall-clock arithmetic in IANA time zones through `Intl` only (no date library).
 *
 * A "wall" value is a zone's local date and time written as if it were UTC epoch milliseconds: the wall time
 * 2026-03-29 08:00 in Europe/Berlin is `Date.UTC(2026, 2, 29, 8, 0)`. Inside a stretch of constant offset, wall
 * time is the instant plus the offset, so calendar rules can be applied to wall values with plain UTC arithmetic.
 */

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The zone's UTC offset in milliseconds at instant `ms` (positive east of Greenwich). */
export function offsetAt(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0)
  return wall - Math.floor(ms / 1000) * 1000
}

/** The wall value (see above) of instant `ms` in `timeZone`. */
export function toWall(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone)
}

/**
 * The instant at which the zone's clocks show `wall`. An ambiguous wall time (clocks set back) maps to its earlier
 * instant; a wall time that never occurs (clocks set forward) maps to the moment the clocks jump past it.
 */
export function fromWall(wall: number, timeZone: string): number {
  const offsets = new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY_MS, timeZone)])
  const candidates = [...offsets].map((o) => wall - o)
  const valid = candidates.filter((t) => toWall(t, timeZone) === wall)
  if (valid.length > 0) return Math.min(...valid)
  let lo = Math.min(...candidates)
  let hi = Math.max(...candidates)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (toWall(mid, timeZone) >= wall) hi = mid
    else lo = mid
  }
  return hi
}

/** A stretch `[start, end)` of instants over which the zone keeps one offset. */
export interface OffsetSegment {
  start: number
  end: number
  offset: number
}

// Zones change offset at most a few times a year and never twice within a day.
const PROBE_MS = 6 * 3_600_000

/** Splits `[from, to)` into stretches of constant UTC offset, finding each switch to the millisecond. */
export function offsetSegments(from: number, to: number, timeZone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = []
  let start = from
  let offset = offsetAt(from, timeZone)
  let t = from
  while (t < to) {
    const next = Math.min(t + PROBE_MS, to)
    if (offsetAt(next, timeZone) === offset) {
      t = next
      continue
    }
    let lo = t
    let hi = next
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (offsetAt(mid, timeZone) === offset) lo = mid
      else hi = mid
    }
    segments.push({ start, end: hi, offset })
    start = hi
    offset = offsetAt(hi, timeZone)
    t = hi
  }
  if (start < to) segments.push({ start, end: to, offset })
  return segments
}

/** `YYYY-MM-DD` of a wall value. */
export function wallDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10)
}

/**
 * Instant `ms` as an RFC 3339 timestamp in `timeZone`'s local time with the offset in force then
 * (`2026-10-30T16:00:00+02:00`); milliseconds only when there are some. An offset of seconds (local mean time
 * before 1900) has no RFC 3339 form, so such an instant is written in UTC.
 */
export function zonedTimestamp(ms: number, timeZone: string): string {
  const offset = offsetAt(ms, timeZone)
  const whole = offset % MINUTE_MS === 0
  const iso = new Date(whole ? ms + offset : ms).toISOString()
  const local = ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23)
  if (!whole || offset === 0) return `${local}${whole ? '+00:00' : 'Z'}`
  const minutes = Math.abs(offset) / MINUTE_MS
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
