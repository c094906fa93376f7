import { describe, expect, it } from 'vitest'
import { approvals, evaluate, oldSha, oneChange, review, ruleIds, type ChangeFields, type Scenario } from './builder.js'

const submitted: ChangeFields = { status: 'submitted' }
const approved: ChangeFields = { status: 'approved' }

/** The standard change rule asks for one approval from anyone: the simplest place to see who counts. */
const anyone = `
separation_of_duties: true
approvals:
  - match: {}
    require: [ { any: true, count: 1 } ]
`

function judge(extra: Omit<Scenario, 'changes'>, head: ChangeFields = approved, base: ChangeFields = submitted) {
  return evaluate(oneChange(base, head, { policy: anyone, ...extra }))
}

describe('who never counts', () => {
  const cases: [string, Omit<Scenario, 'changes'>, RegExp][] = [
    ['the pull request author', { author: 'Zed', reviews: approvals('zed') }, /opened the pull request/],
    ['the requester', { reviews: approvals('Dana') }, /requested CHG-0042/],
    ['a commit author', { commits: [{ sha: 'a', author: 'zed', committer: 'alex' }], reviews: approvals('ZED') }, /authored or committed/],
    ['a committer', { commits: [{ sha: 'a', author: 'alex', committer: 'zed' }], reviews: approvals('zed') }, /authored or committed/],
    ['a bot by type', { reviews: [review('helper', { bot: true })] }, /bots never count/],
    ['a bot by login', { reviews: [review('renovate[bot]')] }, /bots never count/],
    ['a contributor without write access', { reviews: [review('zed', { association: 'CONTRIBUTOR' })] }, /no write access/],
    ['a reviewer with no association', { reviews: [review('zed', { association: 'NONE' })] }, /no write access/],
    ['a stale approval', { reviews: [review('zed', { commit: oldSha })] }, /not on the head commit/],
    ['the implementer', { reviews: approvals('erik') }, /implement CHG-0042/],
  ]
  for (const [who, scenario, reason] of cases) {
    it(`${who}: ignored with the reason`, () => {
      const result = judge(scenario)
      expect(result.decision).toBe('pending')
      expect(result.changes[0]!.requirements[0]!.have).toEqual([])
      expect(result.ignored).toHaveLength(1)
      expect(result.ignored[0]!.reason).toMatch(reason)
    })
  }

  it('the reasons appear in the message when they matter', () => {
    const result = judge({ reviews: approvals('dana') })
    expect(result.changes[0]!.violations[0]!.message).toContain("@dana's approval does not count: they requested CHG-0042.")
  })

  it('a requester or implementer edited away in the pull request still does not count', () => {
    const head: ChangeFields = { ...approved, requested_by: '@zoe', implementer: '@yann' }
    expect(judge({ reviews: approvals('dana') }, head).decision).toBe('pending')
    expect(judge({ reviews: approvals('erik') }, head).decision).toBe('pending')
    expect(judge({ reviews: approvals('zoe') }, head).decision).toBe('pending')
  })

  it('without separation of duties the implementer counts, the requester and author still do not', () => {
    const policy = anyone.replace('separation_of_duties: true', 'separation_of_duties: false')
    expect(evaluate(oneChange(submitted, approved, { policy, reviews: approvals('erik') })).decision).toBe('approved')
    expect(evaluate(oneChange(submitted, approved, { policy, reviews: approvals('dana') })).decision).toBe('pending')
    expect(evaluate(oneChange(submitted, approved, { policy, reviews: approvals('alex') })).decision).toBe('pending')
  })

  it('separation of duties is on by default', () => {
    const policy = anyone.replace('separation_of_duties: true\n', '')
    expect(evaluate(oneChange(submitted, approved, { policy, reviews: approvals('erik') })).decision).toBe('pending')
  })

  it('members of an implementing team do not count; an implementing team nobody knows rejects', () => {
    const head: ChangeFields = { ...approved, implementer: '@acme/data' }
    expect(judge({ reviews: approvals('dora') }, head, { ...submitted, implementer: '@acme/data' }).decision).toBe('pending')
    const unknown = judge({ reviews: approvals('zed') }, { ...approved, implementer: '@acme/ghosts' }, { ...submitted, implementer: '@acme/ghosts' })
    expect(unknown.decision).toBe('rejected')
    expect(ruleIds(unknown)).toEqual(['policy/unknown-team'])
  })

  it('stale approvals count with `stale_approvals: keep`', () => {
    const policy = `${anyone}stale_approvals: keep\n`
    expect(evaluate(oneChange(submitted, approved, { policy, reviews: [review('zed', { commit: oldSha })] })).decision).toBe('approved')
  })

  it('commit ids compare case-insensitively', () => {
    expect(judge({ reviews: [review('zed', { commit: review('x').commitId.toUpperCase() })] }).decision).toBe('approved')
  })
})

