import { describe, expect, it } from 'vitest'
import { summarizeIncidents } from '../../src/report/incidents.js'
import { config, loadAcme, period, record } from './report-records.js'

describe('summarizeIncidents over examples/acme', () => {
  it('computes the figures worked out by hand', async () => {
    const acme = await loadAcme()
    const s = summarizeIncidents(acme.records, acme.config, period('2026-09-01T00:00:00+02:00', '2027-01-01T00:00:00+01:00', '2026-11-21T12:00:00+01:00'))
    expect(s.by_month).toEqual([
      // INC-0001 09:12 -> ack 09:31 (19 min) -> resolved 13:05 (233 min), satisfaction 4;
      // INC-0002 11:52 -> 11:58 (6) -> 13:24 (92), satisfaction 3.
      { month: '2026-09', opened: 2, resolved: 2, mtta_minutes: 12.5, median_tta_minutes: 12.5, mttr_minutes: 162.5, median_ttr_minutes: 162.5, satisfaction: 3.5 },
      // INC-0003 21:47 -> 21:50 (3) -> 23:20 (93), satisfaction 2; INC-0004 10:05 -> 10:40 (35) -> 12:15 (130), 3.
      { month: '2026-10', opened: 2, resolved: 2, mtta_minutes: 19, median_tta_minutes: 19, mttr_minutes: 111.5, median_ttr_minutes: 111.5, satisfaction: 2.5 },
      // INC-0005 13:02Z -> 13:06Z (4) -> 16:10Z (188), satisfaction 2; INC-0006 19:12 -> 19:15 (3) -> 19:58 (46);
      // INC-0007 10:20 -> 11:05 (45), pending; INC-0008 opened Nov 20 22:14, not acknowledged.
      // MTTA (4 + 3 + 45) / 3, median 4; MTTR (188 + 46) / 2 = 117.
      { month: '2026-11', opened: 4, resolved: 2, mtta_minutes: 52 / 3, median_tta_minutes: 4, mttr_minutes: 117, median_ttr_minutes: 117, satisfaction: 2 },
      { month: '2026-12', opened: 0, resolved: 0, mtta_minutes: null, median_tta_minutes: null, mttr_minutes: null, median_ttr_minutes: null, satisfaction: null },
    ])
    // P1: INC-0003; P2: 0002 0005 0006; P3: 0001 0004 0008; P4: 0007.
    expect(s.by_priority).toEqual({ P1: 1, P2: 3, P3: 3, P4: 1 })
    expect(s.by_service).toEqual({ auth: 1, 'checkout-api': 3, 'data-warehouse': 1, notifications: 2, 'payments-api': 3, search: 1, 'storefront-web': 1 })
    // The P1/P2 incidents 0002, 0003, 0005, 0006 all have the five postmortem sections.
    expect(s.overdue_postmortems).toEqual([])
    // Not done: INC-0002 PgBouncer (due 2026-12-11), INC-0003 dual-write (2027-01-29), INC-0005 two (2027-01-29,
    // 2027-02-26), INC-0006 CHG-0016 (2026-12-11): none due before 2026-11-21.
    expect(s.open_actions.map((a) => [a.incident, a.due, a.overdue])).toEqual([
      ['INC-0002', '2026-12-11', false],
      ['INC-0003', '2027-01-29', false],
      ['INC-0005', '2027-01-29', false],
      ['INC-0005', '2027-02-26', false],
      ['INC-0006', '2026-12-11', false],
    ])
    // PRB-0001 is open without a fix; PRB-0002 (known error) has CHG-0016; PRB-0003 is resolved.
    expect(s.unfixed_problems).toEqual(['PRB-0001'])
  })
})

const incident = (id: string, ...lines: string[]) => record(`incidents/${id}.yaml`, 'kind: Incident', `id: ${id}`, ...lines)

