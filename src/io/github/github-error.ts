import { InfrastructureError } from '../../errors.js'

export interface GitHubApiErrorDetails {
  /** Method and route template: `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`. */
  endpoint: string
  /** The last HTTP status GitHub answered with; undefined when no answer came (timeout, network). */
  status?: number
  /** The primary or secondary rate limit stopped the call. */
  rateLimited?: boolean
  /** The last attempt got no answer in time. */
  timedOut?: boolean
  /** How many times the call was tried. */
  attempts?: number
  /** For an answer that does not have the expected shape: what is wrong with it. */
  problem?: string
}

/**
 * A GitHub call that failed for good, after the retries the client's deadline allowed: exit 3, fail closed. The
 * message names the endpoint and the status, and says what to do; the fields let callers tell a 404 from a 5xx.
 */
export class GitHubApiError extends InfrastructureError {
  readonly endpoint: string
  readonly status: number | undefined
  readonly rateLimited: boolean
  readonly timedOut: boolean
  readonly attempts: number
  readonly problem: string | undefined
  constructor(message: string, details: GitHubApiErrorDetails, options?: { cause?: unknown }) {
    super(message, options)
    this.endpoint = details.endpoint
    this.status = details.status
    this.rateLimited = details.rateLimited ?? false
    this.timedOut = details.timedOut ?? false
    this.attempts = details.attempts ?? 1
    this.problem = details.problem
  }
}

/** True for a GitHubApiError with one of the given statuses that is not a rate limit. */
export function isGitHubStatus(error: unknown, ...statuses: number[]): error is GitHubApiError {
  return error instanceof GitHubApiError && !error.rateLimited && error.status !== undefined && statuses.includes(error.status)
}

/**
 * GitHub answered, but not with what the endpoint promises (a list that is not an array, a page cut short, counts
 * that disagree): the answer cannot be trusted, so it is an infrastructure failure, never a guess.
 */
export function unexpectedAnswer(endpoint: string, problem: string): GitHubApiError {
  return new GitHubApiError(
    `GitHub's answer to ${endpoint} cannot be trusted: ${problem}. gitsm fails closed rather than judge on partial data; re-run the job, and if it persists check https://www.githubstatus.com.`,
    { endpoint, problem },
  )
}
