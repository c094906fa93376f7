import { describe, expect, it } from 'vitest'
import { expectSchemaErrors, lines, schemaCheck, type InvalidCase, type ValidCase } from './support.js'

const file = 'problems/PRB-0003.yaml'
const head = ['kind: Problem', 'id: PRB-0003', 'title: Connection pool exhaustion under load', 'status: known_error']

const valid: ValidCase[] = [
  { name: 'the minimal problem', text: lines(...head) },
  {
    name: 'the example of the format',
    text: lines(
      ...head,
      'services: [payments-api]',
      'incidents: [INC-0012, INC-0015]',
      'root_cause: |',
      '  The pool is sized for average load.',
      'workaround: KB-0042',
      'fix: CHG-0050',
      'assignee: "@erik"',
      'links: { upstream: "https://github.com/brianc/node-postgres/issues/1" }',
    ),
  },
  { name: 'every status', text: lines(...head.slice(0, 3), 'status: closed') },
]

const invalid: InvalidCase[] = [
  { name: 'missing status', text: lines(...head.slice(0, 3)), errors: [['schema/required', 1, 1]] },
  { name: 'status not in the enum', text: lines(...head.slice(0, 3), 'status: known-error'), errors: [['schema/enum', 4, 'known-error']] },
  { name: 'id of another kind', text: lines('kind: Problem', 'id: INC-0003', ...head.slice(2)), errors: [['schema/pattern', 2, 'INC']] },
  { name: 'incidents with a change id: at the item', text: lines(...head, 'incidents: [INC-0012, CHG-0015]'), errors: [['schema/pattern', 5, 'CHG']] },
  { name: 'incidents repeated', text: lines(...head, 'incidents: [INC-0012, INC-0012]'), errors: [['schema/unique-items', 5, 'INC-0012]']] },
  { name: 'workaround as text', text: lines(...head, 'workaround: restart the pods'), errors: [['schema/pattern', 5, 'restart']] },
  { name: 'fix a list', text: lines(...head, 'fix: [CHG-0050]'), errors: [['schema/type', 5, '[']] },
  { name: 'root cause misspelt', text: lines(...head, 'rootcause: pool size'), errors: [['schema/additional-properties', 5, 1]] },
]

describe('Problem schema', () => {
  it.each(valid)('accepts $name', ({ text }) => {
    expect(schemaCheck(file, text)).toEqual([])
  })

  it.each(invalid)('rejects $name', ({ text, errors }) => {
    expectSchemaErrors(file, text, errors)
  })

  it('checks Markdown problems by their front matter', () => {
    const text = lines('---', ...head.slice(0, 3), 'status: solved', '---', '', '# Pool exhaustion')
    expectSchemaErrors('problems/PRB-0003-pool.md', text, [['schema/enum', 5, 'solved']])
  })
})