describe('summarizeIncidents cases', () => {
  const p = period('2026-10-01T00:00:00+02:00', '2026-12-01T00:00:00+01:00', '2026-11-30T12:00:00Z')

  it('no incidents: every month listed, figures null', () => {
    const s = summarizeIncidents([], config(), p)
    expect(s.by_month.map((m) => [m.month, m.opened, m.mtta_minutes, m.mttr_minutes, m.satisfaction])).toEqual([
      ['2026-10', 0, null, null, null],
      ['2026-11', 0, null, null, null],
    ])
    expect(s.by_priority).toEqual({})
  })

  it('months in the repository time zone; resolved counts in the month of resolution', () => {
    // 2026-10-31T23:30Z is 00:30 on 1 November in Berlin; it is resolved on 1 December, after the period.
    const records = [
      incident('INC-0001', 'priority: P3', 'opened_at: 2026-09-30T22:30:00Z', 'acknowledged_at: 2026-09-30T22:40:00Z', 'resolved_at: 2026-10-01T00:30:00Z'),
      incident('INC-0002', 'priority: P3', 'opened_at: 2026-10-31T23:30:00Z', 'resolved_at: 2026-12-01T00:30:00Z', 'satisfaction: 5'),
      incident('INC-0003', 'priority: P3', 'opened_at: 2026-09-29T10:00:00Z', 'resolved_at: 2026-10-02T10:00:00Z'),
    ]
    const s = summarizeIncidents(records, config(), p)
    // INC-0001 is opened at 00:30 on 1 October in Berlin (10 min to acknowledge, 120 to resolve).
    expect(s.by_month[0]).toMatchObject({ month: '2026-10', opened: 1, resolved: 2, mtta_minutes: 10, mttr_minutes: 120, satisfaction: null })
    // INC-0002 counts toward November's MTTR (its opening month) though resolved after the period: 30 d 1 h.
    expect(s.by_month[1]).toMatchObject({ month: '2026-11', opened: 1, resolved: 0, mtta_minutes: null, mttr_minutes: 30 * 24 * 60 + 60, satisfaction: 5 })
    expect(s.by_month.map((m) => m.month)).toEqual(['2026-10', '2026-11'])
    // With UTC as the repository time zone and a UTC period, INC-0001 opens in September (outside) and INC-0002
    // in October.
    const utc = period('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z', '2026-11-30T12:00:00Z')
    expect(summarizeIncidents(records, config(undefined, 'UTC'), utc).by_month[0]).toMatchObject({ month: '2026-10', opened: 1, resolved: 2 })
  })

  it('overdue postmortems, overdue actions and unfixed problems', () => {
    const records = [
      // A YAML P1 incident has no postmortem body; resolved Nov 1, due Nov 6 (5d): overdue on Nov 30.
      incident('INC-0001', 'priority: P1', 'status: resolved', 'opened_at: 2026-11-01T08:00:00Z', 'resolved_at: 2026-11-01T09:00:00Z',
        'actions:', '  - { title: A, owner: "@x", due: 2026-11-29, done: false }', '  - { title: B, due: 2026-11-30 }', '  - { title: C, due: 2026-11-01, done: true }'),
      // Resolved Nov 28: due Dec 3, not overdue yet. P3 incidents need none.
      incident('INC-0002', 'priority: P2', 'status: resolved', 'opened_at: 2026-11-28T08:00:00Z', 'resolved_at: 2026-11-28T09:00:00Z'),
      incident('INC-0003', 'priority: P3', 'status: closed', 'opened_at: 2026-10-01T08:00:00Z', 'resolved_at: 2026-10-01T09:00:00Z'),
      record('problems/PRB-0001.yaml', 'kind: Problem', 'id: PRB-0001', 'status: known_error'),
      record('problems/PRB-0002.yaml', 'kind: Problem', 'id: PRB-0002', 'status: known_error', 'fix: CHG-0001'),
      record('problems/PRB-0003.yaml', 'kind: Problem', 'id: PRB-0003', 'status: closed'),
      record('problems/PRB-0004.yaml', 'kind: Problem', 'id: PRB-0004', 'status: open'),
    ]
    const s = summarizeIncidents(records, config(), p)
    expect(s.overdue_postmortems).toEqual(['INC-0001'])
    // Today in Berlin is 2026-11-30: due the 29th is overdue, due today is not.
    expect(s.open_actions).toEqual([
      { incident: 'INC-0001', title: 'A', owner: '@x', due: '2026-11-29', overdue: true },
      { incident: 'INC-0001', title: 'B', due: '2026-11-30', overdue: false },
    ])
    expect(s.unfixed_problems).toEqual(['PRB-0001', 'PRB-0004'])
    expect(s.by_priority).toEqual({ P1: 1, P2: 1, P3: 1 })
  })
})
