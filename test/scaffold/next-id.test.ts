import { describe, expect, it } from 'vitest'
import { nextId } from '../../src/scaffold/next-id.js'

describe('nextId', () => {
  it('starts at 0001', () => {
    expect(nextId('CHG', [])).toBe('CHG-0001')
    expect(nextId('CHG', ['README.md', 'standard', 'INC-0004.yaml'])).toBe('CHG-0001')
  })

  it('takes the highest number among file names and ids', () => {
    expect(nextId('CHG', ['CHG-0001-a.yaml', 'CHG-0020-upgrade-keycloak-26.yaml', 'CHG-0007.yml'])).toBe('CHG-0021')
    expect(nextId('CHG', ['CHG-0003-renamed.yaml', 'CHG-0031'])).toBe('CHG-0032')
    expect(nextId('KB', ['KB-0010-route.md', 'KB-00100x.md'])).toBe('KB-0011')
  })

  it('keeps the padding of the highest id, at least four digits', () => {
    expect(nextId('INC', ['INC-00042.yaml'])).toBe('INC-00043')
    expect(nextId('INC', ['INC-9999.yaml'])).toBe('INC-10000')
    expect(nextId('INC', ['INC-12.yaml'])).toBe('INC-0013')
    expect(nextId('PRB', ['PRB-99999999999999999999'])).toBe('PRB-100000000000000000000')
  })

  it('does not take other prefixes or lowercase names', () => {
    expect(nextId('KB', ['XKB-0009.md', 'kb-0009.md', 'KBX-0009.md'])).toBe('KB-0001')
  })
})
