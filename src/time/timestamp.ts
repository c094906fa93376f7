const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const durationPattern = /^([1-9]\d{0,5}|0)(m|h|d|w)$/
const clockPattern = /^([01]\d|2[0-4]):([0-5]\d)$/

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * Parses an RFC 3339 timestamp with an offset into epoch milliseconds. Undefined for anything that is not a real
 * instant: no offset, 30 February, `24:00`, `23:59:60` (a leap second no clock here can represent).
 */
export function parseTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const m = timestampPattern.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  let offsetMinutes = 0
  if (m[9]) {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return undefined
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction)
  // Date.UTC maps years 0..99 onto 1900..1999; setUTCFullYear keeps the year as written.
  const date = new Date(utc)
  date.setUTCFullYear(year)
  return date.getTime() - offsetMinutes * 60_000
}

/** A calendar date `YYYY-MM-DD` that exists. */
export interface CalendarDate {
  year: number
  month: number
  day: number
}

/** Parses `YYYY-MM-DD`; undefined unless the date exists. */
export function parseDate(text: unknown): CalendarDate | undefined {
  if (typeof text !== 'string') return undefined
  const m = datePattern.exec(text)
  if (!m) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

const unitMinutes = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 } as const

/** Parses a duration `<n>m|h|d|w` into minutes; undefined if malformed. */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const m = durationPattern.exec(text)
  if (!m) return undefined
  return Number(m[1]) * unitMinutes[m[2] as keyof typeof unitMinutes]
}

/** Parses a wall-clock time `HH:MM` (00:00 to 24:00) into minutes after midnight; undefined if malformed. */
export function parseClockTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const m = clockPattern.exec(text)
  if (!m) return undefined
  const minutes = Number(m[1]) * 60 + Number(m[2])
  return minutes > 24 * 60 ? undefined : minutes
}

const zoneCache = new Map<string, boolean>()

/** Whether `name` is an IANA time zone this runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(name: unknown): boolean {
  if (typeof name !== 'string' || name === '' || name.length > 64) return false
  let known = zoneCache.get(name)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name })
      known = true
    } catch {
      known = false
    }
    zoneCache.set(name, known)
  }
  return known
}