describe('which review of a reviewer counts', () => {
  const t = (minute: number): string => `2026-11-20T10:${String(minute).padStart(2, '0')}:00Z`

  it('the latest deciding review: approve after a change request counts', () => {
    const reviews = [review('zed', { state: 'CHANGES_REQUESTED', at: t(1) }), review('zed', { at: t(2) })]
    expect(judge({ reviews }).decision).toBe('approved')
  })

  it('a change request after an approval stands, blocks, and names who', () => {
    const reviews = [review('zed', { at: t(1) }), review('Zed', { state: 'CHANGES_REQUESTED', at: t(2) })]
    const result = judge({ reviews })
    expect(result.decision).toBe('pending')
    expect(result.violations.map((v) => v.ruleId)).toEqual(['policy/changes-requested'])
    expect(result.violations[0]!.message).toMatch(/^@Zed requested changes/)
  })

  it('a dismissed approval does not count', () => {
    const reviews = [review('zed', { at: t(1) }), review('zed', { state: 'DISMISSED', at: t(2) })]
    expect(judge({ reviews }).decision).toBe('pending')
  })

  it('comments and pending reviews change nothing', () => {
    const reviews = [review('zed', { at: t(1) }), review('zed', { state: 'COMMENTED', at: t(2) }), review('zed', { state: 'PENDING', at: t(3) })]
    expect(judge({ reviews }).decision).toBe('approved')
    const blocked = [review('zed', { state: 'CHANGES_REQUESTED', at: t(1) }), review('zed', { state: 'COMMENTED', at: t(2) })]
    expect(judge({ reviews: blocked }).decision).toBe('pending')
  })

  it('equal times are ordered by id, whatever the input order', () => {
    const a = review('zed', { at: t(1), id: 5 })
    const b = review('zed', { state: 'CHANGES_REQUESTED', at: t(1), id: 6 })
    expect(judge({ reviews: [a, b] }).decision).toBe('pending')
    expect(judge({ reviews: [b, a] }).decision).toBe('pending')
  })

  it('a change request from someone without write access does not block', () => {
    const reviews = [review('zed'), review('drive-by', { state: 'CHANGES_REQUESTED', association: 'NONE' })]
    expect(judge({ reviews }).decision).toBe('approved')
  })

  it('a stale change request still blocks: a push does not answer it', () => {
    const reviews = [review('zed'), review('yann', { state: 'CHANGES_REQUESTED', commit: oldSha })]
    expect(judge({ reviews }).decision).toBe('pending')
  })

  it('a change request even blocks a change that needs no approval, but not a pull request the policy has no say in', () => {
    const reviews = [review('yann', { state: 'CHANGES_REQUESTED' })]
    expect(evaluate(oneChange({ status: 'approved' }, { status: 'in_progress' }, { reviews })).decision).toBe('pending')
    expect(evaluate({ reviews, files: ['README.md'] }).decision).toBe('approved')
  })
})

describe('a commit by an identity GitHub cannot name', () => {
  const unlinked = [{ sha: 'a1b2c3d4e5', author: 'alex', committer: 'alex' }, { sha: 'f6e5d4c3b2' }]

  it('rejects a change that needs approvals, whoever approved: the approver may have written it', () => {
    const result = judge({ commits: unlinked, reviews: approvals('zed') })
    expect(result.decision).toBe('rejected')
    expect(ruleIds(result)).toContain('policy/unknown-committer')
    expect(result.changes[0]!.violations.find((v) => v.ruleId === 'policy/unknown-committer')!.message).toMatch(/f6e5d4c/)
  })

  it('does not matter when the pull request needs no approvals', () => {
    expect(judge({ commits: unlinked }, { status: 'draft' }, { status: 'draft' }).decision).toBe('approved')
  })

  it('is fine once every commit has a known author and committer', () => {
    expect(judge({ commits: [{ sha: 'a', author: 'alex', committer: 'web-flow' }], reviews: approvals('zed') }).decision).toBe('approved')
  })
})
