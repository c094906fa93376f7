import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { defineClause, evaluatePolicy, policyClauses, teamsNeeded } from '../../src/policy/index.js'
import { approvals, changeText, defaultNow, evaluate, oneChange, recordOf, ruleIds, serviceText, snapshotOf } from './builder.js'

const now = new Date(defaultNow)

function schemaError(file: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { ruleId: 'schema/required', severity, message: 'A Change needs `title`.', file, line: 1, column: 1 }
}

describe('evaluatePolicy', () => {
  it('a pull request with no change records and no policy files is approved', () => {
    const result = evaluate({ files: ['README.md', 'services/reports.yaml'] })
    expect(result).toEqual({ decision: 'approved', changes: [], ignored: [], violations: [] })
  })

  it('a head record that does not parse is a violation of its change, not a deletion', () => {
    const snapshot = snapshotOf({ changes: [{ base: { status: 'approved' }, head: null }], headDiagnostics: [schemaError('changes/CHG-0042.yaml', 'warning')] })
    const result = evaluatePolicy(snapshot, now)
    expect(result.decision).toBe('rejected')
    expect(result.changes[0]!.transition).toEqual({ from: 'approved', to: null })
    expect(result.changes[0]!.violations.map((v) => [v.ruleId, v.severity])).toEqual([['schema/required', 'error']])
  })

  it('a new file that does not parse at all still gets a verdict', () => {
    const snapshot = snapshotOf({ changes: [{ file: 'changes/CHG-0077.yaml', base: null, head: null }], headDiagnostics: [schemaError('changes/CHG-0077.yaml')] })
    const result = evaluatePolicy(snapshot, now)
    expect(result.changes.map((c) => [c.id, c.decision])).toEqual([['CHG-0077', 'rejected']])
    expect(result.violations).toEqual([])
  })

  it('head problems in files that are not changes are violations of the pull request', () => {
    const result = evaluate({ files: ['services/new.yaml'], headDiagnostics: [schemaError('services/new.yaml')] })
    expect(result.decision).toBe('rejected')
    expect(result.violations.map((v) => v.file)).toEqual(['services/new.yaml'])
  })

  it('a head problem of a change rejects it even when it is otherwise approved', () => {
    const result = evaluate({ ...oneChange({ status: 'submitted' }, { status: 'approved' }, { reviews: approvals('ruth') }), headDiagnostics: [schemaError('changes/CHG-0042.yaml')] })
    expect(result.changes[0]!.requirements[0]!.satisfied).toBe(true)
    expect(result.changes[0]!.decision).toBe('rejected')
  })

  it('a renamed file is the same change moved, not a deletion', () => {
    const result = evaluate({
      changes: [
        { file: 'changes/CHG-0042.yaml', base: { status: 'approved' }, head: null },
        { file: 'changes/CHG-0042-upgrade-reports.yaml', base: null, head: { status: 'in_progress' } },
      ],
    })
    expect(result.changes.map((c) => [c.id, c.file, c.transition.from, c.transition.to, c.decision])).toEqual([
      ['CHG-0042', 'changes/CHG-0042-upgrade-reports.yaml', 'approved', 'in_progress', 'approved'],
    ])
  })

  it('a file whose id changes is a deletion plus a new change', () => {
    const result = evaluate(oneChange({ status: 'approved' }, { status: 'approved', id: 'CHG-0043' }))
    expect(result.changes.map((c) => [c.id, c.transition.from, c.transition.to, c.decision]).sort()).toEqual([
      ['CHG-0042', 'approved', null, 'rejected'],
      ['CHG-0043', null, 'approved', 'pending'],
    ])
  })

  it('a second head record with the id of an approved change inherits nothing', () => {
    const result = evaluate({
      changes: [
        { file: 'changes/CHG-0042.yaml', base: { status: 'approved' }, head: { status: 'approved' } },
        { file: 'changes/CHG-0042-copy.yaml', base: null, head: { status: 'approved', plan: 'Something else.' } },
      ],
    })
    expect(result.changes.map((c) => [c.file, c.transition.from, c.decision])).toEqual([
      ['changes/CHG-0042-copy.yaml', null, 'pending'],
      ['changes/CHG-0042.yaml', 'approved', 'approved'],
    ])
  })

  it('a record whose kind is edited away from Change counts as deleted', () => {
    const snapshot = snapshotOf(oneChange({ status: 'draft' }, null))
    const change = snapshot.changes[0] as { head: unknown }
    change.head = recordOf('changes/CHG-0042.yaml', serviceText('chg-0042', { owner: '@ruth', tier: 3 }))
    expect(ruleIds(evaluatePolicy(snapshot, now))).toEqual(['policy/deleted'])
  })

  it('the decision is the worst of all changes', () => {
    const result = evaluate({
      changes: [
        { file: 'changes/CHG-0001.yaml', base: { id: 'CHG-0001', status: 'draft' }, head: { id: 'CHG-0001', status: 'submitted' } },
        { file: 'changes/CHG-0002.yaml', base: { id: 'CHG-0002', status: 'submitted' }, head: { id: 'CHG-0002', status: 'approved' } },
        { file: 'changes/CHG-0003.yaml', base: { id: 'CHG-0003', status: 'closed' }, head: { id: 'CHG-0003', status: 'draft' } },
      ],
    })
    expect(result.changes.map((c) => c.decision)).toEqual(['approved', 'pending', 'rejected'])
    expect(result.decision).toBe('rejected')
  })

  it('positions point at the head record, and at the base one for a deletion', () => {
    const result = evaluate(oneChange({ status: 'approved' }, null))
    const violation = result.changes[0]!.violations[0]!
    expect([violation.file, violation.line, violation.column, violation.endLine, violation.endColumn]).toEqual(['changes/CHG-0042.yaml', 2, 5, 2, 13])
    expect(changeText().split('\n')[1]).toBe('id: CHG-0042')
  })

  it('a policy the engine cannot read rejects, rather than being skipped', () => {
    const snapshot = snapshotOf({ files: ['README.md'] })
    snapshot.base.config.policy = { stale_approvals: 'sometimes', freeze: [{ name: 'x', start: '2026-02-30T00:00:00Z', end: 'never' }] }
    const result = evaluatePolicy(snapshot, now)
    expect(result.decision).toBe('rejected')
    expect(result.violations.map((v) => [v.ruleId, v.file, v.path])).toEqual([
      ['policy/config', 'gitsm.yaml', ['policy', 'freeze', 0]],
      ['policy/config', 'gitsm.yaml', ['policy', 'stale_approvals']],
    ])
  })

  it('a clause that throws fails closed, naming itself', () => {
    const broken = defineClause({ id: 'policy/broken', description: 'throws', check: () => { throw new Error('boom') } })
    const result = evaluatePolicy(snapshotOf(oneChange({ status: 'draft' }, { status: 'submitted' })), now, { clauses: [...policyClauses, broken] })
    expect(result.decision).toBe('rejected')
    expect(result.changes[0]!.violations.map((v) => v.ruleId)).toEqual(['policy/internal-error'])
    expect(result.changes[0]!.violations[0]!.message).toContain('policy/broken')
  })

  it('an invalid "now" is a programming error', () => {
    expect(() => evaluatePolicy(snapshotOf({}), new Date('nope'))).toThrow(TypeError)
  })

  it('does not change the snapshot', () => {
    const snapshot = snapshotOf(oneChange({ status: 'submitted' }, { status: 'approved' }, { reviews: approvals('ruth', 'zed') }))
    const before = JSON.stringify(snapshot, (_, v: unknown) => (v instanceof Map ? [...v.entries()] : v))
    evaluatePolicy(snapshot, now)
    expect(JSON.stringify(snapshot, (_, v: unknown) => (v instanceof Map ? [...v.entries()] : v))).toBe(before)
  })
})

