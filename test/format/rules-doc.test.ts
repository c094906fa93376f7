import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatRulesDoc } from '../../src/format/rules-doc.js'
import { ruleRegistry } from '../../src/rules/index.js'

describe('docs/rules.md', () => {
  it('is what `npm run docs` generates from the registry', () => {
    const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')
    expect(committed).toBe(formatRulesDoc(ruleRegistry))
    for (const { rule } of ruleRegistry) expect(committed).toContain(`\`${rule.id}\``)
  })
})
