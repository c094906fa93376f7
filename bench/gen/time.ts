/** Time helpers for the generator: Europe/Berlin offsets (EU daylight-saving rule) and RFC 3339 formatting. */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type WeekdayName = (typeof weekdays)[number]

/** Last Sunday of a month at 01:00 UTC, when EU clocks change. */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1))
  return last.getTime() - last.getUTCDay() * DAY
}

/** The offset of Europe/Berlin from UTC at an instant, in minutes (60 or 120). */
export function berlinOffset(utc: number): number {
  const year = new Date(utc).getUTCFullYear()
  return utc >= lastSundayUtc(year, 2) && utc < lastSundayUtc(year, 9) ? 120 : 60
}

/** Berlin local wall time, as fields. */
export function berlinParts(utc: number): { year: number; month: number; day: number; hour: number; minute: number; weekday: WeekdayName } {
  const local = new Date(utc + berlinOffset(utc) * MINUTE)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: weekdays[local.getUTCDay()] as WeekdayName,
  }
}

/** The instant of a Berlin wall time (month 1-12). A time skipped by the spring change resolves an hour later. */
export function berlinTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  for (const offset of [60, 120]) {
    const utc = wall - offset * MINUTE
    if (berlinOffset(utc) === offset) return utc
  }
  return wall - 60 * MINUTE
}

/** Midnight (Berlin) of the day holding an instant. */
export function berlinMidnight(utc: number): number {
  const p = berlinParts(utc)
  return berlinTime(p.year, p.month, p.day)
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** RFC 3339 in Berlin time with its offset, to the second: `2026-12-03T22:00:00+01:00`. */
export function formatBerlin(utc: number): string {
  const offset = berlinOffset(utc)
  const local = new Date(Math.floor(utc / 1000) * 1000 + offset * MINUTE)
  return `${local.toISOString().slice(0, 19)}+${pad(offset / 60)}:00`
}

/** RFC 3339 in UTC, to the second: `2026-11-02T09:14:00Z`. */
export function formatUtc(utc: number): string {
  return `${new Date(Math.floor(utc / 1000) * 1000).toISOString().slice(0, 19)}Z`
}

/** The Berlin calendar date of an instant: `2026-03-01`. */
export function formatDate(utc: number): string {
  const p = berlinParts(utc)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** Rounds an instant down to a whole number of minutes. */
export function floorTo(utc: number, minutes: number): number {
  const step = minutes * MINUTE
  return Math.floor(utc / step) * step
}
