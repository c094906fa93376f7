import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, recordOf, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'changes/CHG-0042-upgrade-postgres.yaml'
// Lines 1..7: the fields every change needs.
const head = ['kind: Change', 'id: CHG-0042', 'title: Upgrade payments Postgres to 16.4', 'type: normal', 'status: submitted', 'services: [payments-api]', 'requested_by: "@dana"']

const valid: ValidCase[] = [
  { name: 'the minimal change', text: lines(...head) },
  {
    name: 'the example of the format',
    text: lines(
      'kind: Change',
      'id: CHG-0042',
      'title: Upgrade payments Postgres to 16.4',
      'type: normal',
      'model: rotate-tls-cert',
      'status: submitted',
      'services: [payments-api, postgres-main]',
      'requested_by: "@dana"',
      'implementer: "@erik"',
      'risk: high',
      'impact: |',
      '  Checkout is read-only for up to 10 minutes.',
      'window:',
      '  start: 2026-12-03T22:00:00+01:00',
      '  end:   2026-12-04T01:00:00+01:00',
      '  expected_downtime: true',
      'plan: |',
      '  1. Fail over.',
      'test_plan: |',
      '  Run the smoke tests.',
      'rollback_plan: |',
      '  Fail back.',
      'related: { incidents: [INC-0012], problems: [PRB-0003] }',
      'review:',
      '  outcome: successful',
      '  completed_at: 2026-12-04T09:00:00+01:00',
      '  notes: |',
      '    Went fine.',
      'links: { ticket: "https://tickets.acme.example/T-1" }',
      'x: { cab_meeting: 2026-12-01 }',
    ),
  },
  {
    name: 'every status and type, lowercase z, fractions and a negative offset',
    text: lines(...head.slice(0, 3), 'type: emergency', 'status: rolled_back', ...head.slice(5), 'window: { start: 2026-12-03t22:00:00.5z, end: "2026-12-04T01:00:00.123456789-05:30" }'),
  },
  { name: 'a team as implementer, cancelled', text: lines(...head.slice(0, 3), 'type: standard', 'status: cancelled', ...head.slice(5), 'implementer: "@acme/dba"') },
  { name: 'a five-digit id', text: lines('kind: Change', 'id: CHG-12345', ...head.slice(2)) },
]

