import { describe, expect, it } from 'vitest'
import { validateRecordSchema } from '../../src/schema/index.js'
import { lines, recordOf } from './support.js'

const head = ['kind: Incident', 'id: INC-0012', 'title: T', 'services: [payments-api]', 'priority: P1', 'status: open', 'opened_at: 2026-11-02T09:14:00Z']

/** Validates a parsed record and measures only the validation (and, the first time, the compiling). */
function timed(text: string): { diagnostics: ReturnType<typeof validateRecordSchema>; ms: number } {
  const record = recordOf('incidents/INC-0012.yaml', text)
  const start = performance.now()
  const diagnostics = validateRecordSchema(record)
  return { diagnostics, ms: performance.now() - start }
}

describe('many errors in one file', () => {
  it('stays fast and sums up past the first hundred', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => `  - { at: 2026-11-02T09:14:${String(i % 60).padStart(2, '0')}, note: n }`)
    const { diagnostics, ms } = timed(lines(...head, 'timeline:', ...entries))
    expect(ms).toBeLessThan(1500)
    // Each entry has two problems (no offset; neither status nor priority): 10,000 in all.
    expect(diagnostics).toHaveLength(101)
    const summary = diagnostics.find((d) => d.ruleId === 'schema/too-many-errors')!
    expect(summary).toMatchObject({ line: 1, column: 1 })
    expect(summary.message).toContain('9900')
  })

  it('collapses alternatives per list item, in linear time', () => {
    const entries = Array.from({ length: 5000 }, () => '  - { at: 2026-11-02T09:14:00Z, note: n }')
    const { diagnostics, ms } = timed(lines(...head, 'timeline:', ...entries))
    expect(ms).toBeLessThan(1500)
    const shown = diagnostics.filter((d) => d.ruleId !== 'schema/too-many-errors')
    expect(shown).toHaveLength(100)
    expect(shown.every((d) => d.ruleId === 'schema/required')).toBe(true)
    expect(new Set(shown.map((d) => d.line)).size).toBe(100)
  })
})
