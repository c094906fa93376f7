import { describe, expect, it } from 'vitest'
import { explainTransition, lifecycle, statuses, type Status } from '../../src/policy/index.js'
import { approvals, changeText, evaluate, lineOf, oneChange, review, type ChangeFields } from './builder.js'

// The table, written out independently of the source: Y legal, N illegal. Columns in `statuses` order:
// draft submitted approved in_progress implemented failed rolled_back closed cancelled
const expected: Record<Status | 'new', string> = {
  new: 'Y Y Y N N N N N N',
  draft: 'Y Y Y N N N N N Y',
  submitted: 'Y Y Y N N N N N Y',
  approved: 'Y Y Y Y Y Y Y N Y',
  in_progress: 'N N N Y Y Y Y N N',
  implemented: 'N N N N Y Y Y Y N',
  failed: 'N N N N Y Y Y Y N',
  rolled_back: 'N N N N Y Y Y Y N',
  closed: 'N N N N N N N Y N',
  cancelled: 'N N N N N N N N Y',
}

const review_ = { outcome: 'successful', completed_at: '2026-12-04T09:00:00+01:00' }

/** A version of the change with `status`, valid for it (a review where a closed change needs one). */
function at(status: Status): ChangeFields {
  return { status, ...(status === 'closed' ? { review: review_ } : {}) }
}

/** Enough approvals for the default change (normal, low risk, owner @ruth), so only the transition can fail. */
const satisfied = { reviews: approvals('ruth') }

describe('lifecycle table', () => {
  it('matches the documented table', () => {
    for (const [from, row] of Object.entries(expected)) {
      const legal = statuses.filter((_, i) => row.split(' ')[i] === 'Y')
      expect([...lifecycle[from as Status | 'new']].sort(), from).toEqual([...legal].sort())
    }
  })

  for (const [from, row] of Object.entries(expected) as [Status | 'new', string][]) {
    statuses.forEach((to, i) => {
      const legal = row.split(' ')[i] === 'Y'
      it(`${from} -> ${to}: ${legal ? 'legal' : 'illegal'}`, () => {
        const base = from === 'new' ? null : at(from)
        const result = evaluate(oneChange(base, at(to), satisfied), '2026-11-20T12:00:00Z')
        const verdict = result.changes[0]!
        expect(verdict.transition).toEqual({ from: from === 'new' ? null : from, to })
        const transitions = verdict.violations.filter((v) => v.ruleId === 'policy/transition')
        if (legal) {
          expect(transitions).toEqual([])
          expect(explainTransition(from, to)).toBeUndefined()
        } else {
          expect(transitions).toHaveLength(1)
          expect(transitions[0]!.line).toBe(lineOf(changeText(at(to)), 'status:'))
          expect(transitions[0]!.column).toBe('status: '.length + 1)
          expect(verdict.decision).toBe('rejected')
        }
      })
    })
  }

  it('a deleted change is a violation at its base file, whatever its status', () => {
    for (const status of statuses) {
      const result = evaluate(oneChange(at(status), null))
      const verdict = result.changes[0]!
      expect(verdict.transition).toEqual({ from: status, to: null })
      expect(verdict.violations.map((v) => [v.ruleId, v.file, v.line])).toEqual([['policy/deleted', 'changes/CHG-0042.yaml', 2]])
      expect(verdict.decision).toBe('rejected')
    }
  })

  it('an unknown target status is illegal, and says which statuses exist', () => {
    const verdict = evaluate(oneChange(at('draft'), { status: 'aproved' })).changes[0]!
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['policy/transition'])
    expect(verdict.violations[0]!.message).toContain('draft, submitted, approved')
  })

  it('an unreadable base status earns no trust: the change is judged as new', () => {
    const started = evaluate(oneChange({ status: 'bogus' }, at('in_progress'), satisfied)).changes[0]!
    expect(started.violations.map((v) => v.ruleId)).toEqual(['policy/transition'])
    const approving = evaluate(oneChange({ status: 'bogus' }, at('approved'))).changes[0]!
    expect(approving.violations.map((v) => v.ruleId)).toEqual(['policy/approvals'])
  })

  it('reaching approved needs approvals, new or not; other legal moves need none', () => {
    expect(evaluate(oneChange(null, at('approved'))).decision).toBe('pending')
    expect(evaluate(oneChange(at('draft'), at('approved'))).decision).toBe('pending')
    expect(evaluate(oneChange(at('draft'), at('approved'), satisfied)).decision).toBe('approved')
    expect(evaluate(oneChange(at('approved'), at('in_progress'))).decision).toBe('approved')
    expect(evaluate(oneChange(at('approved'), at('submitted'))).decision).toBe('approved')
  })

  it('messages say what to do', () => {
    const skip = evaluate(oneChange(at('draft'), at('in_progress'), satisfied)).changes[0]!.violations[0]!
    expect(skip.message).toContain('only after it is approved')
    const final = evaluate(oneChange(at('closed'), at('in_progress'))).changes[0]!.violations[0]!
    expect(final.message).toContain('closed is final')
    const late = evaluate(oneChange(at('in_progress'), at('cancelled'))).changes[0]!.violations[0]!
    expect(late.message).toContain('Record the outcome instead')
    // A standing change request from a reviewer does not hide the transition problem.
    const both = evaluate(oneChange(at('draft'), at('implemented'), { reviews: [review('carol', { state: 'CHANGES_REQUESTED' })] }))
    expect(both.decision).toBe('rejected')
  })
})
