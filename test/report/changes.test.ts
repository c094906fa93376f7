import { beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../src/model/config.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { summarizeChanges } from '../../src/report/changes.js'
import { chainServices, changeRecord, config, loadAcme, period, record } from './report-records.js'

// The example, 2026-09-01 to 2027-01-01 (Berlin), now 2026-11-21T12:00+01:00.
describe('summarizeChanges over examples/acme', () => {
  let acme: { records: ItsmRecord[]; config: Config }
  beforeAll(async () => {
    acme = await loadAcme()
  })
  const p = period('2026-09-01T00:00:00+02:00', '2027-01-01T00:00:00+01:00', '2026-11-21T12:00:00+01:00')

  it('computes the figures worked out by hand', () => {
    const s = summarizeChanges(acme.records, acme.config, p)
    // Windows starting in the period: CHG-0001..0004 and 0006..0018 = 17. CHG-0005 and CHG-0019 have no window
    // (cancelled, draft); CHG-0020 starts 2027-01-12, after the period.
    expect(s.total).toBe(17)
    // standard: 0001, 0010, 0013, 0015, 0018; emergency: 0004, 0011; normal: the other 10.
    expect(s.by_type).toEqual({ standard: 5, normal: 10, emergency: 2 })
    expect(s.emergency_share).toBeCloseTo(2 / 17)
    // Reviewed: 0001 0002 0003 0004 0008 0010 0011 successful, 0006 failed, 0009 rolled_back: 7 of 9.
    expect(s.success_rate).toBeCloseTo(7 / 9)
    // Implemented or later: closed 0001 0002 0003 0004 0008 0010 0011, failed 0006, rolled_back 0009,
    // implemented 0012 0013 = 11; INC-0003 names CHG-0006 in caused_by: 1 of 11.
    expect(s.change_failure_rate).toBeCloseTo(1 / 11)
    // Sorted by start, no two windows overlap: the closest are CHG-0006 (Oct 8 20:00-22:00) and CHG-0011
    // (22:30-23:05) on auth, and CHG-0013 (Nov 15 02:00-04:00, postgres-main) and CHG-0012 (Nov 16, kafka).
    expect(s.collisions).toEqual([])
    // Year-end freeze from Dec 18: no window in the period reaches it. Friday 16:00-24:00 tier-1 freeze: the only
    // Friday window is CHG-0014 (Fri Nov 20 18:00 to Nov 23), on data-warehouse, tier 3: out of scope.
    expect(s.in_freeze).toEqual([])
    // CHG-0004 (Thu 12:40-13:10) is outside payments-api's windows (Tue/Thu 20-23, Sun 02-06); CHG-0011
    // (Thu 22:30-23:05) ends after auth's Thursday window closes at 23:00. Every other change fits.
    expect(s.outside_maintenance).toEqual([
      { change: 'CHG-0004', services: ['payments-api'] },
      { change: 'CHG-0011', services: ['auth'] },
    ])
    // Both emergency changes have a review.
    expect(s.overdue_reviews).toEqual([])
    expect(s.unscheduled).toEqual(['CHG-0005', 'CHG-0019'])
  })
})

const services = chainServices
const change = changeRecord

const p = period('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', '2026-11-30T00:00:00Z')
const cases: { name: string; changes: ItsmRecord[]; policy?: Record<string, unknown>; expect: Record<string, unknown> }[] = [
  { name: 'no changes: rates are null', changes: [], expect: { total: 0, success_rate: null, change_failure_rate: null, emergency_share: null, collisions: [] } },
  {
    name: 'a window starting at `to` is outside the period; one starting at `from` inside',
    changes: [change('CHG-0001', { services: 'db', start: '2026-11-01T00:00:00Z', end: '2026-11-01T01:00:00Z' }), change('CHG-0002', { services: 'db', start: '2026-12-01T00:00:00Z', end: '2026-12-01T01:00:00Z' })],
    expect: { total: 1 },
  },
  {
    name: 'windows that touch do not collide (half-open)',
    changes: [change('CHG-0001', { services: 'db', start: '2026-11-02T10:00:00Z', end: '2026-11-02T11:00:00Z' }), change('CHG-0002', { services: 'db', start: '2026-11-02T11:00:00Z', end: '2026-11-02T12:00:00Z' })],
    expect: { collisions: [] },
  },
  {
    name: 'a change on a transitive dependency collides, listing both services',
    changes: [change('CHG-0009', { services: 'web', start: '2026-11-02T10:00:00Z', end: '2026-11-02T11:00:00Z' }), change('CHG-0003', { services: 'db, other', start: '2026-11-02T10:30:00Z', end: '2026-11-02T12:00:00Z' })],
    expect: { collisions: [{ changes: ['CHG-0003', 'CHG-0009'], services: ['db', 'web'] }] },
  },
  {
    name: 'unrelated services overlapping in time do not collide; cancelled changes never do',
    changes: [
      change('CHG-0001', { services: 'other', start: '2026-11-02T10:00:00Z', end: '2026-11-02T11:00:00Z' }),
      change('CHG-0002', { services: 'db', start: '2026-11-02T10:00:00Z', end: '2026-11-02T11:00:00Z' }),
      change('CHG-0003', { services: 'db', status: 'cancelled', start: '2026-11-02T10:00:00Z', end: '2026-11-02T11:00:00Z' }),
    ],
    expect: { collisions: [] },
  },
  {
    name: 'freeze: approved changes inside, unless allowed or only submitted or out of the scoped tiers',
    policy: { freeze: [{ name: 'F', start: '2026-11-10T00:00:00Z', end: '2026-11-11T00:00:00Z', allow: ['emergency'], tiers: [1] }] },
    changes: [
      change('CHG-0001', { services: 'db', start: '2026-11-10T10:00:00Z', end: '2026-11-10T11:00:00Z' }),
      change('CHG-0002', { services: 'db', type: 'emergency', start: '2026-11-10T12:00:00Z', end: '2026-11-10T13:00:00Z' }),
      change('CHG-0003', { services: 'db', status: 'submitted', start: '2026-11-10T14:00:00Z', end: '2026-11-10T15:00:00Z' }),
      change('CHG-0004', { services: 'other', start: '2026-11-10T16:00:00Z', end: '2026-11-10T17:00:00Z' }),
      change('CHG-0005', { services: 'db', status: 'closed', start: '2026-11-09T23:00:00Z', end: '2026-11-10T00:00:00Z' }),
    ],
    expect: { in_freeze: ['CHG-0001'] },
  },
  {
    name: 'success and failure rates; an overdue emergency review',
    policy: { emergency: { review_within: '72h' } },
    changes: [
      change('CHG-0001', { type: 'emergency', status: 'implemented', services: 'db', start: '2026-11-02T10:00:00Z', end: '2026-11-26T23:00:00Z' }),
      change('CHG-0002', { type: 'emergency', status: 'implemented', services: 'db', start: '2026-11-27T10:00:00Z', end: '2026-11-27T11:00:00Z' }),
      change('CHG-0003', { status: 'closed', services: 'other', start: '2026-11-05T10:00:00Z', end: '2026-11-05T11:00:00Z', extra: ['review: { outcome: successful }'] }),
      change('CHG-0004', { status: 'closed', services: 'other', start: '2026-11-06T10:00:00Z', end: '2026-11-06T11:00:00Z', extra: ['review: { outcome: rolled_back }'] }),
      record('incidents/INC-0001.yaml', 'kind: Incident', 'id: INC-0001', 'caused_by: CHG-0003'),
    ],
    // CHG-0001 ended Nov 26 23:00, review due Nov 29 23:00 < now (Nov 30); CHG-0002's is due Nov 30 11:00.
    expect: { success_rate: 0.5, change_failure_rate: 0.25, overdue_reviews: ['CHG-0001'], emergency_share: 0.5 },
  },
  {
    name: 'maintenance windows past midnight, default time zone: inside, and one minute over',
    changes: [
      change('CHG-0001', { services: 'mw', start: '2026-11-07T23:00:00+01:00', end: '2026-11-08T02:00:00+01:00' }),
      change('CHG-0002', { services: 'mw, db', start: '2026-11-14T23:00:00+01:00', end: '2026-11-15T02:01:00+01:00' }),
    ],
    expect: { outside_maintenance: [{ change: 'CHG-0002', services: ['mw'] }] },
  },
]

describe('summarizeChanges cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(summarizeChanges([...services, ...c.changes], config(c.policy), p)).toMatchObject(c.expect)
    })
  }
})
