import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'kb/KB-0042-recover-pool.md'
// Line 1 is the front matter fence; the fields are on lines 2..6.
const head = ['---', 'kind: Article', 'id: KB-0042', 'title: Recover from connection pool exhaustion', 'type: known_error', 'status: published']
const body = ['---', '', '# Recover from connection pool exhaustion', '', '## Symptoms', 'Timeouts.']

const valid: ValidCase[] = [
  { name: 'the minimal article', text: lines(...head, ...body) },
  {
    name: 'the example of the format',
    text: lines(...head, 'owner: "@acme/payments"', 'services: [payments-api]', 'reviewed_at: 2026-10-01', 'review_by: 2027-04-01', 'tags: [postgres]', 'description: What to do when the pool runs dry.', ...body),
  },
  ...['troubleshooting', 'runbook', 'how_to', 'faq', 'reference'].map((type) => ({ name: `type ${type}`, text: lines(...head.slice(0, 4), `type: ${type}`, 'status: draft', ...body) })),
]

const invalid: InvalidCase[] = [
  { name: 'missing type', text: lines(...head.slice(0, 4), 'status: published', ...body), errors: [['schema/required', 2, 1]] },
  { name: 'type not in the enum', text: lines(...head.slice(0, 4), 'type: howto', 'status: published', ...body), errors: [['schema/enum', 5, 'howto']] },
  { name: 'status not in the enum', text: lines(...head.slice(0, 5), 'status: archived', ...body), errors: [['schema/enum', 6, 'archived']] },
  { name: 'id without the KB prefix', text: lines('---', 'kind: Article', 'id: ART-0042', ...head.slice(3), ...body), errors: [['schema/pattern', 3, 'ART']] },
  { name: 'review_by not a real date', text: lines(...head, 'review_by: 2027-13-01', ...body), errors: [['schema/format', 7, '2027']] },
  { name: 'reviewed_at with slashes', text: lines(...head, 'reviewed_at: 2026/10/01', ...body), errors: [['schema/format', 7, '2026']] },
  { name: 'tags as one string', text: lines(...head, 'tags: postgres', ...body), errors: [['schema/type', 7, 'postgres']] },
  { name: 'an empty tag: at the item', text: lines(...head, 'tags:', '  - postgres', '  - ""', ...body), errors: [['schema/min-length', 9, '""']] },
  { name: 'owner without quotes or @', text: lines(...head, 'owner: payments', ...body), errors: [['schema/pattern', 7, 'payments']] },
  { name: 'an unknown field', text: lines(...head, 'author: "@alice"', ...body), errors: [['schema/additional-properties', 7, 1]] },
]

describe('Article schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })
})
