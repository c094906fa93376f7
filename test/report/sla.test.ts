import { describe, expect, it } from 'vitest'
import type { Calendar } from '../../src/model/config.js'
import { periodAt, periodsBetween } from '../../src/report/periods.js'
import { availability, evaluateSlas, incidentClocks } from '../../src/report/sla.js'

const ms = (iso: string): number => Date.parse(iso)
const calendars: Record<string, Calendar> = {
  'business-hours': {
    timezone: 'Europe/Berlin',
    hours: { mon: '08:00-18:00', tue: '08:00-18:00', wed: '08:00-18:00', thu: '08:00-18:00', fri: '08:00-17:00' },
    holidays: ['2026-12-24', '2026-12-25', '2026-12-26'],
  },
}
const sla = {
  kind: 'SLA',
  id: 'payments-gold',
  services: ['payments-api'],
  calendar: 'business-hours',
  period: 'month',
  targets: {
    availability: 99.9,
    response: { P1: '15m', P2: '1h' },
    resolution: { P1: '4h', P2: '1d' },
    clock: { P1: '24x7' },
  },
}
const incident = (fields: Record<string, unknown>): Record<string, unknown> => ({ kind: 'Incident', id: 'INC-0001', services: ['payments-api'], ...fields })
const far = ms('2027-06-01T00:00:00Z')

describe('incidentClocks', () => {
  it('stops the resolution clock while pending, not the response clock', () => {
    const clocks = incidentClocks(
      incident({
        priority: 'P2',
        opened_at: '2026-11-16T09:00:00+01:00',
        acknowledged_at: '2026-11-16T09:30:00+01:00',
        resolved_at: '2026-11-16T14:00:00+01:00',
        timeline: [
          { at: '2026-11-16T09:00:00+01:00', status: 'open' },
          { at: '2026-11-16T09:30:00+01:00', status: 'acknowledged' },
          { at: '2026-11-16T10:00:00+01:00', status: 'pending' },
          { at: '2026-11-16T12:00:00+01:00', status: 'acknowledged' },
          { at: '2026-11-16T14:00:00+01:00', status: 'resolved' },
        ],
      }),
      sla,
      calendars,
      far,
    )
    expect(clocks?.response).toEqual({ incident: 'INC-0001', priority: 'P2', target_minutes: 60, actual_minutes: 30, breached: false })
    expect(clocks?.resolution).toEqual({ incident: 'INC-0001', priority: 'P2', target_minutes: 1440, actual_minutes: 180, breached: false })
  })

  it('counts only business hours: a P2 opened Friday 16:00 and resolved Monday 10:00', () => {
    const clocks = incidentClocks(
      incident({ priority: 'P2', opened_at: '2026-11-20T16:00:00+01:00', acknowledged_at: '2026-11-23T08:30:00+01:00', resolved_at: '2026-11-23T10:00:00+01:00' }),
      sla,
      calendars,
      far,
    )
    expect(clocks?.response.actual_minutes).toBe(90)
    expect(clocks?.response.breached).toBe(true)
    expect(clocks?.resolution.actual_minutes).toBe(180)
  })

  it('re-targets on P2 -> P1 and keeps the time elapsed, each stretch on its own clock', () => {
    // Opened Friday 16:00 as P2 (business hours: 60 min until 17:00); raised to P1 (24x7) at 17:30;
    // acknowledged 17:40 (+10 min); resolved 19:30 (+120 min after the change).
    const clocks = incidentClocks(
      incident({
        priority: 'P1',
        opened_at: '2026-11-20T16:00:00+01:00',
        acknowledged_at: '2026-11-20T17:40:00+01:00',
        resolved_at: '2026-11-20T19:30:00+01:00',
        timeline: [
          { at: '2026-11-20T16:00:00+01:00', status: 'open', priority: 'P2' },
          { at: '2026-11-20T17:30:00+01:00', priority: 'P1' },
          { at: '2026-11-20T17:40:00+01:00', status: 'acknowledged' },
          { at: '2026-11-20T19:30:00+01:00', status: 'resolved' },
        ],
      }),
      sla,
      calendars,
      far,
    )
    expect(clocks?.response).toMatchObject({ priority: 'P1', target_minutes: 15, actual_minutes: 70, breached: true })
    expect(clocks?.resolution).toMatchObject({ priority: 'P1', target_minutes: 240, actual_minutes: 180, breached: false })
  })

  it('uses the top-level priority until the first timeline change (P1 -> P2 de-escalation)', () => {
    const clocks = incidentClocks(
      incident({
        priority: 'P1',
        opened_at: '2026-11-21T10:00:00Z',
        resolved_at: '2026-11-23T08:00:00Z',
        acknowledged_at: '2026-11-21T10:05:00Z',
        timeline: [{ at: '2026-11-21T11:00:00Z', priority: 'P2' }],
      }),
      sla,
      calendars,
      far,
    )
    // Saturday 10:00-11:00 on 24x7 (60 min), then P2 on business hours: Monday 08:00-09:00 local (60 min).
    expect(clocks?.resolution).toMatchObject({ priority: 'P2', target_minutes: 1440, actual_minutes: 120, breached: false })
    expect(clocks?.response).toMatchObject({ priority: 'P1', actual_minutes: 5, breached: false })
  })

  it('runs a P1 on the 24x7 override over a weekend', () => {
    const clocks = incidentClocks(incident({ priority: 'P1', opened_at: '2026-11-21T10:00:00Z', acknowledged_at: '2026-11-21T10:20:00Z' }), sla, calendars, far)
    expect(clocks?.response).toMatchObject({ actual_minutes: 20, target_minutes: 15, breached: true })
  })

  it('measures an open incident until now, breached only once over', () => {
    const open = incident({ priority: 'P1', opened_at: '2026-11-21T10:00:00Z' })
    expect(incidentClocks(open, sla, calendars, ms('2026-11-21T10:10:00Z'))?.response).toMatchObject({ actual_minutes: 10, breached: false })
    expect(incidentClocks(open, sla, calendars, ms('2026-11-21T10:16:00Z'))?.response).toMatchObject({ actual_minutes: 16, breached: true })
    expect(incidentClocks(open, sla, calendars, ms('2026-11-21T09:00:00Z'))?.resolution.actual_minutes).toBe(0)
  })

  it('keeps a pending incident paused until now', () => {
    const paused = incident({
      priority: 'P1',
      opened_at: '2026-11-21T10:00:00Z',
      acknowledged_at: '2026-11-21T10:01:00Z',
      timeline: [{ at: '2026-11-21T10:30:00Z', status: 'pending' }],
    })
    expect(incidentClocks(paused, sla, calendars, ms('2026-11-21T18:00:00Z'))?.resolution.actual_minutes).toBe(30)
  })

  it('has no target for a priority the SLA does not name, and fails on an unknown calendar', () => {
    const p4 = incident({ priority: 'P4', opened_at: '2026-11-16T09:00:00Z', acknowledged_at: '2026-11-16T09:01:00Z' })
    expect(incidentClocks(p4, sla, calendars, far)?.response).toMatchObject({ target_minutes: null, breached: false })
    expect(() => incidentClocks(p4, { ...sla, calendar: 'nope' }, calendars, far)).toThrow(/nope/)
    expect(incidentClocks(incident({ priority: 'P1' }), sla, calendars, far)).toBeUndefined()
  })
})

