import { describe, expect, it } from 'vitest'
import { buildReport, rangeInstants, resolveRange, type ReportData } from '../../src/report/build.js'
import { parseDate } from '../../src/time/timestamp.js'
import { loadAcme } from './report-records.js'

const now = Date.parse('2026-11-21T12:00:00+01:00')

async function acmeReport(): Promise<ReportData> {
  const { records, config } = await loadAcme()
  return buildReport({ records, config, range: { from: '2026-09-01', to: '2026-12-31' }, now, audit: [], source: { commit: null, shallow: false } })
}

const entry = (report: ReportData, sla: string, service: string, period: string) => report.slas.find((s) => s.sla === sla && s.service === service && s.period === period)!

describe('the report of examples/acme, Sep–Dec 2026, figures computed by hand from the records', () => {
  it('has the top level DESIGN.md names', async () => {
    const report = await acmeReport()
    expect(report).toMatchObject({ version: 1, from: '2026-09-01', to: '2026-12-31', timezone: 'Europe/Berlin', organization: 'acme', generated_at: '2026-11-21T11:00:00.000Z' })
    expect(Object.keys(report.changes)).toEqual(expect.arrayContaining(['total', 'by_type', 'success_rate', 'change_failure_rate', 'collisions', 'in_freeze']))
    expect(Object.keys(report.incidents.by_month[0]!)).toEqual(expect.arrayContaining(['month', 'opened', 'resolved', 'mtta_minutes', 'mttr_minutes', 'satisfaction']))
    expect(Object.keys(report.knowledge)).toEqual(expect.arrayContaining(['stale', 'expiring', 'ownerless']))
  })

  it('identity-ola / auth, October: INC-0003 took auth down 21:38–23:02 (84 min) of a month of 31 days and one hour (clocks go back on 25 October)', async () => {
    const october = entry(await acmeReport(), 'identity-ola', 'auth', '2026-10')
    expect(october.availability).toEqual({ target: 99.95, actual: 100 * (1 - 84 / 44_700), downtime_minutes: 84, planned_downtime_minutes: 0, to_date: false })
    // P1 runs on 24x7 (the SLA's clock override): opened 21:47, acknowledged 21:50, resolved 23:20.
    expect(october.response).toEqual([{ incident: 'INC-0003', priority: 'P1', target_minutes: 10, actual_minutes: 3, breached: false }])
    expect(october.resolution).toEqual([{ incident: 'INC-0003', priority: 'P1', target_minutes: 120, actual_minutes: 93, breached: false }])
  })

  it('storefront-gold: downtime counts only on the service it names; September has 43,200 minutes', async () => {
    const report = await acmeReport()
    expect(entry(report, 'storefront-gold', 'storefront-web', '2026-10').availability).toMatchObject({ actual: 100, downtime_minutes: 0 })
    expect(entry(report, 'storefront-gold', 'payments-api', '2026-09').availability).toEqual({ target: 99.9, actual: 100 * (1 - 13 / 43_200), downtime_minutes: 13, planned_downtime_minutes: 0, to_date: false })
  })

  it('November is measured to now (20.5 days, 29,520 minutes); December has no data yet', async () => {
    const report = await acmeReport()
    // INC-0005 took payments-api down for 6 minutes on 5 November.
    expect(entry(report, 'storefront-gold', 'payments-api', '2026-11').availability).toEqual({ target: 99.9, actual: 100 * (1 - 6 / 29_520), downtime_minutes: 6, planned_downtime_minutes: 0, to_date: true })
    expect(entry(report, 'storefront-gold', 'payments-api', '2026-12').availability).toEqual({ target: 99.9, actual: null, downtime_minutes: 0, planned_downtime_minutes: 0, to_date: true })
  })

  it('INC-0005 (P2, business hours): the resolution clock stops while pending, 13:02–13:50 and 15:35–16:10 UTC', async () => {
    const november = entry(await acmeReport(), 'storefront-gold', 'payments-api', '2026-11')
    expect(november.resolution.find((c) => c.incident === 'INC-0005')).toEqual({ incident: 'INC-0005', priority: 'P2', target_minutes: 1440, actual_minutes: 48 + 35, breached: false })
    expect(november.response.find((c) => c.incident === 'INC-0005')).toMatchObject({ actual_minutes: 4 })
  })

  it('INC-0007, still pending at now: its clock stopped at 15:30 on the day it opened at 10:20', async () => {
    const q4 = entry(await acmeReport(), 'platform-ola', 'data-warehouse', '2026-Q4')
    expect(q4.resolution).toEqual([{ incident: 'INC-0007', priority: 'P4', target_minutes: expect.any(Number), actual_minutes: 310, breached: false }])
    expect(q4.response).toMatchObject([{ incident: 'INC-0007', actual_minutes: 45 }])
  })

  it('lists no breach, and changes per month by the month their window starts in', async () => {
    const report = await acmeReport()
    expect(report.sla_breaches).toEqual([])
    expect(report.changes.by_month.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12'])
    expect(report.changes.by_month.reduce((n, m) => n + m.total, 0)).toBe(17)
    expect(report.changes.lead_time).toEqual({ changes: 0, mean_minutes: null, median_minutes: null })
  })
})

describe('report ranges', () => {
  const d = (text: string) => parseDate(text)!
  it('defaults to the quarter holding now, in the repository time zone', () => {
    expect(resolveRange(undefined, undefined, now, 'Europe/Berlin')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    // 30 September 23:30 UTC is already 1 October in Berlin.
    expect(resolveRange(undefined, undefined, Date.parse('2026-09-30T23:30:00Z'), 'Europe/Berlin')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(resolveRange(undefined, undefined, Date.parse('2026-09-30T23:30:00Z'), 'UTC')).toEqual({ from: '2026-07-01', to: '2026-09-30' })
  })
  it('completes a missing end from the quarter of the other one', () => {
    expect(resolveRange(d('2026-11-15'), undefined, now, 'UTC')).toEqual({ from: '2026-11-15', to: '2026-12-31' })
    expect(resolveRange(undefined, d('2027-02-10'), now, 'UTC')).toEqual({ from: '2027-01-01', to: '2027-02-10' })
    expect(() => resolveRange(d('2026-12-01'), d('2026-11-30'), now, 'UTC')).toThrow(RangeError)
  })
  it('turns local days, both included, into instants', () => {
    expect(rangeInstants({ from: '2026-10-01', to: '2026-10-31' }, 'Europe/Berlin')).toEqual({ from: Date.parse('2026-09-30T22:00:00Z'), to: Date.parse('2026-10-31T23:00:00Z') })
  })
})
