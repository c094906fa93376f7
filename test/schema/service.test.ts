import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, recordOf, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'services/payments-api.yaml'
const head = ['kind: Service', 'id: payments-api', 'title: Payments API']

const valid: ValidCase[] = [
  { name: 'the minimal service', text: lines(...head, 'owner: "@acme/payments"', 'tier: 4') },
  {
    name: 'the example of the format',
    text: lines(
      'apiVersion: gitsm/v1',
      ...head,
      'description: Card and wallet payment authorisation for all storefronts.',
      'owner: "@acme/payments"',
      'tier: 1',
      'lifecycle: live',
      'depends_on: [postgres-main, auth]',
      'support_hours: business-hours',
      'maintenance_windows:',
      '  - { days: [sat], start: "02:00", end: "05:00", timezone: Europe/Berlin }',
      'runbooks: [KB-0007]',
      'links: { repo: "https://github.com/acme/payments", dashboard: "https://grafana.acme.example/d/pay", mail: "mailto:ops@acme.example" }',
      'tags: [payments, pci]',
      'x: { cost_center: 4711, anything: [1, { nested: true }] }',
    ),
  },
  { name: 'a person as owner, 24x7 support, unquoted clock times', text: lines(...head, 'owner: "@alice-b"', 'tier: 2', 'support_hours: 24x7', 'maintenance_windows:', '  - { days: [sun, sat], start: 22:00, end: 24:00 }') },
  { name: 'a login of 39 characters', text: lines(...head, `owner: "@${'a'.repeat(39)}"`, 'tier: 3') },
  { name: 'retired, no dependencies', text: lines(...head, 'owner: "@acme/payments"', 'tier: 3', 'lifecycle: retired', 'depends_on: []') },
]

