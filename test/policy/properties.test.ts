import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PolicyDecision, PolicyResult, PolicySnapshot, Review } from '../../src/model/policy.js'
import { evaluatePolicy } from '../../src/policy/index.js'
import { defaultNow, headSha, oldSha, review, snapshotOf, type ChangeFields } from './builder.js'

const now = new Date(defaultNow)
const rank: Record<PolicyDecision, number> = { approved: 0, pending: 1, rejected: 2 }

/** People who may count: CAB members, payments owners, an outsider; in several spellings. */
const eligible = ['alice', 'bob', 'carol', 'pat', 'paula', 'zed', 'Alice', 'BOB']
/** People who never count on these scenarios: the author, the requester, a committer, the implementer, bots. */
const excluded = ['alex', 'ALEX', 'dana', 'Dana', 'cora', 'erik', 'renovate[bot]']

/**
 * A high-risk change to a tier-1 service (two CAB approvals and an owner), an edit of the policy (two CAB
 * approvals), and a change moving on without needing any: every requirement kind and governance at once.
 */
function scenario(reviews: Review[]): PolicySnapshot {
  const high: ChangeFields = { services: ['payments-api', 'reports'], risk: 'high' }
  return snapshotOf({
    changes: [
      { file: 'changes/CHG-0042.yaml', base: { ...high, status: 'submitted' }, head: { ...high, status: 'approved' } },
      { file: 'changes/CHG-0043.yaml', base: { id: 'CHG-0043', status: 'approved' }, head: { id: 'CHG-0043', status: 'in_progress' } },
    ],
    files: ['gitsm.yaml'],
    commits: [{ sha: headSha, author: 'alex', committer: 'cora' }],
    reviews,
  })
}

const times = ['2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z', '2026-11-20T10:10:00Z']

const reviewArb = (logins: readonly string[]) =>
  fc.record({
    login: fc.constantFrom(...logins),
    state: fc.constantFrom<Review['state']>('APPROVED', 'APPROVED', 'CHANGES_REQUESTED', 'DISMISSED', 'COMMENTED', 'PENDING'),
    commitId: fc.constantFrom(headSha, headSha, oldSha),
    submittedAt: fc.constantFrom(...times),
    authorAssociation: fc.constantFrom('MEMBER', 'OWNER', 'COLLABORATOR', 'CONTRIBUTOR', 'NONE'),
    isBot: fc.constant(false),
  })

/** Reviews with distinct ids (equal times are frequent, so ids decide often). */
const reviewsArb = (logins: readonly string[], maxLength = 12) =>
  fc.array(reviewArb(logins), { maxLength }).map((list) => list.map((r, i): Review => ({ ...r, id: 100 + i })))

function evaluate(reviews: Review[]): PolicyResult {
  return evaluatePolicy(scenario(reviews), now)
}

function outcome(result: PolicyResult): unknown {
  return {
    decision: result.decision,
    changes: result.changes.map((c) => [c.decision, c.requirements, c.violations.map((v) => v.ruleId)]),
    governance: result.governance,
    violations: result.violations.map((v) => v.ruleId),
  }
}

function counted(result: PolicyResult): string[] {
  return [...result.changes.flatMap((c) => c.requirements), ...(result.governance?.requirements ?? [])].flatMap((r) => r.have).map((l) => l.toLowerCase())
}

