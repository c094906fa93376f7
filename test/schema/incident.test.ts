import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'incidents/INC-0012.yaml'
// Lines 1..7: the fields every incident needs.
const head = ['kind: Incident', 'id: INC-0012', 'title: Card payments failing at checkout', 'services: [payments-api]', 'priority: P1', 'status: open', 'opened_at: 2026-11-02T09:14:00Z']

const valid: ValidCase[] = [
  { name: 'the minimal incident', text: lines(...head) },
  {
    name: 'the example of the format',
    text: lines(
      'kind: Incident',
      'id: INC-0012',
      'title: Card payments failing at checkout',
      'services: [payments-api]',
      'priority: P1',
      'status: closed',
      'opened_at: 2026-11-02T09:14:00Z',
      'acknowledged_at: 2026-11-02T09:20:00Z',
      'resolved_at: 2026-11-02T11:02:00Z',
      'closed_at: 2026-11-03T10:00:00Z',
      'downtime:',
      '  - { start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:40:00Z }',
      '  - { start: 2026-11-02T10:50:00Z, end: 2026-11-02T10:55:00Z, service: payments-api }',
      'caused_by: CHG-0040',
      'problem: PRB-0003',
      'satisfaction: 4',
      'timeline:',
      '  - { at: 2026-11-02T09:14:00Z, status: open }',
      '  - { at: 2026-11-02T09:20:00Z, status: acknowledged }',
      '  - { at: 2026-11-02T09:40:00Z, status: pending, note: waiting for the card processor }',
      '  - { at: 2026-11-02T10:05:00Z, status: acknowledged }',
      '  - { at: 2026-11-02T10:30:00Z, priority: P2 }',
      '  - { at: 2026-11-02T11:02:00Z, status: resolved, priority: P3 }',
      'actions:',
      '  - { title: Alert on pool saturation, owner: "@erik", due: 2026-11-20, done: false }',
      '  - { title: Document the failover }',
      'assignee: "@acme/payments-oncall"',
      'links: { chat: "https://chat.acme.example/c/inc-0012" }',
    ),
  },
  { name: 'every priority and status', text: lines(...head.slice(0, 4), 'priority: P4', 'status: pending', head[6]!) },
]

const invalid: InvalidCase[] = [
  { name: 'missing opened_at', text: lines(...head.slice(0, 6)), errors: [['schema/required', 1, 1]] },
  { name: 'priority P5', text: lines(...head.slice(0, 4), 'priority: P5', ...head.slice(5)), errors: [['schema/enum', 5, 'P5']] },
  { name: 'priority as a number', text: lines(...head.slice(0, 4), 'priority: 1', ...head.slice(5)), errors: [['schema/type', 5, '1']] },
  { name: 'status not in the enum', text: lines(...head.slice(0, 5), 'status: investigating', head[6]!), errors: [['schema/enum', 6, 'investigating']] },
  { name: 'opened_at with a leap second', text: lines(...head.slice(0, 6), 'opened_at: 2026-12-31T23:59:60Z'), errors: [['schema/format', 7, '2026']] },
  { name: 'opened_at without an offset', text: lines(...head.slice(0, 6), 'opened_at: 2026-11-02T09:14:00'), errors: [['schema/format', 7, '2026']] },
  { name: 'opened_at on 30 February', text: lines(...head.slice(0, 6), 'opened_at: 2026-02-30T10:00:00Z'), errors: [['schema/format', 7, '2026']] },
  { name: 'opened_at with an hour offset of 24', text: lines(...head.slice(0, 6), 'opened_at: 2026-11-02T09:14:00+24:00'), errors: [['schema/format', 7, '2026']] },
  { name: 'downtime item missing end: at the item', text: lines(...head, 'downtime:', '  - start: 2026-11-02T09:10:00Z'), errors: [['schema/required', 9, 5]] },
  { name: 'downtime item with a bad service', text: lines(...head, 'downtime: [{ start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:40:00Z, service: Payments }]'), errors: [['schema/pattern', 8, 'Payments']] },
  { name: 'downtime a mapping', text: lines(...head, 'downtime: { start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:40:00Z }'), errors: [['schema/type', 8, '{']] },
  { name: 'caused_by an incident id', text: lines(...head, 'caused_by: INC-0001'), errors: [['schema/pattern', 8, 'INC-0001']] },
  { name: 'problem a change id', text: lines(...head, 'problem: CHG-0001'), errors: [['schema/pattern', 8, 'CHG']] },
  { name: 'satisfaction 6', text: lines(...head, 'satisfaction: 6'), errors: [['schema/maximum', 8, '6']] },
  { name: 'timeline entry with neither status nor priority: at the item', text: lines(...head, 'timeline:', '  - { at: 2026-11-02T09:14:00Z, status: open }', '  - { at: 2026-11-02T09:40:00Z, note: waiting }'), errors: [['schema/required', 10, '{']] },
  { name: 'timeline entry without at', text: lines(...head, 'timeline:', '  - status: open'), errors: [['schema/required', 9, 'status']] },
  { name: 'timeline entry with a bad status', text: lines(...head, 'timeline:', '  - { at: 2026-11-02T09:14:00Z, status: opened }'), errors: [['schema/enum', 9, 'opened']] },
  { name: 'timeline entry with a bad timestamp and a status', text: lines(...head, 'timeline:', '  - { at: 2026-11-02 09:14, status: open }'), errors: [['schema/format', 9, '2026']] },
  { name: 'timeline entry with a misspelt status: once, at the key', text: lines(...head, 'timeline:', '  - { at: 2026-11-02T09:14:00Z, state: open }'), errors: [['schema/additional-properties', 9, 'state']] },
  { name: 'timeline entry with an unknown field and no status', text: lines(...head, 'timeline:', '  - { at: 2026-11-02T09:14:00Z, comment: open }'), errors: [['schema/additional-properties', 9, 'comment'], ['schema/required', 9, '{']] },
  { name: 'timeline entry that is a string', text: lines(...head, 'timeline:', '  - opened at 09:14'), errors: [['schema/type', 9, 'opened']] },
  { name: 'action without a title', text: lines(...head, 'actions:', '  - { owner: "@erik", due: 2026-11-20 }'), errors: [['schema/required', 9, '{']] },
  { name: 'action done as `no`', text: lines(...head, 'actions:', '  - { title: T, done: no }'), errors: [['schema/type', 9, 'no']] },
  { name: 'action due as a timestamp', text: lines(...head, 'actions:', '  - { title: T, due: 2026-11-20T00:00:00Z }'), errors: [['schema/format', 9, '2026']] },
  { name: 'action owner unquoted name', text: lines(...head, 'actions:', '  - title: T', '    owner: erik'), errors: [['schema/pattern', 10, 'erik']] },
]

describe('Incident schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })

  it('positions errors in Markdown front matter on the lines of the file', () => {
    const text = lines('---', ...head.slice(0, 4), 'priority: P7', ...head.slice(5), 'tags: [x]', '---', '', '# Card payments failing', '', '## Summary', 'Text.')
    expectSchemaErrors('incidents/INC-0012-card-payments.md', text, [
      ['schema/enum', 6, 'P7'],
      ['schema/additional-properties', 9, 1],
    ])
  })

  it('points a missing field of Markdown front matter at its first key', () => {
    const text = lines('---', ...head.slice(0, 6), '---', '', 'Body.')
    expectSchemaErrors('incidents/INC-0012.md', text, [['schema/required', 2, 1]])
  })
})
