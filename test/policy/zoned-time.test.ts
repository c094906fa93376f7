import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maximumMatching } from '../../src/policy/matching.js'
import { addDays, localDate, zonedInstant } from '../../src/policy/zoned-time.js'

const iso = (instant: number): string => new Date(instant).toISOString()

describe('zonedInstant', () => {
  it('an ordinary time, in winter and in summer', () => {
    expect(iso(zonedInstant({ year: 2026, month: 1, day: 15, weekday: 4 }, 16 * 60, 'Europe/Berlin'))).toBe('2026-01-15T15:00:00.000Z')
    expect(iso(zonedInstant({ year: 2026, month: 7, day: 15, weekday: 3 }, 16 * 60, 'Europe/Berlin'))).toBe('2026-07-15T14:00:00.000Z')
  })

  it('24:00 is the next midnight', () => {
    expect(iso(zonedInstant({ year: 2026, month: 10, day: 24, weekday: 6 }, 24 * 60, 'Europe/Berlin'))).toBe('2026-10-24T22:00:00.000Z')
    expect(iso(zonedInstant({ year: 2026, month: 10, day: 25, weekday: 0 }, 24 * 60, 'Europe/Berlin'))).toBe('2026-10-25T23:00:00.000Z')
  })

  it('a skipped time gives the switch', () => {
    const date = { year: 2026, month: 3, day: 29, weekday: 0 }
    expect(iso(zonedInstant(date, 2 * 60 + 30, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z')
    expect(iso(zonedInstant(date, 2 * 60 + 30, 'Europe/Berlin', 'later'))).toBe('2026-03-29T01:00:00.000Z')
  })

  it('a repeated time gives its earlier or later instant', () => {
    const date = { year: 2026, month: 10, day: 25, weekday: 0 }
    expect(iso(zonedInstant(date, 2 * 60 + 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z')
    expect(iso(zonedInstant(date, 2 * 60 + 30, 'Europe/Berlin', 'later'))).toBe('2026-10-25T01:30:00.000Z')
  })

  it('half-hour daylight saving (Lord Howe Island) and zones without it', () => {
    // Lord Howe: +11 in summer, +10:30 in winter; the switch on 2026-04-05 at 02:00 local repeats 01:30-02:00.
    const date = { year: 2026, month: 4, day: 5, weekday: 0 }
    expect(iso(zonedInstant(date, 1 * 60 + 45, 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z')
    expect(iso(zonedInstant(date, 1 * 60 + 45, 'Australia/Lord_Howe', 'later'))).toBe('2026-04-04T15:15:00.000Z')
    expect(iso(zonedInstant(date, 12 * 60, 'UTC'))).toBe('2026-04-05T12:00:00.000Z')
    expect(iso(zonedInstant(date, 12 * 60, 'Asia/Kolkata'))).toBe('2026-04-05T06:30:00.000Z')
  })

  it('round-trips with localDate for every hour of a year in Berlin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 - 1 }), (hour) => {
        const instant = Date.UTC(2026, 0, 1) + hour * 3_600_000
        const date = localDate(instant, 'Europe/Berlin')
        const midnight = zonedInstant(date, 0, 'Europe/Berlin')
        const next = zonedInstant(addDays(date, 1), 0, 'Europe/Berlin')
        return midnight <= instant && instant < next && [23, 24, 25].includes((next - midnight) / 3_600_000)
      }),
    )
  })
})

describe('maximumMatching', () => {
  it('moves an earlier assignment to make room', () => {
    // Slot 0 accepts both people, slot 1 only person 0.
    expect(maximumMatching(2, 2, (slot, person) => slot === 0 || person === 0)).toEqual([1, 0])
  })

  it('finds a matching as large as brute force does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (slots, people, bits) => {
        const fits = (s: number, p: number): boolean => bits[s * 5 + p]!
        const matched = maximumMatching(slots, people, fits)
        const used = matched.filter((p) => p >= 0)
        expect(new Set(used).size).toBe(used.length)
        matched.forEach((p, s) => p >= 0 && expect(fits(s, p)).toBe(true))
        expect(used.length).toBe(bruteForce(slots, people, fits))
      }),
    )
  })
})

function bruteForce(slots: number, people: number, fits: (s: number, p: number) => boolean, slot = 0, taken = new Set<number>()): number {
  if (slot === slots) return 0
  let best = bruteForce(slots, people, fits, slot + 1, taken)
  for (let p = 0; p < people; p++) {
    if (taken.has(p) || !fits(slot, p)) continue
    taken.add(p)
    best = Math.max(best, 1 + bruteForce(slots, people, fits, slot + 1, taken))
    taken.delete(p)
  }
  return best
}
