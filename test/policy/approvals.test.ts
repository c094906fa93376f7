import { describe, expect, it } from 'vitest'
import { approvals, changeText, evaluate, expectWellFormed, lineOf, oneChange, review, ruleIds, type ChangeFields } from './builder.js'

const submitted: ChangeFields = { status: 'submitted' }
const approved: ChangeFields = { status: 'approved' }

describe('approvals: decision table', () => {
  it('not applicable: a pull request that approves nothing needs no approvals', () => {
    const result = evaluate(oneChange(submitted, { status: 'submitted', plan: 'A new plan.' }))
    expect(result.decision).toBe('approved')
    expect(result.changes[0]!.requirements).toEqual([])
  })

  it('unsatisfied: pending, with the requirement, and a violation at `status`', () => {
    const result = evaluate(oneChange(submitted, approved))
    expectWellFormed(result)
    const verdict = result.changes[0]!
    expect(result.decision).toBe('pending')
    expect(verdict.decision).toBe('pending')
    expect(verdict.requirements).toEqual([{ rule: 'owners', need: 1, have: [], satisfied: false }])
    expect(verdict.violations.map((v) => [v.ruleId, v.line, v.column])).toEqual([['policy/approvals', lineOf(changeText(approved), 'status:'), 9]])
    expect(verdict.violations[0]!.message).toContain('needs 1 approval from an owner of reports (@ruth) (has none)')
  })

  it('satisfied: approved, with who counted', () => {
    const result = evaluate(oneChange(submitted, approved, { reviews: approvals('ruth') }))
    expect(result.decision).toBe('approved')
    expect(result.changes[0]!.requirements).toEqual([{ rule: 'owners', need: 1, have: ['ruth'], satisfied: true }])
    expect(result.changes[0]!.violations).toEqual([])
  })

  it('error: no rule matches the change, a configuration gap, rejected', () => {
    const policy = 'approvals:\n  - match: { type: emergency }\n    require: [ { any: true, count: 1 } ]\n'
    const result = evaluate(oneChange(submitted, approved, { policy, reviews: approvals('ruth') }))
    expect(result.decision).toBe('rejected')
    expect(ruleIds(result)).toEqual(['policy/no-rule'])
    expect(result.changes[0]!.violations[0]!.message).toMatch(/no rule of `policy.approvals` matches a normal change of effective risk low/)
  })

  it('error: no policy section at all: every approval is rejected, and the message says to add policy.approvals', () => {
    const result = evaluate(oneChange(submitted, approved, { policy: null, reviews: approvals('ruth') }))
    expect(result.decision).toBe('rejected')
    expect(ruleIds(result)).toEqual(['policy/no-rule'])
    expect(result.changes[0]!.violations[0]!.message).toContain('`policy.approvals`')
    // ...while a pull request that approves nothing is still fine without a policy.
    expect(evaluate(oneChange(submitted, { status: 'cancelled' }, { policy: null })).decision).toBe('approved')
  })

  it('error: a policy without approvals rules rejects every approval', () => {
    const result = evaluate(oneChange(submitted, approved, { policy: 'lead_time: { normal: 1h }\n', reviews: approvals('ruth') }))
    expect(ruleIds(result)).toEqual(['policy/no-rule'])
  })

  it('error: a team the snapshot does not know is never satisfied, and rejects', () => {
    const teams = { '@acme/payments': ['pat'], '@acme/data': ['dora'] }
    const change: ChangeFields = { risk: 'high' }
    const result = evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { teams, reviews: approvals('alice', 'bob', 'ruth') }))
    expect(result.decision).toBe('rejected')
    expect(ruleIds(result)).toEqual(['policy/approvals', 'policy/unknown-team'])
    const unknown = result.changes[0]!.violations.find((v) => v.ruleId === 'policy/unknown-team')!
    expect(unknown.file).toBe('gitsm.yaml')
    expect(unknown.path).toEqual(['policy', 'approvals', 0, 'require', 0])
    expect(result.changes[0]!.requirements[0]).toEqual({ rule: '@acme/cab', need: 2, have: [], satisfied: false })
  })

  it('error: an owning team the snapshot does not know is reported at the service', () => {
    const teams = { '@acme/cab': ['alice'] }
    const change: ChangeFields = { services: ['reports', 'payments-api'] }
    const result = evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { teams, reviews: approvals('ruth') }))
    expect(result.decision).toBe('rejected')
    const unknown = result.changes[0]!.violations.find((v) => v.ruleId === 'policy/unknown-team')!
    expect(unknown.path).toEqual(['services', 1])
    expect(unknown.message).toContain('@acme/payments')
  })
})

