import { describe, expect, it } from 'vitest'
import { localDate, localTimestamp, yearAfter } from '../../src/scaffold/clock.js'

describe('localDate and localTimestamp', () => {
  it('give the wall clock of the zone, with its offset at that instant', () => {
    const late = new Date('2026-11-21T23:30:15.900Z')
    expect(localDate(late, 'Europe/Berlin')).toBe('2026-11-22')
    expect(localDate(late, 'UTC')).toBe('2026-11-21')
    expect(localTimestamp(late, 'Europe/Berlin')).toBe('2026-11-22T00:30:15+01:00')
    expect(localTimestamp(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T14:00:00+02:00')
    expect(localTimestamp(late, 'UTC')).toBe('2026-11-21T23:30:15Z')
    expect(localTimestamp(late, 'America/St_Johns')).toBe('2026-11-21T20:00:15-03:30')
    expect(localTimestamp(late, 'Asia/Kathmandu')).toBe('2026-11-22T05:15:15+05:45')
  })

  it('round-trips across a daylight-saving change', () => {
    for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      const stamp = localTimestamp(new Date(iso), 'Europe/Berlin')
      expect(new Date(stamp).toISOString()).toBe(new Date(iso).toISOString())
    }
  })

  it('falls back to UTC for an unknown zone', () => {
    expect(localTimestamp(new Date('2026-11-21T09:00:00Z'), 'Mars/Olympus')).toBe('2026-11-21T09:00:00Z')
  })
})

describe('yearAfter', () => {
  it('moves a date one year on', () => {
    expect(yearAfter('2026-11-21')).toBe('2027-11-21')
    expect(yearAfter('2028-02-29')).toBe('2029-02-28')
    expect(yearAfter('2027-02-28')).toBe('2028-02-28')
    expect(yearAfter('2026-12-31')).toBe('2027-12-31')
  })
})