const invalid: InvalidCase[] = [
  { name: 'missing requested_by: at the first key', text: lines(...head.slice(0, 6)), errors: [['schema/required', 1, 1]] },
  { name: 'missing type, status, services and requester', text: lines(...head.slice(0, 3)), errors: [['schema/required', 1, 1], ['schema/required', 1, 1], ['schema/required', 1, 1], ['schema/required', 1, 1]] },
  { name: 'id with three digits', text: lines('kind: Change', 'id: CHG-042', ...head.slice(2)), errors: [['schema/pattern', 2, 'CHG']] },
  { name: 'id in lowercase', text: lines('kind: Change', 'id: chg-0042', ...head.slice(2)), errors: [['schema/pattern', 2, 'chg']] },
  { name: 'type not in the enum', text: lines(...head.slice(0, 3), 'type: urgent', ...head.slice(4)), errors: [['schema/enum', 4, 'urgent']] },
  { name: 'status not in the enum', text: lines(...head.slice(0, 4), 'status: done', ...head.slice(5)), errors: [['schema/enum', 5, 'done']] },
  { name: 'services empty', text: lines(...head.slice(0, 5), 'services: []', head[6]!), errors: [['schema/min-items', 6, '[]']] },
  { name: 'requested_by a team', text: lines(...head.slice(0, 6), 'requested_by: "@acme/dba"'), errors: [['schema/pattern', 7, '"@acme']] },
  { name: 'risk misspelt', text: lines(...head, 'risk: hgh'), errors: [['schema/enum', 8, 'hgh']] },
  { name: 'risk as a list', text: lines(...head, 'risk: [high]'), errors: [['schema/type', 8, '[high]']] },
  { name: 'model not a slug', text: lines(...head, 'model: Rotate TLS'), errors: [['schema/pattern', 8, 'Rotate']] },
  { name: 'a misspelt rollback plan: at the key', text: lines(...head, 'rollback_pln: |', '  Fail back.'), errors: [['schema/additional-properties', 8, 1]] },
  { name: 'window missing end: at the window key', text: lines(...head, 'window:', '  start: 2026-12-03T22:00:00+01:00'), errors: [['schema/required', 8, 1]] },
  { name: 'window with 30 February', text: lines(...head, 'window:', '  start: 2026-02-30T10:00:00Z', '  end: 2026-03-01T10:00:00Z'), errors: [['schema/format', 9, '2026']] },
  { name: 'window with a leap second', text: lines(...head, 'window:', '  start: 2026-12-31T23:59:60Z', '  end: 2027-01-01T01:00:00Z'), errors: [['schema/format', 9, '2026']] },
  { name: 'window without an offset', text: lines(...head, 'window:', '  start: 2026-12-03T22:00:00', '  end: 2026-12-04T01:00:00+01:00'), errors: [['schema/format', 9, '2026']] },
  { name: 'window at 24:00', text: lines(...head, 'window: { start: 2026-12-03T24:00:00Z, end: 2026-12-04T01:00:00Z }'), errors: [['schema/format', 8, '2026-12-03']] },
  { name: 'window a date only', text: lines(...head, 'window: { start: 2026-12-03, end: 2026-12-04 }'), errors: [['schema/format', 8, '2026-12-03'], ['schema/format', 8, '2026-12-04']] },
  { name: 'window with an unknown field', text: lines(...head, 'window:', '  start: 2026-12-03T22:00:00+01:00', '  end: 2026-12-04T01:00:00+01:00', '  downtime: true'), errors: [['schema/additional-properties', 11, 3]] },
  { name: '`no` is a string, not false', text: lines(...head, 'window:', '  start: 2026-12-03T22:00:00+01:00', '  end: 2026-12-04T01:00:00+01:00', '  expected_downtime: no'), errors: [['schema/type', 11, 'no']] },
  { name: 'window a list', text: lines(...head, 'window: [2026-12-03T22:00:00+01:00]'), errors: [['schema/type', 8, '[']] },
  { name: 'related with an unknown kind', text: lines(...head, 'related: { changes: [CHG-0001] }'), errors: [['schema/additional-properties', 8, 'changes']] },
  { name: 'related incidents with a problem id: at the item', text: lines(...head, 'related:', '  incidents:', '    - INC-0012', '    - PRB-0003'), errors: [['schema/pattern', 11, 'PRB']] },
  { name: 'review missing completed_at: at the review key', text: lines(...head, 'review:', '  outcome: successful'), errors: [['schema/required', 8, 1]] },
  { name: 'review outcome not in the enum', text: lines(...head, 'review: { outcome: ok, completed_at: 2026-12-04T09:00:00Z }'), errors: [['schema/enum', 8, 'ok']] },
  { name: 'plan a number', text: lines(...head, 'plan: 1'), errors: [['schema/type', 8, '1']] },
  { name: 'plan blank', text: lines(...head, 'plan: " "'), errors: [['schema/pattern', 8, '" "']] },
]

describe('Change schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })

  it('leaves conditional requirements to the rules: a standard change without a model, a closed one without a review', () => {
    const text = lines(...head.slice(0, 3), 'type: standard', 'status: closed', ...head.slice(5))
    expect(recordOf(file, text).data.model).toBeUndefined()
    expect(schemaCheck(file, text)).toEqual([])
  })

  it('names the nested path of a missing field', () => {
    const [diagnostic] = expectSchemaErrors(file, lines(...head, 'window:', '  end: 2026-12-04T01:00:00+01:00'), [['schema/required', 8, 1]])
    expect(diagnostic!.path).toEqual(['window'])
    expect(diagnostic!.message).toContain('`start`')
  })
})
