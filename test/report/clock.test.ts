import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Calendar, Weekday } from '../../src/model/config.js'
import { addBusinessMinutes, businessMinutes } from '../../src/report/clock.js'
import { fromWall, offsetSegments, toWall } from '../../src/report/zoned-time.js'

const ms = (iso: string): number => Date.parse(iso)

const business: Calendar = {
  timezone: 'Europe/Berlin',
  hours: { mon: '08:00-18:00', tue: '08:00-18:00', wed: '08:00-18:00', thu: '08:00-18:00', fri: '08:00-17:00' },
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
}
const sundays = (hours: string): Calendar => ({ timezone: 'Europe/Berlin', hours: { sun: hours }, holidays: [] })

describe('businessMinutes, hand-computed', () => {
  it('counts 24x7 as wall-clock minutes, fractions included', () => {
    expect(businessMinutes('24x7', ms('2026-11-01T00:00:00Z'), ms('2026-11-01T01:30:00Z'))).toBe(90)
    expect(businessMinutes('24x7', ms('2026-11-01T00:00:00Z'), ms('2026-11-01T00:00:30Z'))).toBe(0.5)
    expect(businessMinutes('24x7', ms('2026-11-02T00:00:00Z'), ms('2026-11-01T00:00:00Z'))).toBe(0)
  })

  it('skips a weekend: Fri 16:00 to Mon 09:00 is one hour each side', () => {
    expect(businessMinutes(business, ms('2026-11-20T16:00:00+01:00'), ms('2026-11-23T09:00:00+01:00'))).toBe(120)
  })

  it('skips holidays in the calendar time zone', () => {
    // Wed 23 Dec 17:00 .. Mon 28 Dec 09:00: Thu 24 and Fri 25 are holidays.
    expect(businessMinutes(business, ms('2026-12-23T17:00:00+01:00'), ms('2026-12-28T09:00:00+01:00'))).toBe(120)
  })

  it('keeps an 08:00-18:00 day at 10 hours on both 2026 Berlin DST switches', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const from = ms(`${day}T00:00:00Z`) - 3 * 3_600_000
      const to = ms(`${day}T00:00:00Z`) + 27 * 3_600_000
      expect(businessMinutes(sundays('08:00-18:00'), from, to)).toBe(600)
    }
  })

  it('shortens the skipped hour and repeats the doubled hour', () => {
    const spring = [ms('2026-03-28T22:00:00Z'), ms('2026-03-29T22:00:00Z')] as const
    const autumn = [ms('2026-10-24T22:00:00Z'), ms('2026-10-25T23:00:00Z')] as const
    expect(businessMinutes(sundays('00:00-24:00'), ...spring)).toBe(23 * 60)
    expect(businessMinutes(sundays('00:00-24:00'), ...autumn)).toBe(25 * 60)
    expect(businessMinutes(sundays('01:00-04:00'), ...spring)).toBe(120)
    expect(businessMinutes(sundays('01:00-04:00'), ...autumn)).toBe(240)
  })

  it('counts from mid-day across a DST switch: Sun 08:00-18:00 then Mon 08:00 CEST to 12:00Z', () => {
    const calendar: Calendar = { ...business, hours: { ...business.hours, sun: '08:00-18:00' } }
    expect(businessMinutes(calendar, ms('2026-03-28T12:00:00Z'), ms('2026-03-30T12:00:00Z'))).toBe(600 + 360)
  })

  it('crosses a month boundary: Fri 30 Oct 16:00 to Mon 2 Nov 10:00', () => {
    expect(businessMinutes(business, ms('2026-10-30T16:00:00+01:00'), ms('2026-11-02T10:00:00+01:00'))).toBe(180)
  })

  it('adds up ranges split by commas, and ignores empty or malformed ones', () => {
    const split: Calendar = { timezone: 'UTC', hours: { mon: '08:00-12:00, 13:00-17:00', tue: '10:00-09:00', wed: 'x' }, holidays: [] }
    expect(businessMinutes(split, ms('2026-11-16T00:00:00Z'), ms('2026-11-19T00:00:00Z'))).toBe(480)
  })

  it('handles a year-long interval without walking minutes', () => {
    const start = performance.now()
    const minutes = businessMinutes(business, ms('2026-01-01T00:00:00+01:00'), ms('2027-01-01T00:00:00+01:00'))
    // 2026 has 261 weekdays, 52 of them Fridays (9 h); 24 and 25 Dec (Thu, Fri) are holidays.
    expect(minutes).toBe((261 - 52) * 600 + 52 * 540 - 600 - 540)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('addBusinessMinutes', () => {
  it('finds deadlines across weekends, holidays and DST, closing times included', () => {
    expect(addBusinessMinutes(business, ms('2026-11-20T16:00:00+01:00'), 120)).toBe(ms('2026-11-23T09:00:00+01:00'))
    expect(addBusinessMinutes(business, ms('2026-11-20T16:00:00+01:00'), 60)).toBe(ms('2026-11-20T17:00:00+01:00'))
    expect(addBusinessMinutes(business, ms('2026-12-23T17:00:00+01:00'), 61)).toBe(ms('2026-12-28T08:01:00+01:00'))
    expect(addBusinessMinutes(business, ms('2026-03-27T16:30:00+01:00'), 60)).toBe(ms('2026-03-30T08:30:00+02:00'))
    expect(addBusinessMinutes('24x7', 0, 1.5)).toBe(90_000)
    expect(addBusinessMinutes(business, 5, 0)).toBe(5)
    expect(addBusinessMinutes({ timezone: 'UTC', hours: {}, holidays: [] }, 0, 1)).toBeUndefined()
  })

  it('inverts businessMinutes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...switches), fc.integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 }), fc.integer({ min: 1, max: 5000 }), (anchor, shift, minutes) => {
        const from = anchor + shift
        const deadline = addBusinessMinutes(business, from, minutes) as number
        expect(businessMinutes(business, from, deadline)).toBeCloseTo(minutes, 9)
        expect(businessMinutes(business, from, deadline - 1)).toBeLessThan(minutes)
      }),
      { numRuns: 50 },
    )
  })
})

