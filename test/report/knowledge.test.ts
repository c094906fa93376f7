import { describe, expect, it } from 'vitest'
import { summarizeKnowledge } from '../../src/report/knowledge.js'
import { config, loadAcme, record } from './report-records.js'

describe('summarizeKnowledge over examples/acme', () => {
  it('computes the figures worked out by hand', async () => {
    const acme = await loadAcme()
    // Now 2026-11-21: the earliest review_by is KB-0006's, 2027-01-10, beyond the 30-day horizon (2026-12-21).
    const now = summarizeKnowledge(acme.records, acme.config, Date.parse('2026-11-21T12:00:00+01:00'))
    expect(now).toMatchObject({ stale: [], expiring: [], ownerless: [] })
    // Every article has an owner and services: platform KB-0002 0003 0005 0006 0007, payments KB-0001 0008 0010,
    // data KB-0004, identity KB-0009.
    expect(Object.fromEntries(Object.entries(now.by_owner).map(([o, t]) => [o, t.articles]))).toEqual({ '@acme/data': 1, '@acme/identity': 1, '@acme/payments': 3, '@acme/platform': 5 })
    // Now 2027-01-30: KB-0006 (review_by 2027-01-10) is stale; KB-0005 (2027-02-23) falls before the horizon
    // 2027-03-01; KB-0003 (2027-03-20) and KB-0004 (2027-03-23) do not.
    const later = summarizeKnowledge(acme.records, acme.config, Date.parse('2027-01-30T12:00:00+01:00'))
    expect(later).toMatchObject({ stale: ['KB-0006'], expiring: ['KB-0005'], ownerless: [] })
    expect(later.by_owner['@acme/platform']).toEqual({ articles: 5, stale: 1, expiring: 1 })
  })
})

const article = (id: string, ...lines: string[]) =>
  record(`kb/${id}.md`, '---', 'kind: Article', `id: ${id}`, 'title: T', 'type: faq', ...lines, '---', '', '# T')

describe('summarizeKnowledge cases', () => {
  const now = Date.parse('2026-11-02T09:00:00Z')

  it('no articles', () => {
    expect(summarizeKnowledge([], config(), now)).toEqual({ stale: [], expiring: [], ownerless: [], by_owner: {} })
  })

  it('stale, expiring, the boundaries, the interval and retired articles', () => {
    const records = [
      article('KB-0001', 'owner: "@a"', 'services: [x]', 'review_by: 2026-11-01'), // yesterday: stale
      article('KB-0002', 'owner: "@a"', 'services: [x]', 'review_by: 2026-11-02'), // today: expiring
      article('KB-0003', 'owner: "@a"', 'services: [x]', 'review_by: 2026-12-02'), // today + 30 d: expiring
      article('KB-0004', 'owner: "@a"', 'services: [x]', 'review_by: 2026-12-03'), // beyond
      article('KB-0005', 'owner: "@b"', 'services: [x]', 'reviewed_at: 2026-05-01'), // + 180 d = 2026-10-28: stale
      article('KB-0006', 'status: retired', 'owner: "@b"', 'services: [x]', 'review_by: 2020-01-01'), // exempt
      article('KB-0007', 'services: [x]', 'review_by: 2027-06-01'), // no owner
      article('KB-0008', 'owner: "@c"', 'services: []', 'review_by: 2027-06-01'), // no services
    ]
    const s = summarizeKnowledge(records, config(), now)
    expect(s.stale).toEqual(['KB-0001', 'KB-0005'])
    expect(s.expiring).toEqual(['KB-0002', 'KB-0003'])
    expect(s.ownerless).toEqual(['KB-0007', 'KB-0008'])
    expect(s.by_owner).toEqual({
      '@a': { articles: 4, stale: 1, expiring: 2 },
      '@b': { articles: 1, stale: 1, expiring: 0 },
      '@c': { articles: 1, stale: 0, expiring: 0 },
      none: { articles: 1, stale: 0, expiring: 0 },
    })
  })

  it('the day is taken in the repository time zone', () => {
    // 2026-11-02T12:00Z is already 3 November in Kiritimati (UTC+14), so a review due on the 2nd is stale there.
    const records = [article('KB-0001', 'owner: "@a"', 'services: [x]', 'review_by: 2026-11-02')]
    const at = Date.parse('2026-11-02T12:00:00Z')
    expect(summarizeKnowledge(records, config(undefined, 'UTC'), at).stale).toEqual([])
    expect(summarizeKnowledge(records, config(undefined, 'Pacific/Kiritimati'), at).stale).toEqual(['KB-0001'])
  })
})
