import { describe, expect, it } from 'vitest'
import { closestName, editDistance } from '../../src/schema/suggest.js'
import { expectSchemaErrors, lines } from './support.js'

const change = ['kind: Change', 'id: CHG-0042', 'title: T', 'type: normal', 'status: submitted', 'services: [payments-api]', 'requested_by: "@dana"']

describe('did-you-mean hints', () => {
  it('suggests the closest allowed field for a misspelt one', () => {
    const [diagnostic] = expectSchemaErrors('changes/CHG-0042.yaml', lines(...change, 'rollback_pln: |', '  Fail back.'), [['schema/additional-properties', 8, 1]])
    expect(diagnostic!.message).toBe('Unknown field `rollback_pln`. Did you mean `rollback_plan`?')
  })

  it('reports a misspelt required field once, as unknown with the hint, not also as missing', () => {
    const text = lines('kind: Service', 'id: payments-api', 'title: Payments API', 'ownr: "@acme/payments"', 'tier: 1')
    const [diagnostic] = expectSchemaErrors('services/payments-api.yaml', text, [['schema/additional-properties', 4, 1]])
    expect(diagnostic!.message).toContain('Did you mean `owner`?')
  })
})

describe('hints that would mislead', () => {
  it('never suggests a field the object already has', () => {
    const text = lines('kind: Service', 'id: payments-api', 'title: Payments API', 'titel: Payments', 'owner: "@acme/payments"', 'tier: 1')
    const [diagnostic] = expectSchemaErrors('services/payments-api.yaml', text, [['schema/additional-properties', 4, 1]])
    expect(diagnostic!.message).not.toContain('Did you mean')
  })
})

describe('closestName', () => {
  it.each([
    ['rollback_pln', 'rollback_plan'],
    ['Title', 'title'],
    ['sevrices', 'services'],
    ['requsted_by', 'requested_by'],
    ['tz', undefined],
    ['completely_else', undefined],
  ] as const)('%s -> %s', (name, expected) => {
    expect(closestName(name, ['title', 'services', 'requested_by', 'rollback_plan', 'timezone'])).toBe(expected)
  })

  it('does not take a different short name for a typo, only a different case', () => {
    expect(closestName('P5', ['P1', 'P2'])).toBeUndefined()
    expect(closestName('p1', ['P1', 'P2'])).toBe('P1')
  })

  it('counts an adjacent swap as one edit and stops at the ceiling', () => {
    expect(editDistance('ab', 'ba')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('a', 'abcdef', 2)).toBe(2)
  })
})
