import { describe, expect, it } from 'vitest'
import { evaluatePolicy } from '../../src/policy/index.js'
import { approvals, changeText, evaluate, lineOf, oneChange, ruleIds, snapshotOf, type ChangeFields } from './builder.js'

// The pull request opened 2026-11-20T09:00:00Z; normal changes need 48h of lead time.
function schedule(start: string, fields: ChangeFields = {}, base: ChangeFields = { status: 'submitted' }) {
  const change: ChangeFields = { ...fields, window: { start, end: '2026-12-30T00:00:00Z' } }
  return evaluate(oneChange({ ...change, ...base }, { ...change, status: 'approved' }, { reviews: approvals('ruth', 'erin') }))
}

describe('lead time: decision table', () => {
  it('not applicable: a type without a lead time, or a change not being scheduled', () => {
    expect(schedule('2026-11-20T10:00:00Z', { type: 'emergency' }).decision).toBe('approved')
    const soon = { window: { start: '2026-11-20T10:00:00Z', end: '2026-11-20T11:00:00Z' } }
    expect(evaluate(oneChange({ ...soon, status: 'draft' }, { ...soon, status: 'submitted' })).decision).toBe('approved')
    // Work under way is not being scheduled: recording its real window needs approval, not notice.
    const later = { window: { start: '2026-11-20T10:30:00Z', end: '2026-11-20T11:00:00Z' } }
    const underway = evaluate(oneChange({ ...soon, status: 'in_progress' }, { ...later, status: 'implemented' }, { reviews: approvals('ruth') }))
    expect(ruleIds(underway)).toEqual([])
  })

  it('unsatisfied: too little notice is rejected at window.start, with the earliest start allowed', () => {
    const result = schedule('2026-11-22T08:59:00Z')
    expect(result.decision).toBe('rejected')
    const violation = result.changes[0]!.violations[0]!
    expect([violation.ruleId, violation.line]).toEqual(['policy/lead-time', lineOf(changeText(), '  start:')])
    expect(violation.message).toContain('starts only 1d 23h 59m after this pull request was opened')
    expect(violation.message).toContain('Move `window.start` to 2026-11-22T09:00:00Z or later')
  })

  it('satisfied: exactly the lead time is enough', () => {
    expect(schedule('2026-11-22T09:00:00Z').decision).toBe('approved')
    expect(schedule('2026-11-22T10:00:00+01:00').decision).toBe('approved')
  })

  it('a window that starts before the pull request opened is rejected', () => {
    const result = schedule('2026-11-19T09:00:00Z')
    expect(ruleIds(result)).toEqual(['policy/lead-time'])
    expect(result.changes[0]!.violations[0]!.message).toContain('before this pull request was opened')
  })

  it('rescheduling an approved change needs the lead time again', () => {
    const result = schedule('2026-11-21T09:00:00Z', {}, { status: 'approved', window: { start: '2026-12-20T09:00:00Z', end: '2026-12-30T00:00:00Z' } })
    expect(ruleIds(result)).toEqual(['policy/lead-time'])
    expect(result.changes[0]!.requirements).toEqual([{ rule: 'owners', need: 1, have: ['ruth'], satisfied: true }])
  })

  it('error: an unreadable start or opening time cannot be cleared', () => {
    const change: ChangeFields = { window: undefined }
    const missing = evaluate(oneChange({ ...change, status: 'submitted' }, { ...change, status: 'approved' }, { reviews: approvals('ruth') }))
    expect(ruleIds(missing)).toEqual(['policy/lead-time'])
    const snapshot = snapshotOf(oneChange({ status: 'submitted' }, { status: 'approved' }, { reviews: approvals('ruth') }))
    snapshot.pr.openedAt = Number.NaN
    const result = evaluatePolicy(snapshot, new Date('2026-11-20T12:00:00Z'))
    expect(result.decision).toBe('rejected')
    expect(result.changes[0]!.violations[0]!.message).toContain('the time this pull request was opened is unknown')
  })
})
