import { kbReviewOverdue } from '../../src/rules/kb-review-overdue.js'
import { ruleTester } from './harness.js'

const article = (...lines: string[]): string => `---\nkind: Article\nid: KB-0001\ntitle: T\n${lines.join('\n')}\n---\n\n# T\n`
const now = '2026-11-02T09:00:00Z'

ruleTester(kbReviewOverdue, {
  valid: [
    { name: 'without now the rule is off', files: { 'kb/KB-0001.md': article('review_by: 2020-01-01') } },
    { name: 'review_by not yet passed', files: { 'kb/KB-0001.md': article('reviewed_at: 2020-01-01', 'review_by: 2026-11-02') }, now },
    { name: 'within the default interval of 180d', files: { 'kb/KB-0001.md': article('reviewed_at: 2026-05-06') }, now },
    { name: 'retired articles are exempt', files: { 'kb/KB-0001.md': article('status: retired', 'review_by: 2020-01-01') }, now },
    {
      name: 'a malformed review_by is the schema\'s, and does not fall back to the interval',
      files: { 'kb/KB-0001.md': article('reviewed_at: 2020-01-01', 'review_by: soon') },
      now,
    },
    { name: 'never reviewed and no review_by', files: { 'kb/KB-0001.md': article('status: draft') }, now },
    {
      name: 'a configured interval',
      files: { 'kb/KB-0001.md': article('reviewed_at: 2025-11-03') },
      config: { knowledge: { review_interval: '52w' } },
      now,
    },
  ],
  invalid: [
    {
      name: 'review_by passed',
      files: { 'kb/KB-0001.md': article('status: published', 'review_by: 2026-11-01') },
      now,
      errors: [{ file: 'kb/KB-0001.md', line: 6, column: 12 }],
    },
    {
      name: 'reviewed_at plus the default interval passed',
      files: { 'kb/KB-0001.md': article('reviewed_at: 2026-05-05') },
      now,
      errors: [{ file: 'kb/KB-0001.md', line: 5, column: 14 }],
    },
    {
      name: 'reviewed_at plus a configured interval passed',
      files: { 'kb/KB-0001.md': article('reviewed_at: 2026-10-01') },
      config: { knowledge: { review_interval: '4w' } },
      now,
      errors: [{ file: 'kb/KB-0001.md', line: 5, column: 14 }],
    },
  ],
})
