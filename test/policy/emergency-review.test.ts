import { describe, expect, it } from 'vitest'
import { changeText, evaluate, lineOf, oneChange, ruleIds, type ChangeFields } from './builder.js'

// The window ends 2026-11-15T10:00:00Z; with `review_within: 72h` the review is due by 2026-11-18T10:00:00Z.
const emergency: ChangeFields = { type: 'emergency', window: { start: '2026-11-15T08:00:00Z', end: '2026-11-15T10:00:00Z' } }
const done = { outcome: 'successful', completed_at: '2026-11-16T09:00:00Z' }

function finish(now: string, head: ChangeFields = {}, policy?: string) {
  const scenario = oneChange({ ...emergency, status: 'in_progress' }, { ...emergency, status: 'implemented', ...head }, policy === undefined ? {} : { policy })
  return evaluate(scenario, now)
}

describe('emergency review: decision table', () => {
  it('not applicable: no review deadline configured, not an emergency, or never carried out', () => {
    expect(finish('2026-12-01T00:00:00Z', {}, 'approvals:\n  - match: {}\n    require: [ { any: true, count: 1 } ]\n').decision).toBe('approved')
    const normal = { ...emergency, type: 'normal' }
    expect(evaluate(oneChange({ ...normal, status: 'in_progress' }, { ...normal, status: 'implemented' }), '2026-12-01T00:00:00Z').decision).toBe('approved')
    const cancelled = evaluate(oneChange({ ...emergency, status: 'submitted' }, { ...emergency, status: 'cancelled' }), '2026-12-01T00:00:00Z')
    expect(cancelled.decision).toBe('approved')
  })

  it('unsatisfied: overdue without a review is rejected at window.end, naming the deadline', () => {
    const result = finish('2026-11-20T12:00:00Z')
    expect(result.decision).toBe('rejected')
    const violation = result.changes[0]!.violations[0]!
    expect(violation.ruleId).toBe('policy/emergency-review')
    expect(violation.line).toBe(lineOf(changeText(emergency), '  end:'))
    expect(violation.message).toContain('by 2026-11-18T10:00:00Z')
  })

  it('satisfied: a review, or a deadline not yet passed', () => {
    expect(finish('2026-11-20T12:00:00Z', { review: done }).decision).toBe('approved')
    expect(finish('2026-11-18T09:59:59Z').decision).toBe('approved')
    expect(finish('2026-11-18T10:00:00Z').decision).toBe('approved')
    expect(finish('2026-11-18T10:00:01Z').decision).toBe('rejected')
  })

  it('error: an emergency change without a readable window end cannot be cleared', () => {
    const result = evaluate(oneChange({ type: 'emergency', status: 'in_progress', window: undefined }, { type: 'emergency', status: 'implemented', window: undefined }))
    expect(ruleIds(result)).toEqual(['policy/emergency-review'])
  })

  it('a closed emergency change must have its review too, whatever the status before', () => {
    const result = evaluate(oneChange({ ...emergency, status: 'implemented' }, { ...emergency, status: 'closed' }), '2026-11-20T12:00:00Z')
    expect(ruleIds(result)).toEqual(['policy/emergency-review'])
  })
})
