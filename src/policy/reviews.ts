import type { PullRequestFacts, Review } from '../model/policy.js'
import { parseTimestamp } from '../time/timestamp.js'
import { isBotLogin, loginKey } from './handles.js'
import type { Policy } from './policy-config.js'

/** A reviewer's standing review: their latest APPROVED, CHANGES_REQUESTED or DISMISSED one. */
export interface Standing {
  /** Lower case, for comparison. */
  key: string
  /** As GitHub spells it. */
  login: string
  review: Review
  /** Why an approval from this reviewer never counts on this pull request; undefined when it may. */
  excluded?: string
}

export interface ReviewFacts {
  /** Reviewers whose standing review is an approval, by login order. */
  approvals: Standing[]
  /** Standing change requests from reviewers with write access. */
  changeRequests: Standing[]
}

const deciding = new Set<Review['state']>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'])
const writeAccess = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

/**
 * Reads the reviews of the pull request (THREATS.md, "Threats to the policy gate"): per reviewer (logins compared
 * case-insensitively) the latest deciding review counts, ordered by `submittedAt` then `id`, so the input order never
 * matters; COMMENTED and PENDING reviews decide nothing. An unreadable `submittedAt` sorts first (oldest).
 */
export function readReviews(pr: PullRequestFacts, headSha: string, policy: Policy): ReviewFacts {
  const latest = new Map<string, Review>()
  for (const review of pr.reviews) {
    if (!deciding.has(review.state)) continue
    const key = loginKey(review.login)
    const current = latest.get(key)
    if (!current || compareReviews(review, current) > 0) latest.set(key, review)
  }
  const people = pullRequestPeople(pr)
  const approvals: Standing[] = []
  const changeRequests: Standing[] = []
  for (const [key, review] of [...latest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const standing: Standing = { key, login: review.login.replace(/^@/, ''), review }
    if (review.state === 'CHANGES_REQUESTED' && hasWriteAccess(review)) changeRequests.push(standing)
    if (review.state !== 'APPROVED') continue
    const excluded = exclusion(review, key, people, headSha, policy)
    if (excluded) standing.excluded = excluded
    approvals.push(standing)
  }
  return { approvals, changeRequests }
}

function exclusion(review: Review, key: string, people: ReturnType<typeof pullRequestPeople>, headSha: string, policy: Policy): string | undefined {
  if (review.isBot || isBotLogin(review.login)) return 'bots never count'
  if (!hasWriteAccess(review)) return `they have no write access to the repository (${review.authorAssociation ? review.authorAssociation : 'NONE'})`
  if (key === people.author) return 'they opened the pull request'
  if (people.committers.has(key)) return 'they authored or committed a commit of the pull request'
  if (policy.staleApprovals === 'dismiss' && review.commitId.toLowerCase() !== headSha.toLowerCase()) {
    return `it was given on ${review.commitId.slice(0, 7)}, not on the head commit ${headSha.slice(0, 7)}; ask for a fresh approval`
  }
  return undefined
}

function pullRequestPeople(pr: PullRequestFacts): { author: string; committers: Set<string> } {
  const committers = new Set<string>()
  for (const commit of pr.commits) {
    if (commit.author) committers.add(loginKey(commit.author))
    if (commit.committer) committers.add(loginKey(commit.committer))
  }
  return { author: loginKey(pr.author), committers }
}

function hasWriteAccess(review: Review): boolean {
  return writeAccess.has(String(review.authorAssociation ?? '').toUpperCase())
}

function compareReviews(a: Review, b: Review): number {
  return time(a) - time(b) || a.id - b.id
}

function time(review: Review): number {
  return parseTimestamp(review.submittedAt) ?? Number.NEGATIVE_INFINITY
}
