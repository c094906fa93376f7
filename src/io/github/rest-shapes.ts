import type { PullRequestCommit, Review } from '../../model/policy.js'
import { parseTimestamp } from '../../time/timestamp.js'
import { unexpectedAnswer } from './github-error.js'

/**
 * Readers for the parts of GitHub's REST objects gitsm relies on. Anything missing or malformed throws a
 * GitHubApiError naming the endpoint: live data that cannot be read with certainty is never guessed at.
 */
export type Json = Record<string, unknown>

export function object(value: unknown, endpoint: string, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unexpectedAnswer(endpoint, `${where} is not an object`)
  return value as Json
}

export function string(value: unknown, endpoint: string, where: string): string {
  if (typeof value !== 'string' || value === '') throw unexpectedAnswer(endpoint, `${where} is not a non-empty string`)
  return value
}

export function integer(value: unknown, endpoint: string, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw unexpectedAnswer(endpoint, `${where} is not a whole number`)
  return value
}

export function timestamp(value: unknown, endpoint: string, where: string): number {
  const ms = parseTimestamp(value)
  if (ms === undefined) throw unexpectedAnswer(endpoint, `${where} is not an RFC 3339 timestamp`)
  return ms
}

/** The login of a user object; GitHub shows deleted accounts as `ghost` and sends `null` for them in places. */
export function login(value: unknown, endpoint: string, where: string): string {
  if (value === null) return 'ghost'
  return string(object(value, endpoint, where).login, endpoint, `${where}.login`)
}

const reviewStates = new Set<string>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED', 'COMMENTED', 'PENDING'])

/**
 * One review of "list reviews for a pull request" as a Review. The REST API spells states in upper case; a state
 * outside the five known ones, or a submitted review without `submitted_at`, is an answer gitsm cannot judge.
 */
export function reviewFromRest(value: unknown, endpoint: string, where: string): Review {
  const review = object(value, endpoint, where)
  const reviewer = review.user === null ? null : object(review.user, endpoint, `${where}.user`)
  const name = login(reviewer, endpoint, `${where}.user`)
  const state = string(review.state, endpoint, `${where}.state`)
  if (!reviewStates.has(state)) throw unexpectedAnswer(endpoint, `${where}.state is "${state.slice(0, 40)}", not one of ${[...reviewStates].join(', ')}`)
  const submitted = review.submitted_at
  // Only the token's own unsubmitted review is PENDING and has no time; it never counts, so any order will do.
  const submittedAt = state === 'PENDING' && (submitted === null || submitted === undefined) ? '' : string(submitted, endpoint, `${where}.submitted_at`)
  if (submittedAt !== '') timestamp(submittedAt, endpoint, `${where}.submitted_at`)
  const commit = review.commit_id
  return {
    login: name,
    state: state as Review['state'],
    // A review on no known commit can never be on the evaluated head, so it never counts as current.
    commitId: commit === null || commit === undefined ? '' : string(commit, endpoint, `${where}.commit_id`),
    submittedAt,
    id: integer(review.id, endpoint, `${where}.id`),
    authorAssociation: string(review.author_association, endpoint, `${where}.author_association`).toUpperCase(),
    isBot: reviewer?.type === 'Bot' || /\[bot\]$/i.test(name),
  }
}

/** One commit of "list commits on a pull request": its sha and the GitHub logins of author and committer. */
export function commitFromRest(value: unknown, endpoint: string, where: string): PullRequestCommit {
  const commit = object(value, endpoint, where)
  const result: PullRequestCommit = { sha: string(commit.sha, endpoint, `${where}.sha`) }
  // null means the git identity matches no GitHub account; there is then no login to exclude.
  if (commit.author !== null && commit.author !== undefined) result.author = login(commit.author, endpoint, `${where}.author`)
  if (commit.committer !== null && commit.committer !== undefined) result.committer = login(commit.committer, endpoint, `${where}.committer`)
  return result
}
