/** Change windows: inside maintenance windows where services have them, outside freezes, never overlapping. */
import type { Window } from './model.js'
import type { Random } from './random.js'
import { berlinParts, berlinTime, floorTo, HOUR, MINUTE } from './time.js'

/** Freezes: the year-end freeze of every year, and no Friday changes (any time) for non-emergency work. */
export function inYearEndFreeze(start: number, end: number): boolean {
  for (const year of [berlinParts(start).year - 1, berlinParts(start).year, berlinParts(end).year]) {
    const from = berlinTime(year, 12, 18)
    const to = berlinTime(year + 1, 1, 4)
    if (start < to && end > from) return true
  }
  return false
}

/** Keeps change windows on the same service from overlapping. */
export class Scheduler {
  private readonly busy = new Map<string, [number, number][]>()

  isFree(services: readonly string[], start: number, end: number): boolean {
    return services.every((s) => (this.busy.get(s) ?? []).every(([a, b]) => end <= a || start >= b))
  }

  reserve(services: readonly string[], start: number, end: number): void {
    for (const s of services) {
      const list = this.busy.get(s)
      if (list) list.push([start, end])
      else this.busy.set(s, [[start, end]])
    }
  }
}

/**
 * A window for a non-emergency change at or after `earliest`: on services with maintenance windows inside one of
 * them (Tuesday or Thursday evening, Saturday night), else on a Monday to Thursday; never on a Friday or in the
 * year-end freeze, and never overlapping another change on the same service.
 */
export function scheduleWindow(rng: Random, scheduler: Scheduler, services: readonly string[], maintenance: boolean, earliest: number): Window {
  const first = berlinParts(earliest)
  for (let offset = 1; offset < 400; offset++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset))
    const weekday = date.getUTCDay()
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
    if (rng.chance(0.35)) continue
    let start: number
    let end: number
    if (maintenance) {
      if (weekday === 6) {
        start = berlinTime(y, m, d, 2, rng.pick([0, 15, 30, 60]))
        end = Math.min(start + rng.pick([30, 60, 90, 120]) * MINUTE, berlinTime(y, m, d, 5))
      } else if (weekday === 2 || weekday === 4) {
        start = berlinTime(y, m, d, 21, rng.pick([0, 15, 30, 45]))
        end = Math.min(start + rng.pick([30, 45, 60, 90, 120]) * MINUTE, berlinTime(y, m, d, 23, 30))
      } else continue
    } else {
      if (weekday === 0 || weekday === 5 || weekday === 6) continue
      const hour = rng.pick([6, 9, 10, 11, 13, 14, 15, 19, 20, 21])
      start = berlinTime(y, m, d, hour, rng.pick([0, 15, 30, 45]))
      end = Math.min(start + rng.pick([30, 60, 90, 120, 180]) * MINUTE, berlinTime(y, m, d, 23, 30))
    }
    if (end <= start || inYearEndFreeze(start, end) || !scheduler.isFree(services, start, end)) continue
    scheduler.reserve(services, start, end)
    return { start, end }
  }
  throw new Error(`no free window for ${services.join(', ')}`)
}

/** A window for an emergency change: as soon as possible after `earliest`, any day, never overlapping. */
export function scheduleEmergency(rng: Random, scheduler: Scheduler, services: readonly string[], earliest: number): Window {
  let start = floorTo(earliest + rng.int(6, 48) * 5 * MINUTE, 5)
  const length = rng.pick([30, 45, 60, 90, 120]) * MINUTE
  while (!scheduler.isFree(services, start, start + length)) start += HOUR
  scheduler.reserve(services, start, start + length)
  return { start, end: start + length }
}