describe('policy properties', () => {
  it('review order does not matter', () => {
    fc.assert(
      fc.property(
        reviewsArb([...eligible, ...excluded]).chain((reviews) => fc.tuple(fc.constant(reviews), fc.shuffledSubarray(reviews, { minLength: reviews.length, maxLength: reviews.length }))),
        ([reviews, shuffled]) => {
          expect(evaluate(shuffled)).toEqual(evaluate(reviews))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('one more eligible approval on the head commit never makes the decision worse', () => {
    fc.assert(
      fc.property(reviewsArb([...eligible, ...excluded]), fc.constantFrom(...eligible), fc.constantFrom('MEMBER', 'OWNER', 'COLLABORATOR'), (reviews, login, association) => {
        const before = evaluate(reviews)
        const more = [...reviews, { ...review(login, { at: '2026-11-20T11:00:00Z', association }), id: 999 }]
        const after = evaluate(more)
        expect(rank[after.decision]).toBeLessThanOrEqual(rank[before.decision])
        for (const [i, verdict] of before.changes.entries()) {
          verdict.requirements.forEach((r, j) => {
            if (r.satisfied) expect(after.changes[i]!.requirements[j]!.satisfied).toBe(true)
          })
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the author, the requester, a committer, the implementer or a bot never counts, whatever else happens', () => {
    fc.assert(
      fc.property(reviewsArb(eligible), fc.array(fc.constantFrom(...excluded), { minLength: 1, maxLength: 4 }), fc.boolean(), (reviews, who, botFlag) => {
        const extra = who.map((login, i): Review => ({ ...review(login, { at: '2026-11-20T12:00:00Z', bot: botFlag && i === 0 }), id: 500 + i }))
        const result = evaluate([...reviews, ...extra])
        const lowered = excluded.map((l) => l.toLowerCase())
        expect(counted(result).filter((l) => lowered.includes(l))).toEqual([])
        // Their approvals change no decision and no requirement (only the notes that explain why they do not count).
        const without = evaluate(reviews)
        expect(outcome(result)).toEqual(outcome(without))
        for (const login of who) expect(result.ignored.some((i) => i.login.toLowerCase() === login.toLowerCase())).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('a bot never counts, even with write access and in the team', () => {
    fc.assert(
      fc.property(reviewsArb(eligible), fc.constantFrom(...eligible), (reviews, login) => {
        const bot = { ...review(login, { at: '2026-11-20T12:00:00Z', bot: true }), id: 900 }
        const result = evaluate([...reviews.filter((r) => r.login.toLowerCase() !== login.toLowerCase()), bot])
        expect(counted(result)).not.toContain(login.toLowerCase())
      }),
      { numRuns: 200 },
    )
  })

  it('under `dismiss`, an approval on an older commit never counts', () => {
    fc.assert(
      fc.property(reviewsArb([...eligible, ...excluded], 16), (reviews) => {
        const result = evaluate(reviews)
        for (const login of counted(result)) {
          const latest = reviews
            .filter((r) => r.login.toLowerCase() === login && ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(r.state))
            .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id)
            .at(-1)!
          expect(latest.state).toBe('APPROVED')
          expect(latest.commitId).toBe(headSha)
          expect(['MEMBER', 'OWNER', 'COLLABORATOR']).toContain(latest.authorAssociation)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on arbitrary record data, and every violation is a positioned error', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.constantFrom('start', 'end', 'outcome'), fc.string()))
    const fields = fc.record(
      {
        status: fc.oneof(fc.constantFrom('draft', 'submitted', 'approved', 'in_progress', 'implemented', 'closed', 'cancelled'), value),
        type: fc.oneof(fc.constantFrom('normal', 'emergency', 'standard'), value),
        risk: fc.oneof(fc.constantFrom('low', 'high'), value),
        services: fc.oneof(fc.constant(['payments-api']), value),
        window: fc.oneof(fc.constant({ start: '2026-12-20T10:00:00Z', end: '2026-12-20T11:00:00Z' }), value),
        requested_by: value,
        implementer: value,
        review: value,
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fields, fields, reviewsArb([...eligible, ...excluded]), (base, head, reviews) => {
        const snapshot = scenario(reviews)
        const versions = snapshot.changes[0]! as { base: { data: Record<string, unknown> }; head: { data: Record<string, unknown> } }
        Object.assign(versions.base.data, base)
        Object.assign(versions.head.data, head)
        const result = evaluatePolicy(snapshot, now)
        expect(['approved', 'pending', 'rejected']).toContain(result.decision)
        for (const verdict of result.changes) {
          for (const v of verdict.violations) {
            expect(v.severity).toBe('error')
            expect(v.file).toBeDefined()
            if (v.file !== 'gitsm.yaml') expect(v.line).toBeGreaterThanOrEqual(1)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