describe('teamsNeeded', () => {
  it('lists the policy teams, the owning teams of the services named, and implementing teams', () => {
    const snapshot = snapshotOf({
      changes: [{ base: { status: 'submitted', implementer: '@acme/Platform' }, head: { status: 'approved', services: ['payments-api', 'reports'], implementer: '@erik' } }],
    })
    expect(teamsNeeded(snapshot)).toEqual(['@acme/cab', '@acme/ecab', '@acme/payments', '@acme/platform'])
  })

  it('the teams it lists are all the evaluation needs', () => {
    const scenarios = [
      oneChange({ status: 'submitted', services: ['postgres-main'], risk: 'high' }, { status: 'approved', services: ['postgres-main'], risk: 'high', implementer: '@acme/data' }, { reviews: approvals('alice', 'bob', 'dora') }),
      { ...oneChange({ status: 'approved' }, { status: 'approved', type: 'emergency' }, { reviews: approvals('erin') }), files: ['gitsm.yaml'] },
    ]
    for (const scenario of scenarios) {
      const snapshot = snapshotOf(scenario)
      const full = evaluatePolicy(snapshot, now)
      const needed = new Set(teamsNeeded(snapshot))
      snapshot.teams = new Map([...snapshot.teams].filter(([team]) => needed.has(team.toLowerCase())))
      expect(evaluatePolicy(snapshot, now)).toEqual(full)
    }
  })
})