describe('zoned time', () => {
  it('finds the offset switches to the millisecond', () => {
    const segs = offsetSegments(ms('2026-03-01T00:00:00Z'), ms('2026-11-30T00:00:00Z'), 'Europe/Berlin')
    expect(segs.map((s) => [new Date(s.start).toISOString(), s.offset / 3_600_000])).toEqual([
      ['2026-03-01T00:00:00.000Z', 1],
      ['2026-03-29T01:00:00.000Z', 2],
      ['2026-10-25T01:00:00.000Z', 1],
    ])
  })

  it('maps wall times back to instants, gaps to the jump and repeats to the earlier instant', () => {
    const tz = 'America/New_York'
    expect(fromWall(Date.UTC(2026, 10, 1, 1, 30), tz)).toBe(ms('2026-11-01T01:30:00-04:00'))
    expect(fromWall(Date.UTC(2026, 2, 8, 2, 30), tz)).toBe(ms('2026-03-08T03:00:00-04:00'))
    expect(toWall(ms('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 17, 30))
  })
})

// The reference: walk minute by minute and ask Intl for each minute's local weekday, date and time.
const refFormats = new Map<string, Intl.DateTimeFormat>()
function referenceMinutes(calendar: Calendar, from: number, to: number): number {
  let f = refFormats.get(calendar.timezone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: calendar.timezone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    refFormats.set(calendar.timezone, f)
  }
  let count = 0
  for (let t = from; t < to; t += 60_000) {
    const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]))
    if (calendar.holidays.includes(`${p.year}-${p.month}-${p.day}`)) continue
    const hours = calendar.hours[String(p.weekday).toLowerCase() as Weekday]
    const minute = Number(p.hour) * 60 + Number(p.minute)
    const inside = (hours ?? '').split(',').some((range) => {
      const [a, b] = range.trim().split('-').map((s) => s.split(':').map(Number))
      return a !== undefined && b !== undefined && minute >= a[0]! * 60 + a[1]! && minute < b[0]! * 60 + b[1]!
    })
    if (inside) count++
  }
  return count
}

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
const rangeArb = fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })).filter(([a, b]) => b > a)
const dayHours = fc.option(
  fc.array(rangeArb, { minLength: 1, maxLength: 3 }).map((rs) => rs.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(', ')),
  { nil: undefined },
)
const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const switches = ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'].map(ms)
const holidayArb = fc.integer({ min: -20, max: 20 }).map((d) => (anchor: number) => new Date(anchor + d * 86_400_000).toISOString().slice(0, 10))

describe('businessMinutes, against a minute-by-minute reference', () => {
  it('agrees for random calendars and intervals around DST switches', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        fc.tuple(...days.map(() => dayHours)),
        fc.array(holidayArb, { maxLength: 4 }),
        fc.constantFrom(...switches),
        fc.integer({ min: -7 * 1440, max: 7 * 1440 }),
        fc.integer({ min: 0, max: 6 * 1440 }),
        (timezone, hours, holidays, anchor, startMinute, length) => {
          const calendar: Calendar = {
            timezone,
            hours: Object.fromEntries(days.flatMap((d, i) => (hours[i] ? [[d, hours[i]]] : []))),
            holidays: holidays.map((h) => h(anchor)),
          }
          const from = anchor + startMinute * 60_000
          const to = from + length * 60_000
          expect(businessMinutes(calendar, from, to)).toBe(referenceMinutes(calendar, from, to))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('is additive at any millisecond split, fractions included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        fc.constantFrom(...switches),
        fc.array(fc.integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 }), { minLength: 3, maxLength: 3 }),
        (timezone, anchor, points) => {
          const [a, b, c] = points.map((p) => anchor + p).sort((x, y) => x - y) as [number, number, number]
          const calendar: Calendar = { ...business, timezone, hours: { ...business.hours, sun: '01:30-03:30' } }
          const whole = businessMinutes(calendar, a, c)
          expect(whole).toBeCloseTo(businessMinutes(calendar, a, b) + businessMinutes(calendar, b, c), 9)
        },
      ),
      { numRuns: 100 },
    )
  })
})
