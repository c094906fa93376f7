/** Wall-clock date and time of an instant in a time zone. UTC when the zone is unknown. */
function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone })
  } catch {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]))
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The date (`YYYY-MM-DD`) at `now` in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  const { year, month, day } = wallClock(now, timeZone)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/**
 * `now` as an RFC 3339 timestamp in a time zone, to the second, with that zone's offset at that instant:
 * `2026-11-21T10:15:00+01:00`; `Z` where the offset is zero.
 */
export function localTimestamp(now: Date, timeZone: string): string {
  const seconds = Math.floor(now.getTime() / 1000) * 1000
  const wall = wallClock(new Date(seconds), timeZone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  const offset = Math.round((asUtc - seconds) / 60_000)
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${zone}`
}

/** The same day a year later (`YYYY-MM-DD`); 29 February becomes 28 February. */
export function yearAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(2001, month, 0)).getUTCDate()
  const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const maxDay = month === 2 ? (isLeap(year + 1) ? 29 : 28) : last
  return `${pad(year + 1, 4)}-${pad(month)}-${pad(Math.min(day, maxDay))}`
}
