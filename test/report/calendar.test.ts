import { beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../src/model/config.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { changeCalendar } from '../../src/report/calendar.js'
import { chainServices, changeRecord, config, loadAcme, period, record } from './report-records.js'

const services = chainServices
const change = changeRecord

const november = period('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', '2026-11-15T12:00:00Z')

describe('changeCalendar windows', () => {
  it('lists the windows that overlap the period, half-open at both edges, sorted by start then id; never cancelled ones', () => {
    const changes = [
      change('CHG-0001', { services: 'db', start: '2026-10-31T23:00:00Z', end: '2026-11-01T00:00:00Z' }),
      change('CHG-0002', { services: 'other', start: '2026-10-31T23:00:00Z', end: '2026-11-01T00:00:01Z' }),
      change('CHG-0003', { services: 'db', start: '2026-12-01T00:00:00Z', end: '2026-12-01T01:00:00Z' }),
      change('CHG-0004', { services: 'db', start: '2026-11-30T23:59:00Z', end: '2026-12-01T02:00:00Z' }),
      change('CHG-0005', { services: 'db', status: 'cancelled', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0006', { services: 'db', status: 'draft' }),
      change('CHG-0008', { services: 'db', status: 'draft', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0007', { services: 'web', status: 'submitted', start: '2026-11-10T10:00:00Z', end: '2026-11-10T10:30:00Z' }),
    ]
    const { windows } = changeCalendar([...services, ...changes], config(), november)
    expect(windows.map((w) => w.change)).toEqual(['CHG-0002', 'CHG-0007', 'CHG-0008', 'CHG-0004'])
  })

  it('keeps the record: timestamps as written, services as named, expected downtime, null for what is missing', () => {
    const changes = [
      change('CHG-0001', { services: 'Web, db', start: '2026-11-10T15:30:00+05:30', end: '2026-11-10T11:00:00.250Z', extra: ['  expected_downtime: true'] }),
      record('changes/CHG-0002.yaml', 'kind: Change', 'id: CHG-0002', 'title: Bare', 'services: [db]', 'window: { start: 2026-11-12T10:00:00Z, end: 2026-11-12T09:00:00Z }'),
    ]
    const { windows } = changeCalendar([...services, ...changes], config(), november)
    expect(windows[0]).toMatchObject({ change: 'CHG-0001', type: 'normal', status: 'approved', risk: null, services: ['Web', 'db'], start: '2026-11-10T15:30:00+05:30', end: '2026-11-10T11:00:00.250Z', expected_downtime: true })
    // The reversed window reads as the policy reads it: earlier instant first.
    expect(windows[1]).toMatchObject({ change: 'CHG-0002', title: 'Bare', type: null, status: null, risk: null, start: '2026-11-12T09:00:00Z', end: '2026-11-12T10:00:00Z', expected_downtime: false })
  })

  it('tells past, current and upcoming windows apart at now, half-open', () => {
    const now = '2026-11-15T12:00:00Z'
    const changes = [
      change('CHG-0001', { services: 'db', start: '2026-11-15T11:00:00Z', end: now }),
      change('CHG-0002', { services: 'db', start: now, end: '2026-11-15T13:00:00Z' }),
      change('CHG-0003', { services: 'other', start: '2026-11-15T11:00:00Z', end: '2026-11-15T13:00:00Z' }),
      change('CHG-0004', { services: 'other', start: '2026-11-15T12:00:01Z', end: '2026-11-15T13:00:00Z' }),
    ]
    const { windows } = changeCalendar([...services, ...changes], config(), november)
    expect(Object.fromEntries(windows.map((w) => [w.change, w.when]))).toEqual({ 'CHG-0001': 'past', 'CHG-0002': 'current', 'CHG-0003': 'current', 'CHG-0004': 'upcoming' })
  })

  it('names the freezes that hold a change back, respecting allow, tiers and services, whatever its status', () => {
    const policy = {
      freeze: [
        { name: 'Tier 1', start: '2026-11-10T00:00:00Z', end: '2026-11-11T00:00:00Z', allow: ['emergency'], tiers: [1] },
        { name: 'Web', start: '2026-11-10T12:00:00Z', end: '2026-11-12T00:00:00Z', services: ['web'] },
        { name: 'Everything', start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' },
      ],
    }
    const changes = [
      change('CHG-0001', { services: 'db', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0002', { services: 'db', type: 'emergency', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0003', { services: 'other', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0004', { services: 'web, db', status: 'submitted', start: '2026-11-10T12:00:00Z', end: '2026-11-10T13:00:00Z' }),
      change('CHG-0005', { services: 'web', start: '2026-11-09T10:00:00Z', end: '2026-11-10T00:00:00Z' }),
      change('CHG-0006', { services: 'other', type: 'emergency', start: '2026-11-20T23:00:00Z', end: '2026-11-21T01:00:00Z' }),
    ]
    const { windows } = changeCalendar([...services, ...changes], config(policy), november)
    expect(Object.fromEntries(windows.map((w) => [w.change, w.in_freeze]))).toEqual({
      'CHG-0005': [],
      'CHG-0001': ['Tier 1'],
      'CHG-0002': [],
      'CHG-0003': [],
      'CHG-0004': ['Tier 1', 'Web'],
      'CHG-0006': ['Everything'],
    })
  })

  it('lists collisions both ways, through dependencies, with changes outside the period too, never with cancelled ones', () => {
    const changes = [
      change('CHG-0001', { services: 'web', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0002', { services: 'db', start: '2026-11-10T10:30:00Z', end: '2026-11-10T12:00:00Z' }),
      change('CHG-0003', { services: 'api', start: '2026-11-10T11:30:00Z', end: '2026-11-10T13:00:00Z' }),
      change('CHG-0004', { services: 'db', status: 'cancelled', start: '2026-11-10T10:00:00Z', end: '2026-11-10T13:00:00Z' }),
      change('CHG-0005', { services: 'other', start: '2026-10-31T20:00:00Z', end: '2026-11-01T02:00:00Z' }),
      change('CHG-0006', { services: 'other', start: '2026-10-31T19:00:00Z', end: '2026-10-31T21:00:00Z' }),
    ]
    const { windows } = changeCalendar([...services, ...changes], config(), november)
    expect(Object.fromEntries(windows.map((w) => [w.change, w.collides_with]))).toEqual({
      'CHG-0005': ['CHG-0006'],
      'CHG-0001': ['CHG-0002'],
      'CHG-0002': ['CHG-0001', 'CHG-0003'],
      'CHG-0003': ['CHG-0002'],
    })
  })

  it('lists the services whose maintenance windows do not hold the window, in the repository time zone', () => {
    const changes = [
      change('CHG-0001', { services: 'mw', start: '2026-11-07T23:00:00+01:00', end: '2026-11-08T02:00:00+01:00' }),
      change('CHG-0002', { services: 'mw, db', start: '2026-11-14T23:00:00+01:00', end: '2026-11-15T02:01:00+01:00' }),
    ]
    const { windows } = changeCalendar([...services, ...changes], config(), november)
    expect(windows.map((w) => w.outside_maintenance)).toEqual([[], ['mw']])
    // The same wall-clock window in New York is five or six hours later in Berlin.
    const ny = changeCalendar([...services, ...changes], config(undefined, 'America/New_York'), november)
    expect(ny.windows.map((w) => w.outside_maintenance)).toEqual([['mw'], ['mw']])
  })
})

describe('changeCalendar freezes', () => {
  it('lists absolute freezes that overlap the period, as written, with their scope', () => {
    const policy = {
      freeze: [
        { name: 'Before', start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' },
        { name: 'Straddling', start: '2026-10-31T00:00:00+05:30', end: '2026-11-02T00:00:00+05:30', allow: ['emergency', 'standard'], tiers: [1, 2] },
        { name: 'After', start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' },
        { name: 'Another', start: '2026-10-31T00:00:00+05:30', end: '2026-11-01T06:00:00+05:30', services: ['db'] },
      ],
    }
    expect(changeCalendar(services, config(policy), november).freezes).toEqual([
      { name: 'Another', start: '2026-10-31T00:00:00+05:30', end: '2026-11-01T06:00:00+05:30', allow: [], scope: { tiers: [], services: ['db'] }, weekly: false },
      { name: 'Straddling', start: '2026-10-31T00:00:00+05:30', end: '2026-11-02T00:00:00+05:30', allow: ['emergency', 'standard'], scope: { tiers: [1, 2], services: [] }, weekly: false },
    ])
  })

  it('expands a weekly freeze into one period per day it holds, with the offsets of either side of the autumn switch', () => {
    const policy = { freeze: [{ name: 'Friday', days: ['fri'], start: '16:00', end: '23:59', timezone: 'Europe/Berlin', tiers: [1], allow: ['emergency'] }] }
    const p = period('2026-10-16T20:00:00+02:00', '2026-11-06T16:00:00+01:00', '2026-10-20T00:00:00Z')
    const { freezes } = changeCalendar(services, config(policy), p)
    // Oct 16 is under way at the period's start; Nov 6 starts at its end, so it is not in it.
    expect(freezes.map((f) => [f.start, f.end])).toEqual([
      ['2026-10-16T16:00:00+02:00', '2026-10-17T00:00:00+02:00'],
      ['2026-10-23T16:00:00+02:00', '2026-10-24T00:00:00+02:00'],
      ['2026-10-30T16:00:00+01:00', '2026-10-31T00:00:00+01:00'],
    ])
    expect(freezes[0]).toMatchObject({ name: 'Friday', allow: ['emergency'], scope: { tiers: [1], services: [] }, weekly: true })
  })

  it('gives a weekly freeze on the switching Sundays its real length: longer in October, shorter in March', () => {
    const policy = {
      freeze: [
        { name: 'Sunday night', days: ['sun'], start: '01:00', end: '05:00', timezone: 'Europe/Berlin' },
        { name: 'Sunday 2:30', days: ['sun'], start: '02:30', end: '03:30', timezone: 'Europe/Berlin' },
      ],
    }
    const autumn = changeCalendar(services, config(policy), period('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', '2026-10-24T00:00:00Z')).freezes
    expect(autumn.map((f) => [f.name, f.start, f.end])).toEqual([
      ['Sunday night', '2026-10-25T01:00:00+02:00', '2026-10-25T05:00:00+01:00'],
      // 02:30 occurs twice: the freeze starts at the first and ends at the second 03:30.
      ['Sunday 2:30', '2026-10-25T02:30:00+02:00', '2026-10-25T03:30:00+01:00'],
    ])
    expect(Date.parse(autumn[0]!.end) - Date.parse(autumn[0]!.start)).toBe(5 * 3_600_000)
    const spring = changeCalendar(services, config(policy), period('2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z', '2027-03-27T00:00:00Z')).freezes
    expect(spring.map((f) => [f.name, f.start, f.end])).toEqual([
      ['Sunday night', '2027-03-28T01:00:00+01:00', '2027-03-28T05:00:00+02:00'],
      // 02:30 does not occur that night: the freeze starts when the clocks jump to 03:00.
      ['Sunday 2:30', '2027-03-28T03:00:00+02:00', '2027-03-28T03:30:00+02:00'],
    ])
    expect(Date.parse(spring[0]!.end) - Date.parse(spring[0]!.start)).toBe(3 * 3_600_000)
  })

  it('sorts freeze periods by start, then name', () => {
    const policy = {
      freeze: [
        { name: 'b', days: ['mon', 'wed'], start: '20:00', end: '02:00', timezone: 'UTC' },
        { name: 'a', start: '2026-11-02T20:00:00Z', end: '2026-11-03T00:00:00Z' },
      ],
    }
    const { freezes } = changeCalendar(services, config(policy), period('2026-11-02T00:00:00Z', '2026-11-05T00:00:00Z', '2026-11-02T00:00:00Z'))
    expect(freezes.map((f) => [f.name, f.start, f.end])).toEqual([
      ['a', '2026-11-02T20:00:00Z', '2026-11-03T00:00:00Z'],
      ['b', '2026-11-02T20:00:00+00:00', '2026-11-03T02:00:00+00:00'],
      ['b', '2026-11-04T20:00:00+00:00', '2026-11-05T02:00:00+00:00'],
    ])
  })
})

// The example, 2026-09-01 to 2027-01-01 (Berlin), now 2026-11-21T12:00+01:00, as in changes.test.ts.
describe('changeCalendar over examples/acme', () => {
  let acme: { records: ItsmRecord[]; config: Config }
  beforeAll(async () => {
    acme = await loadAcme()
  })
  const p = period('2026-09-01T00:00:00+02:00', '2027-01-01T00:00:00+01:00', '2026-11-21T12:00:00+01:00')

  it('shows the windows and freeze periods worked out by hand', () => {
    const { windows, freezes } = changeCalendar(acme.records, acme.config, p)
    // CHG-0005 is cancelled, CHG-0019 has no window, CHG-0020 is in January: 17 windows, by start.
    expect(windows.map((w) => w.change)).toEqual([
      'CHG-0001', 'CHG-0003', 'CHG-0002', 'CHG-0004', 'CHG-0008', 'CHG-0006', 'CHG-0011', 'CHG-0009', 'CHG-0010',
      'CHG-0013', 'CHG-0012', 'CHG-0014', 'CHG-0015', 'CHG-0017', 'CHG-0016', 'CHG-0018', 'CHG-0007',
    ])
    // Now is Saturday Nov 21 12:00: CHG-0014 runs Fri Nov 20 18:00 to Mon Nov 23 06:00.
    expect(windows.filter((w) => w.when === 'current').map((w) => w.change)).toEqual(['CHG-0014'])
    expect(windows.filter((w) => w.when === 'upcoming').map((w) => w.change)).toEqual(['CHG-0015', 'CHG-0017', 'CHG-0016', 'CHG-0018', 'CHG-0007'])
    expect(windows.find((w) => w.change === 'CHG-0007')).toEqual({
      change: 'CHG-0007',
      title: 'Upgrade postgres-main to PostgreSQL 16.4',
      type: 'normal',
      status: 'approved',
      risk: 'high',
      services: ['postgres-main', 'payments-api', 'checkout-api', 'auth'],
      start: '2026-12-13T02:00:00+01:00',
      end: '2026-12-13T05:00:00+01:00',
      expected_downtime: true,
      when: 'upcoming',
      in_freeze: [],
      outside_maintenance: [],
      collides_with: [],
    })
    expect(windows.filter((w) => w.outside_maintenance.length > 0).map((w) => [w.change, w.outside_maintenance])).toEqual([
      ['CHG-0004', ['payments-api']],
      ['CHG-0011', ['auth']],
    ])
    expect(windows.every((w) => w.in_freeze.length === 0 && w.collides_with.length === 0)).toBe(true)
    // Fridays Sep 4 .. Dec 25: 17 evenings, and the year-end freeze from Dec 18.
    expect(freezes).toHaveLength(18)
    expect(freezes.filter((f) => !f.weekly)).toEqual([
      { name: 'Year-end freeze', start: '2026-12-18T00:00:00+01:00', end: '2027-01-04T00:00:00+01:00', allow: ['emergency'], scope: { tiers: [], services: [] }, weekly: false },
    ])
    const friday = freezes.filter((f) => f.weekly).map((f) => f.start)
    expect(friday.slice(7, 9)).toEqual(['2026-10-23T16:00:00+02:00', '2026-10-30T16:00:00+01:00'])
    expect(freezes.slice(15, 17).map((f) => f.name)).toEqual(['Year-end freeze', 'No Friday evening changes to tier-1'])
  })
})
