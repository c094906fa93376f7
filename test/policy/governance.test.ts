import { describe, expect, it } from 'vitest'
import { approvals, evaluate, oldSha, oneChange, review, ruleIds, standardPolicy } from './builder.js'

describe('governance: decision table', () => {
  it('not applicable: a pull request that leaves gitsm.yaml and the schemas alone', () => {
    const result = evaluate({ files: ['README.md', 'docs/schemas/notes.md', 'services/gitsm.yaml'] })
    expect(result.decision).toBe('approved')
    expect(result.governance).toBeUndefined()
  })

  it('unsatisfied: pending, with the requirement and a violation naming the files', () => {
    const result = evaluate({ files: ['gitsm.yaml', 'schemas/change.schema.json'], reviews: approvals('alice') })
    expect(result.decision).toBe('pending')
    expect(result.governance).toEqual({
      requirements: [{ rule: '@acme/cab', need: 2, have: ['alice'], satisfied: false }],
      decision: 'pending',
      files: ['gitsm.yaml', 'schemas/change.schema.json'],
    })
    expect(result.violations.map((v) => [v.ruleId, v.file])).toEqual([['policy/governance', 'gitsm.yaml']])
    expect(result.violations[0]!.message).toContain('needs 1 more approval from @acme/cab (has @alice)')
  })

  it('satisfied: approved', () => {
    const result = evaluate({ files: ['./gitsm.yaml'], reviews: approvals('alice', 'Bob') })
    expect(result.decision).toBe('approved')
    expect(result.governance).toEqual({ requirements: [{ rule: '@acme/cab', need: 2, have: ['alice', 'Bob'], satisfied: true }], decision: 'approved', files: ['gitsm.yaml'] })
  })

  it('error: a governance team nobody knows rejects', () => {
    const result = evaluate({ files: ['gitsm.yaml'], teams: {}, reviews: approvals('alice', 'bob') })
    expect(result.decision).toBe('rejected')
    expect(result.governance!.decision).toBe('rejected')
    expect(ruleIds(result)).toEqual(['policy/governance', 'policy/unknown-team'])
  })

  it('error: a commit whose author GitHub cannot name rejects, even with the approvals', () => {
    const result = evaluate({ files: ['gitsm.yaml'], commits: [{ sha: 'f6e5d4c3b2' }], reviews: approvals('alice', 'Bob') })
    expect(result.decision).toBe('rejected')
    expect(result.governance!.decision).toBe('rejected')
    expect(ruleIds(result)).toEqual(['policy/unknown-committer'])
  })

  it('error: `owners` means nothing for governance and rejects', () => {
    const policy = 'governance:\n  - { owners: true, count: 1 }\n'
    expect(ruleIds(evaluate({ policy, files: ['gitsm.yaml'], reviews: approvals('alice') }))).toEqual(['policy/config', 'policy/governance'])
  })

  it('without `policy.governance`, or without a policy, no governance approvals are asked for', () => {
    const policy = standardPolicy.replace(/governance:\n.*\n/, '')
    expect(evaluate({ policy, files: ['gitsm.yaml'] }).governance).toEqual({ requirements: [], decision: 'approved', files: ['gitsm.yaml'] })
    expect(evaluate({ policy: null, files: ['gitsm.yaml'] }).decision).toBe('approved')
  })

  it('the same people never count: author, committers, bots, no write access, stale', () => {
    const reviews = [
      review('alice'),
      review('bob', { commit: oldSha }),
      review('carol', { association: 'CONTRIBUTOR' }),
      review('cab-bot[bot]'),
    ]
    const teams = { '@acme/cab': ['alice', 'bob', 'carol', 'cab-bot[bot]', 'alex'] }
    const result = evaluate({ files: ['gitsm.yaml'], reviews: [...reviews, review('alex')], teams })
    expect(result.governance!.requirements[0]!.have).toEqual(['alice'])
    expect(result.ignored.map((i) => i.login)).toEqual(['alex', 'bob', 'cab-bot[bot]', 'carol'])
  })

  it('the decision is the worst of governance and the changes', () => {
    const result = evaluate({ ...oneChange({ status: 'draft' }, { status: 'approved' }, { reviews: approvals('ruth') }), files: ['gitsm.yaml'] })
    expect(result.changes[0]!.decision).toBe('approved')
    expect(result.decision).toBe('pending')
  })
})