const invalid: InvalidCase[] = [
  { name: 'missing owner: at the first key', text: lines(...head, 'tier: 1'), errors: [['schema/required', 1, 1]] },
  { name: 'missing owner and tier', text: lines(...head), errors: [['schema/required', 1, 1], ['schema/required', 1, 1]] },
  { name: 'tier above 4', text: lines(...head, 'owner: "@acme/payments"', 'tier: 5'), errors: [['schema/maximum', 5, 7]] },
  { name: 'tier 0', text: lines(...head, 'owner: "@acme/payments"', 'tier: 0'), errors: [['schema/minimum', 5, 7]] },
  { name: 'tier quoted', text: lines(...head, 'owner: "@acme/payments"', 'tier: "1"'), errors: [['schema/type', 5, 7]] },
  { name: 'tier fractional', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1.5'), errors: [['schema/type', 5, 7]] },
  { name: 'unknown field at its key', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', '  # comment', 'ownr: "@acme/x"'), errors: [['schema/additional-properties', 7, 1]] },
  { name: 'lifecycle not in the enum', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'lifecycle: production'), errors: [['schema/enum', 6, 12]] },
  { name: 'id not a slug', text: lines('kind: Service', 'id: Payments-API', 'title: Payments API', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/pattern', 2, 5]] },
  { name: 'id of one character', text: lines('kind: Service', 'id: p', 'title: Payments API', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/pattern', 2, 5]] },
  { name: 'id a number', text: lines('kind: Service', 'id: 42', 'title: Payments API', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/type', 2, 5]] },
  { name: 'owner without @', text: lines(...head, 'owner: acme', 'tier: 1'), errors: [['schema/pattern', 4, 8]] },
  { name: 'owner with an empty team', text: lines(...head, 'owner: "@acme/"', 'tier: 1'), errors: [['schema/pattern', 4, 8]] },
  { name: 'owner with a double hyphen', text: lines(...head, 'owner: "@ac--me"', 'tier: 1'), errors: [['schema/pattern', 4, 8]] },
  { name: 'owner ending in a hyphen', text: lines(...head, 'owner: "@acme-"', 'tier: 1'), errors: [['schema/pattern', 4, 8]] },
  { name: 'login longer than 39', text: lines(...head, `owner: "@${'a'.repeat(40)}"`, 'tier: 1'), errors: [['schema/pattern', 4, 8]] },
  { name: 'owner empty: at the key', text: lines(...head, 'owner:', 'tier: 1'), errors: [['schema/type', 4, 1]] },
  { name: 'title empty', text: lines('kind: Service', 'id: payments-api', 'title: ""', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/min-length', 3, 8]] },
  { name: 'title blank', text: lines('kind: Service', 'id: payments-api', 'title: "   "', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/pattern', 3, 8]] },
  { name: 'title a list', text: lines('kind: Service', 'id: payments-api', 'title: [a]', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/type', 3, 8]] },
  { name: 'kind misspelt, classified by folder', text: lines('kind: Servise', 'id: payments-api', 'title: P', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/const', 1, 7]] },
  { name: 'kind missing, classified by folder', text: lines('id: payments-api', 'title: P', 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/required', 1, 1]] },
  { name: 'apiVersion of another version', text: lines('apiVersion: gitsm/v2', ...head, 'owner: "@acme/payments"', 'tier: 1'), errors: [['schema/const', 1, 13]] },
  { name: 'depends_on a single id', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'depends_on: auth'), errors: [['schema/type', 6, 13]] },
  { name: 'depends_on with a bad id: at the item', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'depends_on: [auth, Postgres]'), errors: [['schema/pattern', 6, 20]] },
  { name: 'depends_on repeats an id: at the repeat', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'depends_on:', '  - auth', '  - db-main', '  - auth'), errors: [['schema/unique-items', 9, 5]] },
  { name: 'support_hours with a space', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'support_hours: business hours'), errors: [['schema/pattern', 6, 16]] },
  {
    name: 'maintenance window missing end: at the item',
    text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'maintenance_windows:', '  - days: [sat]', '    start: "02:00"'),
    errors: [['schema/required', 7, 5]],
  },
  {
    name: 'maintenance window with a bad day, time and zone',
    text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'maintenance_windows:', '  - { days: [saturday], start: "25:00", end: "5:00", timezone: Europe/Berln }'),
    errors: [
      ['schema/enum', 7, 14],
      ['schema/format', 7, 32],
      ['schema/format', 7, 46],
      ['schema/format', 7, 64],
    ],
  },
  { name: 'maintenance window with no days', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'maintenance_windows: [{ days: [], start: "02:00", end: "05:00" }]'), errors: [['schema/min-items', 6, 31]] },
  { name: 'maintenance window with an unknown field', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'maintenance_windows:', '  - days: [sat]', '    start: "02:00"', '    end: "05:00"', '    tz: UTC'), errors: [['schema/additional-properties', 10, 5]] },
  { name: 'runbooks with a malformed article id', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'runbooks: [KB-7]'), errors: [['schema/pattern', 6, 12]] },
  { name: 'a javascript: link', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'links:', '  repo: "javascript:alert(1)"'), errors: [['schema/format', 7, 9]] },
  { name: 'a relative link', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'links: { repo: ../payments }'), errors: [['schema/format', 6, 16]] },
  { name: 'a link that is not text', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'links: { repo: [a] }'), errors: [['schema/type', 6, 16]] },
  { name: 'tags repeated', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'tags: [pci, pci]'), errors: [['schema/unique-items', 6, 13]] },
  { name: 'x not a mapping', text: lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'x: 5'), errors: [['schema/type', 6, 4]] },
]

describe('Service schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })

  it('reads `no` as a string (YAML 1.2), so it is a valid title', () => {
    const text = lines('kind: Service', 'id: payments-api', 'title: no', 'owner: "@acme/payments"', 'tier: 1')
    expect(recordOf(file, text).data.title).toBe('no')
    expect(schemaCheck(file, text)).toEqual([])
  })

  it('gives each error the instance path, with numbers for list indexes', () => {
    const text = lines(...head, 'owner: "@acme/payments"', 'tier: 1', 'maintenance_windows:', '  - { days: [sat, funday], start: "02:00", end: "05:00" }')
    const [diagnostic] = expectSchemaErrors(file, text, [['schema/enum', 7, 19]])
    expect(diagnostic!.path).toEqual(['maintenance_windows', 0, 'days', 1])
    expect(diagnostic!.endLine).toBe(7)
    expect(diagnostic!.endColumn).toBe(25)
  })
})