describe('approvals: when they are needed', () => {
  const material: [string, ChangeFields][] = [
    ['window', { window: { start: '2026-12-10T22:00:00+01:00', end: '2026-12-11T01:00:00+01:00' } }],
    ['plan', { plan: 'A different plan.' }],
    ['rollback_plan', { rollback_plan: 'Another way back.' }],
    ['services', { services: ['reports', 'postgres-main'] }],
    ['risk', { risk: 'medium' }],
    ['type', { type: 'emergency' }],
  ]
  for (const base of ['approved', 'in_progress'] as const) {
    for (const [field, edit] of material) {
      it(`editing ${field} of a change ${base} at the base needs approval, reported at the field`, () => {
        const head = { ...edit, status: base === 'approved' ? 'approved' : 'implemented' }
        const result = evaluate(oneChange({ status: base }, head))
        const verdict = result.changes[0]!
        expect(verdict.decision).toBe('pending')
        const violation = verdict.violations.find((v) => v.ruleId === 'policy/approvals')!
        // An edited window is pointed at inside: the first of its fields that changed.
        expect(violation.line).toBe(lineOf(changeText(head), field === 'window' ? '  start:' : `${field}:`))
        expect(violation.message).toContain(`edits its ${field.replace('_', ' ')}`)
      })
    }
  }

  it('a deep edit inside the window counts; an equal value does not', () => {
    const window = { start: '2026-12-03T22:00:00+01:00', end: '2026-12-04T02:00:00+01:00' }
    expect(evaluate(oneChange(approved, { ...approved, window })).decision).toBe('pending')
    expect(evaluate(oneChange(approved, { ...approved, window: { ...{ start: '2026-12-03T22:00:00+01:00', end: '2026-12-04T01:00:00+01:00' } } })).decision).toBe('approved')
  })

  it('other edits of an approved change need none', () => {
    const result = evaluate(oneChange(approved, { ...approved, title: 'A better title', implementer: '@erin' }))
    expect(result.decision).toBe('approved')
    expect(result.changes[0]!.requirements).toEqual([])
  })

  it('a change withdrawn or cancelled keeps no approval, so editing it while doing so needs none', () => {
    for (const status of ['draft', 'submitted', 'cancelled']) {
      expect(evaluate(oneChange(approved, { status, plan: 'Changed.' })).decision, status).toBe('approved')
    }
  })

  it('edits of a change that has finished need none', () => {
    expect(evaluate(oneChange({ status: 'implemented' }, { status: 'implemented', plan: 'As carried out.' })).decision).toBe('approved')
  })

  it('a new change that starts approved needs approval', () => {
    expect(evaluate(oneChange(null, approved)).changes[0]!.requirements).toEqual([{ rule: 'owners', need: 1, have: [], satisfied: false }])
  })
})

describe('approvals: effective risk and the matching rule', () => {
  const highFloor = `
risk_floor: { 1: high }
approvals:
  - match: { risk: [high, critical] }
    require: [ { team: "@acme/cab", count: 1 } ]
  - match: {}
    require: [ { owners: true, count: 1 } ]
`
  it('a low risk on a tier-1 service is raised by the floor', () => {
    const change: ChangeFields = { services: ['payments-api'], risk: 'low' }
    const result = evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { policy: highFloor }))
    expect(result.changes[0]!.requirements.map((r) => r.rule)).toEqual(['@acme/cab'])
    expect(result.changes[0]!.violations[0]!.message).toContain('raised from low by `policy.risk_floor`')
  })

  it('the floor of every tier touched applies, and the declared risk wins when higher', () => {
    const policy = `
risk_floor: { 1: low, 2: high }
approvals:
  - match: { risk: high }
    require: [ { team: "@acme/cab", count: 1 } ]
  - match: {}
    require: [ { owners: true, count: 1 } ]
`
    const rule = (change: ChangeFields): string[] => evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { policy })).changes[0]!.requirements.map((r) => r.rule)
    expect(rule({ services: ['payments-api', 'postgres-main'], risk: 'low' })).toEqual(['@acme/cab'])
    expect(rule({ services: ['reports'], risk: 'low' })).toEqual(['owners'])
    expect(rule({ services: ['reports'], risk: 'high' })).toEqual(['@acme/cab'])
  })

  it('tiers come from the base catalog, even if the pull request lowers them', () => {
    const result = evaluate({
      ...oneChange({ services: ['payments-api'], ...submitted }, { services: ['payments-api'], ...approved }, { policy: highFloor }),
      newServices: { 'payments-api': { owner: '@ruth', tier: 4 } },
    })
    expect(result.changes[0]!.requirements.map((r) => r.rule)).toEqual(['@acme/cab'])
  })

  it('a service new in this pull request is judged by its head version', () => {
    const change: ChangeFields = { services: ['ledger'] }
    const result = evaluate({ ...oneChange(null, { ...change, ...approved }, { policy: highFloor, reviews: approvals('alice') }), newServices: { ledger: { owner: '@lena', tier: 1 } } })
    expect(result.changes[0]!.requirements).toEqual([{ rule: '@acme/cab', need: 1, have: ['alice'], satisfied: true }])
    expect(result.decision).toBe('approved')
  })

  it('a service in no catalog rejects: its tier and owner are unknown', () => {
    const result = evaluate(oneChange(null, { services: ['reports', 'nope'], ...approved }, { reviews: approvals('ruth') }))
    expect(result.decision).toBe('rejected')
    const violation = result.changes[0]!.violations.find((v) => v.ruleId === 'policy/unknown-service')!
    expect(violation.path).toEqual(['services', 1])
  })

  it('an undeclared risk reads as low; a risk that is not one reads as critical', () => {
    const rules = (risk: string | undefined): string[] =>
      evaluate(oneChange(null, { ...approved, risk: risk as string })).changes[0]!.requirements.map((r) => r.rule)
    expect(rules(undefined)).toEqual(['owners'])
    expect(rules('extreme')).toEqual(['@acme/cab', 'owners'])
  })

  it('the first matching rule wins', () => {
    const result = evaluate(oneChange(submitted, { ...approved, risk: 'critical' }))
    expect(result.changes[0]!.requirements.map((r) => [r.rule, r.need])).toEqual([['@acme/cab', 2], ['owners', 1]])
  })
})

