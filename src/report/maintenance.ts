import { normalizeId } from '../lint/record-index.js'
import type { Weekday } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import { addDays, localDate, zonedInstant } from '../policy/zoned-time.js'
import { entries, strings, text } from '../rules/util.js'
import { isTimeZone, parseClockTime } from '../time/timestamp.js'

const weekdayNames: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

interface MaintenanceWindow {
  days: readonly string[]
  start: number
  end: number
  timezone: string
}

function windowsOf(service: ItsmRecord, timezone: string): MaintenanceWindow[] {
  return entries(service.data.maintenance_windows).flatMap(({ item }) => {
    const start = parseClockTime(item.start)
    const end = parseClockTime(item.end)
    const zone = text(item.timezone) ?? timezone
    if (start === undefined || end === undefined || !isTimeZone(zone)) return []
    return [{ days: strings(item.days), start, end: end <= start ? end + 24 * 60 : end, timezone: zone }]
  })
}

/** Whether `[start, end)` lies wholly inside one occurrence of the window (which may run past midnight). */
function inside(w: MaintenanceWindow, start: number, end: number): boolean {
  const today = localDate(start, w.timezone)
  for (const date of [addDays(today, -1), today]) {
    if (!w.days.includes(weekdayNames[date.weekday]!)) continue
    const from = zonedInstant(date, w.start, w.timezone, 'earlier')
    const to = zonedInstant(date, w.end, w.timezone, 'later')
    if (from <= start && end <= to) return true
  }
  return false
}

/**
 * The services of a change whose maintenance windows do not hold its window `[start, end)`: a service with
 * `maintenance_windows` needs the change wholly inside one occurrence (days, start, end on the wall clock of the
 * window's `timezone`, default the repository's; an end at or before the start runs past midnight). Services
 * without maintenance windows, and services not in the catalog, impose nothing.
 */
export function servicesOutsideMaintenance(
  change: ItsmRecord,
  window: { start: number; end: number },
  services: readonly ItsmRecord[],
  timezone: string,
): string[] {
  const catalog = new Map(services.filter((s) => s.id !== undefined).map((s) => [normalizeId(s.id!), s]))
  return strings(change.data.services).filter((id) => {
    const service = catalog.get(normalizeId(id))
    const windows = service ? windowsOf(service, timezone) : []
    return windows.length > 0 && !windows.some((w) => inside(w, window.start, window.end))
  })
}
