import { readFile } from 'node:fs/promises'
import { UsageError } from '../errors.js'
import type { PullRequestCommit, Review } from '../model/policy.js'

const reviewStates = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED', 'COMMENTED', 'PENDING'])

/**
 * Maps one review of GitHub's "list reviews for a pull request" response. Webhook payloads spell states in lower
 * case (`approved`), the REST API in upper case; both are accepted. Anything missing or malformed throws: a review
 * that cannot be read with certainty must not be guessed at.
 */
export function reviewFromRest(value: unknown, where: string): Review {
  const review = object(value, where)
  const user = object(review.user, `${where}.user`)
  const login = string(user.login, `${where}.user.login`)
  const state = string(review.state, `${where}.state`).toUpperCase()
  if (!reviewStates.has(state)) throw new UsageError(`${where}.state is "${String(review.state)}"; expected one of ${[...reviewStates].join(', ')}.`)
  const id = review.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new UsageError(`${where}.id must be a number.`)
  return {
    login,
    state: state as Review['state'],
    commitId: string(review.commit_id, `${where}.commit_id`),
    // A pending review has no submitted_at; it never counts, so any ordering value will do.
    submittedAt: state === 'PENDING' && review.submitted_at == null ? '' : string(review.submitted_at, `${where}.submitted_at`),
    id,
    authorAssociation: string(review.author_association, `${where}.author_association`).toUpperCase(),
    isBot: user.type === 'Bot' || /\[bot\]$/i.test(login),
  }
}

/** Maps one commit of GitHub's "list commits on a pull request" response: the logins of author and committer. */
export function commitFromRest(value: unknown, where: string): PullRequestCommit {
  const commit = object(value, where)
  const login = (who: unknown): string | undefined => (who && typeof who === 'object' && typeof (who as { login?: unknown }).login === 'string' ? (who as { login: string }).login : undefined)
  const result: PullRequestCommit = { sha: string(commit.sha, `${where}.sha`) }
  const author = login(commit.author)
  const committer = login(commit.committer)
  if (author) result.author = author
  if (committer) result.committer = committer
  return result
}

/** Reads a JSON array of REST objects from a file, mapping each; any problem is a UsageError naming the file. */
export async function readRestList<T>(file: string, map: (value: unknown, where: string) => T): Promise<T[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!Array.isArray(data)) throw new UsageError(`${file} must hold a JSON array, as GitHub's API returns it.`)
  return data.map((item, i) => map(item, `${file}[${i}]`))
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${where} must be an object.`)
  return value as Record<string, unknown>
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${where} must be a non-empty string.`)
  return value
}