describe('approvals: each approver counts toward one requirement', () => {
  const policy = `
approvals:
  - match: {}
    require: [ { any: true, count: 1 }, { owners: true, count: 1 } ]
`
  it('one person who fits two requirements fills only one', () => {
    const result = evaluate(oneChange(submitted, approved, { policy, reviews: approvals('ruth') }))
    expect(result.decision).toBe('pending')
    expect(result.changes[0]!.requirements.map((r) => r.satisfied).sort()).toEqual([false, true])
  })

  it('the assignment is a maximum matching, not first come first served', () => {
    // ruth sorts before zed and fits `any` first; only moving her to `owners` lets zed fill `any`.
    const result = evaluate(oneChange(submitted, approved, { policy, reviews: approvals('zed', 'ruth') }))
    expect(result.decision).toBe('approved')
    expect(result.changes[0]!.requirements).toEqual([
      { rule: 'any', need: 1, have: ['zed'], satisfied: true },
      { rule: 'owners', need: 1, have: ['ruth'], satisfied: true },
    ])
  })

  it('CAB members who are also owners count once, and the message says so', () => {
    const teams = { '@acme/cab': ['alice', 'bob', 'pat'], '@acme/payments': ['pat'] }
    const change: ChangeFields = { services: ['payments-api'], risk: 'high' }
    const result = evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { teams, reviews: approvals('alice', 'pat') }))
    expect(result.decision).toBe('pending')
    const message = result.changes[0]!.violations[0]!.message
    expect(message).toContain('needs 1 more approval from @acme/cab (has @alice)')
    expect(message).toContain('@pat already counts toward an owner of payments-api (@acme/payments)')
    expect(evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { teams, reviews: approvals('alice', 'bob', 'pat') })).decision).toBe('approved')
  })

  it('owners of several services: an owner of any of them counts, a team owner through its members', () => {
    const change: ChangeFields = { services: ['reports', 'postgres-main'] }
    for (const login of ['ruth', 'dora', 'DORA']) {
      expect(evaluate(oneChange({ ...change, ...submitted }, { ...change, ...approved }, { reviews: approvals(login) })).decision, login).toBe('approved')
    }
  })

  it('approvers no requirement asks for are named as ignored', () => {
    const result = evaluate(oneChange(submitted, approved, { reviews: approvals('zoe') }))
    expect(result.ignored).toEqual([{ login: 'zoe', reason: expect.stringContaining('not among those CHG-0042 needs approval from') }])
    expect(result.changes[0]!.violations[0]!.message).toContain("@zoe's approval does not count")
  })

  it('a huge count costs nothing and is simply unmet', () => {
    const big = `approvals:\n  - match: {}\n    require: [ { any: true, count: 1000000 } ]\n`
    const result = evaluate(oneChange(submitted, approved, { policy: big, reviews: [review('ruth'), review('zed')] }))
    expect(result.changes[0]!.requirements).toEqual([{ rule: 'any', need: 1000000, have: ['ruth', 'zed'], satisfied: false }])
  })
})