describe('periods', () => {
  it('cuts months, ISO weeks and quarters in the repository time zone', () => {
    const months = periodsBetween(ms('2026-03-15T00:00:00Z'), ms('2026-11-01T00:00:00+01:00'), 'month', 'Europe/Berlin')
    expect(months.map((p) => p.key)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    expect((months[0]!.end - months[0]!.start) / 60_000).toBe(31 * 1440 - 60)
    expect((months[7]!.end - months[7]!.start) / 60_000).toBe(31 * 1440 + 60)
    expect(months[7]!.end).toBe(ms('2026-11-01T00:00:00+01:00'))
    expect(periodAt(ms('2026-11-04T12:00:00Z'), 'week', 'Europe/Berlin')).toEqual({ key: '2026-W45', start: ms('2026-11-02T00:00:00+01:00'), end: ms('2026-11-09T00:00:00+01:00') })
    expect(periodAt(ms('2027-01-01T12:00:00Z'), 'week', 'UTC').key).toBe('2026-W53')
    expect(periodAt(ms('2026-11-04T12:00:00Z'), 'quarter', 'America/New_York')).toEqual({ key: '2026-Q4', start: ms('2026-10-01T00:00:00-04:00'), end: ms('2027-01-01T00:00:00-05:00') })
    // 23:30Z on 31 October is already November in Berlin.
    expect(periodAt(ms('2026-10-31T23:30:00Z'), 'month', 'Europe/Berlin').key).toBe('2026-11')
  })
})

describe('availability', () => {
  const november = periodAt(ms('2026-11-10T00:00:00Z'), 'month', 'Europe/Berlin')
  const change = (fields: Record<string, unknown>): Record<string, unknown> => ({
    kind: 'Change',
    status: 'approved',
    services: ['payments-api'],
    window: { start: '2026-11-10T11:15:00Z', end: '2026-11-10T12:00:00Z', expected_downtime: true },
    ...fields,
  })
  const overlapping = [
    incident({ downtime: [{ start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }] }),
    incident({ id: 'INC-0002', downtime: [{ start: '2026-11-10T10:30:00Z', end: '2026-11-10T11:30:00Z' }, { start: '2026-11-11T10:00:00Z', end: '2026-11-11T12:00:00Z', service: 'auth' }] }),
  ]

  it('measures a period not over at now from its start to now, and one not begun at all as no data', () => {
    // Now is 10 November 12:00 UTC; November began at 31 October 23:00 UTC (midnight in Berlin): 9 days 13 hours
    // (13,740 minutes) have passed, and the downtime of the 11th has not happened yet.
    const now = Date.parse('2026-11-10T12:00:00Z')
    expect(availability(sla, 'payments-api', november, { incidents: overlapping, changes: [] }, now)).toEqual({
      target: 99.9,
      actual: 100 * (1 - 90 / 13_740),
      downtime_minutes: 90,
      planned_downtime_minutes: 0,
      to_date: true,
    })
    expect(availability(sla, 'payments-api', november, { incidents: overlapping, changes: [] }, Date.parse('2026-10-30T00:00:00Z'))).toEqual({
      target: 99.9,
      actual: null,
      downtime_minutes: 0,
      planned_downtime_minutes: 0,
      to_date: true,
    })
  })

  it('merges overlapping downtime and leaves out planned windows', () => {
    expect(availability(sla, 'payments-api', november, { incidents: overlapping, changes: [] })).toEqual({
      target: 99.9,
      actual: 100 * (1 - 90 / 43_200),
      downtime_minutes: 90,
      planned_downtime_minutes: 0,
      to_date: false,
    })
    const result = availability(sla, 'payments-api', november, { incidents: overlapping, changes: [change({})] })
    expect(result).toEqual({ target: 99.9, actual: 100 * (1 - 75 / (43_200 - 45)), downtime_minutes: 75, planned_downtime_minutes: 45, to_date: false })
  })

  it('does not count downtime inside a planned window', () => {
    const inside = [incident({ downtime: [{ start: '2026-11-10T11:20:00Z', end: '2026-11-10T11:50:00Z' }] })]
    expect(availability(sla, 'payments-api', november, { incidents: inside, changes: [change({ status: 'closed' })] })).toMatchObject({ actual: 100, downtime_minutes: 0, planned_downtime_minutes: 45 })
  })

  it('plans only approved-or-later changes with expected downtime on the service', () => {
    const ignored = [
      change({ status: 'submitted' }),
      change({ status: 'cancelled' }),
      change({ services: ['auth'] }),
      change({ window: { start: '2026-11-10T11:15:00Z', end: '2026-11-10T12:00:00Z', expected_downtime: false } }),
    ]
    expect(availability(sla, 'payments-api', november, { incidents: [], changes: ignored })).toMatchObject({ actual: 100, planned_downtime_minutes: 0 })
    expect(availability(sla, 'auth', november, { incidents: overlapping, changes: [] })).toMatchObject({ downtime_minutes: 120 })
  })

  it('splits downtime across a month boundary in the repository time zone', () => {
    const crossing = [incident({ downtime: [{ start: '2026-10-31T22:00:00Z', end: '2026-11-01T01:00:00Z' }] })]
    const october = periodAt(ms('2026-10-10T00:00:00Z'), 'month', 'Europe/Berlin')
    expect(availability(sla, 'payments-api', october, { incidents: crossing, changes: [] }).downtime_minutes).toBe(60)
    expect(availability(sla, 'payments-api', november, { incidents: crossing, changes: [] }).downtime_minutes).toBe(120)
  })

  it('has no actual when planned downtime fills the period', () => {
    const all = change({ window: { start: '2026-10-01T00:00:00Z', end: '2026-12-31T00:00:00Z', expected_downtime: true } })
    expect(availability(sla, 'payments-api', november, { incidents: [], changes: [all] })).toMatchObject({ actual: null, planned_downtime_minutes: 43_200 })
  })
})

describe('evaluateSlas', () => {
  it('lists one entry per SLA, service and period, clocks in the period the incident opened', () => {
    const entries = evaluateSlas({
      slas: [sla, { ...sla, id: 'no-availability', targets: { response: { P1: '15m' } } }],
      incidents: [incident({ priority: 'P1', opened_at: '2026-11-21T10:00:00Z', acknowledged_at: '2026-11-21T10:20:00Z', downtime: [{ start: '2026-11-21T10:00:00Z', end: '2026-11-21T10:30:00Z' }] })],
      changes: [],
      calendars,
      timezone: 'Europe/Berlin',
      from: ms('2026-10-01T00:00:00+02:00'),
      to: ms('2026-12-01T00:00:00+01:00'),
      now: far,
    })
    expect(entries.map((e) => [e.sla, e.service, e.period, e.response.length])).toEqual([
      ['payments-gold', 'payments-api', '2026-10', 0],
      ['payments-gold', 'payments-api', '2026-11', 1],
      ['no-availability', 'payments-api', '2026-10', 0],
      ['no-availability', 'payments-api', '2026-11', 1],
    ])
    expect(entries[1]!.availability).toMatchObject({ downtime_minutes: 30 })
    expect(entries[1]!.resolution[0]).toMatchObject({ target_minutes: 240, breached: true })
    expect(entries[3]!.availability).toBeNull()
  })
})
