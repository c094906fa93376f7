import { kbReviewDue } from '../../src/rules/kb-review-due.js'
import { ruleTester } from './harness.js'

const article = (...lines: string[]): string => `---\nkind: Article\nid: KB-0001\ntitle: T\n${lines.join('\n')}\n---\n\n# T\n`
const now = '2026-11-02T09:00:00Z'
const file = 'kb/KB-0001.md'

ruleTester(kbReviewDue, {
  valid: [
    { name: 'without now the rule is off', files: { [file]: article('review_by: 2026-11-10') } },
    { name: 'more than 30 days ahead', files: { [file]: article('review_by: 2026-12-03') }, now },
    { name: 'already past is kb/review-overdue\'s', files: { [file]: article('review_by: 2026-11-01') }, now },
    { name: 'retired articles are exempt', files: { [file]: article('status: retired', 'review_by: 2026-11-10') }, now },
    { name: 'a malformed review_by does not fall back to the interval', files: { [file]: article('reviewed_at: 2026-05-10', 'review_by: soon') }, now },
    { name: 'the interval from reviewed_at, not yet close', files: { [file]: article('reviewed_at: 2026-06-06') }, now },
    { name: 'a shorter warning time', files: { [file]: article('review_by: 2026-11-20') }, config: { knowledge: { expiring_within: '2w' } }, now },
    {
      name: 'the day is taken in the repository\'s time zone (already 3 November there, so overdue)',
      files: { [file]: article('review_by: 2026-11-02') },
      config: { timezone: 'Pacific/Kiritimati' },
      now: '2026-11-02T12:00:00Z',
    },
  ],
  invalid: [
    { name: 'due today', files: { [file]: article('review_by: 2026-11-02') }, now, errors: [{ file, line: 5, column: 12 }] },
    { name: 'due within 30 days', files: { [file]: article('status: published', 'review_by: 2026-12-02') }, now, errors: [{ file, line: 6, column: 12 }] },
    { name: 'reviewed_at plus the interval', files: { [file]: article('reviewed_at: 2026-06-05') }, now, errors: [{ file, line: 5, column: 14 }] },
    {
      name: 'a longer warning time',
      files: { [file]: article('review_by: 2026-12-20') },
      config: { knowledge: { expiring_within: '8w' } },
      now,
      errors: [{ file, line: 5, column: 12 }],
    },
  ],
})
