import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import { lintRecords } from '../../src/lint/engine.js'
import { kinds } from '../../src/model/kinds.js'
import type { ParsedRecord } from '../../src/model/record.js'
import type { Rule } from '../../src/model/rule.js'
import { ruleRegistry } from '../../src/rules/index.js'

const ids = ruleRegistry.map((entry) => entry.rule.id)

describe('rule registry', () => {
  it('has unique ids, in id order', () => {
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort())
  })

  it('holds every rule module of src/rules', async () => {
    const folder = new URL('../../src/rules/', import.meta.url)
    const modules = readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    const exported: Rule[] = []
    for (const name of modules) {
      const module = (await import(new URL(name, folder).href)) as Record<string, unknown>
      for (const value of Object.values(module)) if (isRule(value)) exported.push(value)
    }
    expect(exported.length).toBeGreaterThan(0)
    for (const rule of exported) expect(ruleRegistry.some((entry) => entry.rule === rule), rule.id).toBe(true)
    // One rule per module, in a file named after the rule.
    const files = modules.filter((name) => exported.some((rule) => `${rule.id.replace('/', '-')}.ts` === name))
    expect(files).toHaveLength(exported.length)
    expect(exported).toHaveLength(ruleRegistry.length)
  })

  it('has area/what ids, descriptions and the agreed default severities', () => {
    for (const { rule } of ruleRegistry) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z-]+$/)
      expect(rule.description.length).toBeGreaterThan(10)
    }
    const warnings = ruleRegistry.filter((entry) => entry.severity === 'warning').map((entry) => entry.rule.id)
    expect(warnings).toEqual([
      'change/model-not-standard',
      'kb/retired-services',
      'kb/review-overdue',
      'markdown/empty-section',
      'postmortem/required-sections',
      'sla/review-overdue',
    ])
    const notices = ruleRegistry.filter((entry) => entry.severity === 'info').map((entry) => entry.rule.id)
    expect(notices).toEqual(['kb/review-due'])
    expect(ruleRegistry.every((entry) => entry.severity === 'error' || warnings.includes(entry.rule.id) || notices.includes(entry.rule.id))).toBe(true)
  })

  it('keeps the public rule ids', () => {
    expect(ids).toEqual([
      'change/model-not-standard',
      'change/required-fields',
      'change/standard-model',
      'file/wrong-folder',
      'id/duplicate',
      'id/file-name',
      'incident/required-for-status',
      'incident/timeline',
      'kb/duplicate-title',
      'kb/required-sections',
      'kb/retired-services',
      'kb/review-due',
      'kb/review-overdue',
      'kb/title-heading',
      'markdown/broken-link',
      'markdown/empty-section',
      'markdown/heading-increment',
      'markdown/image-alt',
      'markdown/no-active-html',
      'markdown/unknown-record',
      'postmortem/action-items',
      'postmortem/overdue',
      'postmortem/required-sections',
      'ref/unknown-article',
      'ref/unknown-calendar',
      'ref/unknown-change',
      'ref/unknown-incident',
      'ref/unknown-model',
      'ref/unknown-problem',
      'ref/unknown-service',
      'service/dependency-cycle',
      'sla/review-overdue',
      'time/order',
    ])
  })
})

/** Field names the rules read, so random records hit the rules' code paths rather than only unknown keys. */
const fields = [
  'kind', 'id', 'type', 'status', 'model', 'services', 'depends_on', 'downtime', 'service', 'timeline', 'at', 'risk',
  'max_risk', 'window', 'start', 'end', 'review', 'outcome', 'completed_at', 'opened_at', 'acknowledged_at',
  'resolved_at', 'closed_at', 'review_by', 'reviewed_at', 'related', 'incidents', 'problems', 'caused_by', 'problem',
  'fix', 'workaround', 'runbooks', 'support_hours', 'calendar', 'targets', 'clock', 'constructor', 'toString',
]
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'auth', 'CHG-0001', 'INC-0001', 'PRB-0001', 'KB-0001', 'standard', 'normal', 'open', 'resolved',
    'closed', 'pending', 'low', 'critical', '24x7', '2026-11-02T09:14:00Z', '2026-11-02T08:00:00Z', '2026-11-02', 'constructor', '__proto__'),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
)
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node')), fc.dictionary(fc.constantFrom(...fields), tie('node'))),
})).node

const record = fc.record({
  kind: fc.constantFrom(...kinds),
  id: fc.oneof(fc.constantFrom('a', 'b', 'auth', 'CHG-0001', 'chg-0001', 'INC-0001', 'KB-0001'), fc.string()),
  folder: fc.constantFrom('services', 'slas', 'changes', 'changes/standard', 'incidents', 'problems', 'kb', 'other'),
  extension: fc.constantFrom('.yaml', '.yml', '.md', '.txt'),
  data: fc.dictionary(fc.constantFrom(...fields), value),
})

describe('rules on arbitrary record data', () => {
  it('never throw, whatever the shape of the data', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (generated) => {
        const records: ParsedRecord[] = generated.map((r, i) => ({
          file: `${r.folder}/${r.id}-${i}${r.extension}`,
          format: r.extension === '.md' ? 'markdown' : 'yaml',
          data: { ...r.data, kind: r.kind, id: r.id },
          locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 2 }),
        }))
        const { diagnostics } = lintRecords({ records, config: defaultConfig(), now: new Date('2026-11-02T09:00:00Z') })
        expect(diagnostics.filter((d) => d.ruleId === 'internal/rule-failed')).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && typeof (value as Rule).id === 'string' && typeof (value as Rule).check === 'function'
}
