import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'slas/payments-gold.yaml'
const head = ['kind: SLA', 'id: payments-gold', 'title: Payments - Gold']

const valid: ValidCase[] = [
  { name: 'the minimal agreement', text: lines(...head, 'services: [payments-api]') },
  {
    name: 'the example of the format',
    text: lines(
      ...head,
      'agreement: SLA',
      'customer: Retail Banking',
      'services: [payments-api]',
      'calendar: business-hours',
      'period: month',
      'targets:',
      '  availability: 99.9',
      '  response:   { P1: 15m, P2: 1h, P3: 4h }',
      '  resolution: { P1: 4h, P2: 1d, P3: 5d }',
      '  clock: { P1: 24x7 }',
      'review_by: 2027-06-30',
    ),
  },
  { name: 'an OLA with an owner, 100 percent and every priority', text: lines(...head, 'agreement: OLA', 'owner: "@acme/sm"', 'services: [a1, b2]', 'period: quarter', 'targets:', '  availability: 100', '  response: { P1: 0m, P2: 1h, P3: 1d, P4: 2w }') },
  { name: 'an integer availability and a weekly period', text: lines(...head, 'services: [payments-api]', 'period: week', 'targets: { availability: 99 }') },
  { name: 'a leap day review date', text: lines(...head, 'services: [payments-api]', 'review_by: 2028-02-29') },
]

const invalid: InvalidCase[] = [
  { name: 'no services', text: lines(...head), errors: [['schema/required', 1, 1]] },
  { name: 'an empty services list', text: lines(...head, 'services: []'), errors: [['schema/min-items', 4, '[]']] },
  { name: 'agreement not in the enum', text: lines(...head, 'agreement: sla', 'services: [payments-api]'), errors: [['schema/enum', 4, 'sla']] },
  { name: 'period not in the enum', text: lines(...head, 'services: [payments-api]', 'period: year'), errors: [['schema/enum', 5, 'year']] },
  { name: 'availability above 100', text: lines(...head, 'services: [payments-api]', 'targets:', '  availability: 100.1'), errors: [['schema/maximum', 6, '100.1']] },
  { name: 'availability 0', text: lines(...head, 'services: [payments-api]', 'targets:', '  availability: 0'), errors: [['schema/exclusive-minimum', 6, '0']] },
  { name: 'availability with a percent sign', text: lines(...head, 'services: [payments-api]', 'targets:', '  availability: 99.9%'), errors: [['schema/type', 6, '99.9%']] },
  { name: 'a response target for P5', text: lines(...head, 'services: [payments-api]', 'targets:', '  response: { P1: 15m, P5: 1d }'), errors: [['schema/additional-properties', 6, 'P5']] },
  { name: 'a response target in words', text: lines(...head, 'services: [payments-api]', 'targets:', '  response:', '    P1: 15 minutes'), errors: [['schema/format', 7, '15 minutes']] },
  { name: 'a resolution target with an unknown unit', text: lines(...head, 'services: [payments-api]', 'targets: { resolution: { P2: 3y } }'), errors: [['schema/format', 5, '3y']] },
  { name: 'a priority clock that is no calendar name', text: lines(...head, 'services: [payments-api]', 'targets: { clock: { P1: "24/7" } }'), errors: [['schema/pattern', 5, '"24/7"']] },
  { name: 'a misspelt target: at the key', text: lines(...head, 'services: [payments-api]', 'targets:', '  availabilty: 99.9'), errors: [['schema/additional-properties', 6, 'availabilty']] },
  { name: 'review_by on 30 February', text: lines(...head, 'services: [payments-api]', 'review_by: 2027-02-30'), errors: [['schema/format', 5, '2027-02-30']] },
  { name: 'review_by as a timestamp', text: lines(...head, 'services: [payments-api]', 'review_by: 2027-06-30T00:00:00Z'), errors: [['schema/format', 5, '2027']] },
  { name: 'an owner without @', text: lines(...head, 'owner: sm-team', 'services: [payments-api]'), errors: [['schema/pattern', 4, 'sm-team']] },
]

describe('SLA schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })
})
