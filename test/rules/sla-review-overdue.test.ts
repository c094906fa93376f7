import { slaReviewOverdue } from '../../src/rules/sla-review-overdue.js'
import { ruleTester } from './harness.js'

const sla = (reviewBy: string): string => `kind: SLA\nid: gold\ntitle: Gold\nservices: [a]\nreview_by: ${reviewBy}\n`

ruleTester(slaReviewOverdue, {
  valid: [
    { name: 'without now the rule is off', files: { 'slas/gold.yaml': sla('2020-01-01') } },
    { name: 'due today', files: { 'slas/gold.yaml': sla('2026-11-02') }, now: '2026-11-02T23:00:00Z' },
    { name: 'due later', files: { 'slas/gold.yaml': sla('2027-06-30') }, now: '2026-11-02T09:00:00Z' },
    {
      name: 'still the review day in the repository time zone',
      files: { 'slas/gold.yaml': sla('2026-11-02') },
      now: '2026-11-03T04:00:00Z',
      config: { timezone: 'America/New_York' },
    },
    { name: 'a malformed date is the schema\'s', files: { 'slas/gold.yaml': sla('2026-02-30') }, now: '2026-11-02T09:00:00Z' },
  ],
  invalid: [
    { name: 'past its review date', files: { 'slas/gold.yaml': sla('2026-11-01') }, now: '2026-11-02T00:00:00Z', errors: [{ file: 'slas/gold.yaml', line: 5, column: 12 }] },
    {
      name: 'already the next day in the repository time zone',
      files: { 'slas/gold.yaml': sla('2026-11-02') },
      now: '2026-11-02T23:30:00Z',
      config: { timezone: 'Europe/Berlin' },
      errors: [{ file: 'slas/gold.yaml', line: 5, column: 12 }],
    },
  ],
})
