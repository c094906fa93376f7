import { DAY_MS, fromWall, toWall } from './zoned-time.js'

export type PeriodKind = 'week' | 'month' | 'quarter'

/** A calendar period in a time zone: its key ("2026-11", "2026-W45", "2026-Q4") and its instants `[start, end)`. */
export interface Period {
  key: string
  start: number
  end: number
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** ISO 8601 week of a wall day (UTC-midnight ms): its week-numbering year and week number. */
function isoWeek(day: number): { year: number; week: number } {
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  const thursday = new Date(day + (3 - weekday) * DAY_MS)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS))
  return { year, week }
}

/** The wall midnight (UTC-midnight ms) starting the period that holds wall day `day`. */
function periodStart(day: number, kind: PeriodKind): number {
  const d = new Date(day)
  if (kind === 'week') return day - ((d.getUTCDay() + 6) % 7) * DAY_MS
  const month = kind === 'month' ? d.getUTCMonth() : d.getUTCMonth() - (d.getUTCMonth() % 3)
  return Date.UTC(d.getUTCFullYear(), month, 1)
}

function nextStart(start: number, kind: PeriodKind): number {
  if (kind === 'week') return start + 7 * DAY_MS
  const d = new Date(start)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (kind === 'month' ? 1 : 3), 1)
}

/** The key of the period starting at wall midnight `start`. */
function periodKey(start: number, kind: PeriodKind): string {
  const d = new Date(start)
  if (kind === 'week') {
    const { year, week } = isoWeek(start)
    return `${pad(year, 4)}-W${pad(week)}`
  }
  if (kind === 'month') return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`
  return `${pad(d.getUTCFullYear(), 4)}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}

/**
 * The periods of `kind` in `timeZone` that overlap `[from, to)` (epoch ms), in order. Periods start at local
 * midnight (weeks on Monday, ISO 8601), so their lengths follow real month lengths and daylight-saving changes.
 */
export function periodsBetween(from: number, to: number, kind: PeriodKind, timeZone: string): Period[] {
  const periods: Period[] = []
  if (!(to > from)) return periods
  const firstDay = Math.floor(toWall(from, timeZone) / DAY_MS) * DAY_MS
  let wallStart = periodStart(firstDay, kind)
  let start = fromWall(wallStart, timeZone)
  while (start < to) {
    const wallEnd = nextStart(wallStart, kind)
    const end = fromWall(wallEnd, timeZone)
    periods.push({ key: periodKey(wallStart, kind), start, end })
    wallStart = wallEnd
    start = end
  }
  return periods
}

/** The period of `kind` in `timeZone` that holds instant `at`. */
export function periodAt(at: number, kind: PeriodKind, timeZone: string): Period {
  return periodsBetween(at, at + 1, kind, timeZone)[0] as Period
}
