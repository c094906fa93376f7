import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'changes/standard/rotate-tls-cert.yaml'
const head = ['kind: StandardChange', 'id: rotate-tls-cert', 'title: Rotate a TLS certificate']

const valid: ValidCase[] = [
  { name: 'the minimal model', text: lines(...head) },
  {
    name: 'the example of the format',
    text: lines(
      ...head,
      'services: [payments-api, auth]',
      'max_risk: low',
      'approved_by: ["@acme/cab"]',
      'approved_at: 2026-03-01',
      'procedure: |',
      '  1. Issue the new certificate.',
      '  2. Deploy it.',
      'rollback_plan: |',
      '  Redeploy the previous certificate.',
    ),
  },
  { name: 'any service', text: lines(...head, 'services: []', 'approved_by: ["@alice", "@acme/cab"]') },
]

const invalid: InvalidCase[] = [
  { name: 'an id with an underscore', text: lines('kind: StandardChange', 'id: rotate_tls', 'title: T'), errors: [['schema/pattern', 2, 'rotate_tls']] },
  { name: 'max_risk not in the enum', text: lines(...head, 'max_risk: minimal'), errors: [['schema/enum', 4, 'minimal']] },
  { name: 'approved_by a single handle', text: lines(...head, 'approved_by: "@acme/cab"'), errors: [['schema/type', 4, '"@acme/cab"']] },
  { name: 'approved_by with a bare name', text: lines(...head, 'approved_by: ["@acme/cab", cab]'), errors: [['schema/pattern', 4, 'cab]']] },
  { name: 'approved_at a timestamp', text: lines(...head, 'approved_at: 2026-03-01T10:00:00Z'), errors: [['schema/format', 4, '2026']] },
  { name: 'approved_at 31 April', text: lines(...head, 'approved_at: 2026-04-31'), errors: [['schema/format', 4, '2026']] },
  { name: 'an empty procedure', text: lines(...head, 'procedure: ""'), errors: [['schema/min-length', 4, '""']] },
  { name: 'a misspelt rollback plan', text: lines(...head, 'rollback_pln: redeploy'), errors: [['schema/additional-properties', 4, 1]] },
  { name: 'a change type on a model', text: lines(...head, 'type: standard'), errors: [['schema/additional-properties', 4, 1]] },
]

describe('StandardChange schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })
})
