import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import { ConfigError, GitsmError } from '../../errors.js'
import { GitHubApiError } from './github-error.js'

/** The Octokit instance gitsm's GitHub adapters take. */
export type GitHubClient = Octokit

export interface GitHubClientOptions {
  token: string
  /** The REST API root, `GITHUB_API_URL` in Actions; default https://api.github.com. */
  baseUrl?: string
  userAgent?: string
  /**
   * The longest one call may take, its retries and rate-limit waits included (default 120 000 ms). A wait that would
   * end past it is not started: the call fails at once, naming the endpoint and the status.
   */
  deadlineMs?: number
  /** The longest one attempt may wait for a complete answer (default 20 000 ms). */
  timeoutMs?: number
  /** Retries of a 5xx, a network error or a timeout (default 5), with backoff 1, 4, 9, ... seconds. */
  retries?: number
  /** How long one second of backoff or of `Retry-After` / `x-ratelimit-reset` lasts (default 1000); tests shrink it. */
  secondMs?: number
  /**
   * Spacing between writes. Unset, Octokit's throttling applies GitHub's guidance (1 s between writes, 3 s between
   * writes that notify people); tests set 0.
   */
  writeIntervalMs?: number
  /** Where Octokit's own log lines go; silent by default. */
  log?: { debug: (message: string) => void; info: (message: string) => void; warn: (message: string) => void; error: (message: string) => void }
}

interface CallState {
  endpoint: string
  started: number
  deadline: number
  attempts: number
  timedOut: boolean
  rateLimit?: { waitMs: number; resetAt?: string }
}

interface HookOptions {
  method: string
  url: string
  request: { signal?: AbortSignal; retries?: number; retryCount?: number; [key: string]: unknown }
  [key: string]: unknown
}

type OctokitPlugin = Parameters<typeof Octokit.plugin>[number]

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const calls = new WeakMap<object, CallState>()

/** Thrown by the fetch below when an answer does not arrive in time; Octokit turns it into a retryable 500. */
class AttemptTimeoutError extends Error {
  constructor() {
    super('no complete answer in time')
    this.name = 'AttemptTimeoutError'
  }
}

/**
 * Creates an Octokit client with the retry and throttling plugins, bounded in time: every attempt has a timeout,
 * 5xx answers, network errors and timeouts are retried with backoff, rate limits are waited out, but only while the
 * call's deadline allows. Every failure that remains is a GitHubApiError (an InfrastructureError, exit 3) naming the
 * endpoint and the status.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  if (!options.token) {
    throw new ConfigError('A GitHub token is needed to read the pull request live: pass the `token` input (or set GITHUB_TOKEN).')
  }
  const deadlineMs = options.deadlineMs ?? 120_000
  const timeoutMs = options.timeoutMs ?? 20_000
  const secondMs = options.secondMs ?? 1000
  const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '')

  const Client = Octokit.plugin(attemptLimits(timeoutMs, secondMs), retry, throttling)
  const waitFits = (limitOptions: object, retryAfter: number, retryCount: number, resetAt?: string): boolean => {
    const call = calls.get(limitOptions)
    if (!call) return false
    const waitMs = retryAfter * secondMs
    call.rateLimit = resetAt === undefined ? { waitMs } : { waitMs, resetAt }
    return retryCount < 10 && Date.now() + waitMs < call.deadline
  }
  const writes = options.writeIntervalMs === undefined ? {} : { write: spacedLimiter(options.writeIntervalMs), notifications: spacedLimiter(options.writeIntervalMs) }

  const client = new Client({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'gitsm',
    log: options.log ?? silent,
    request: { fetch: bufferedFetch },
    retry: { retries: options.retries ?? 5, retryAfterBaseValue: secondMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: secondMs,
      onRateLimit: (retryAfter, limitOptions, _octokit, retryCount) => {
        const resetAt = new Date(Date.now() + retryAfter * 1000).toISOString()
        return waitFits(limitOptions, retryAfter, retryCount, resetAt)
      },
      onSecondaryRateLimit: (retryAfter, limitOptions, _octokit, retryCount) => waitFits(limitOptions, retryAfter, retryCount),
      // Octokit's throttling types these as Bottleneck groups; only `key(id).schedule(options, fn)` is used.
      ...(writes as object),
    },
  })

  client.hook.wrap('request', async (request, hookOptions) => {
    const endpoint = `${hookOptions.method} ${hookOptions.url}`
    const started = Date.now()
    const call: CallState = { endpoint, started, deadline: started + deadlineMs, attempts: 0, timedOut: false }
    calls.set(hookOptions, call)
    try {
      return await request(hookOptions)
    } catch (error) {
      throw describeFailure(error, call, hookOptions as unknown as HookOptions, deadlineMs)
    }
  })
  return client
}

/**
 * The innermost hook, run once per attempt: gives the attempt its timeout (never past the deadline), counts it, and
 * after a failure tells the retry plugin to stop when its next backoff would end past the deadline.
 */
function attemptLimits(timeoutMs: number, secondMs: number): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, endpointOptions) => {
      const options = endpointOptions as unknown as HookOptions
      const call = calls.get(options)
      if (!call) return request(endpointOptions)
      const left = call.deadline - Date.now()
      if (left <= 0) {
        call.timedOut = true
        throw new AttemptTimeoutError()
      }
      call.attempts++
      const ms = Math.min(timeoutMs, left)
      options.request.signal = AbortSignal.timeout(ms)
      try {
        call.timedOut = false
        return await request(endpointOptions)
      } catch (error) {
        call.timedOut = causes(error).some((e) => e instanceof AttemptTimeoutError)
        const retryCount = options.request.retryCount ?? 0
        const nextWait = (retryCount + 1) ** 2 * secondMs
        if (Date.now() + nextWait >= call.deadline) options.request.retries = retryCount
        throw error
      }
    })
  }
}

/**
 * Fetch that reads the whole body under the attempt's signal, so a stalled body is a timeout the retry plugin sees,
 * not an empty answer (Octokit swallows errors while reading a JSON body).
 */
async function bufferedFetch(input: string | URL | globalThis.Request, init?: RequestInit): Promise<Response> {
  try {
    const response = await fetch(input, init)
    const empty = [101, 204, 205, 304].includes(response.status)
    const body = empty ? null : await response.arrayBuffer()
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
    Object.defineProperty(copy, 'url', { value: response.url })
    return copy
  } catch (error) {
    const reason: unknown = init?.signal?.aborted ? init.signal.reason : undefined
    if (reason instanceof Error && reason.name === 'TimeoutError') throw new AttemptTimeoutError()
    throw error
  }
}

/** A stand-in for a Bottleneck group: one write at a time, `ms` apart. */
function spacedLimiter(ms: number) {
  let last: Promise<unknown> = Promise.resolve()
  const limiter = {
    schedule: <T>(_options: unknown, fn: (...args: unknown[]) => Promise<T>, ...args: unknown[]): Promise<T> => {
      const run = last.then(() => fn(...args))
      last = run.catch(() => undefined).then(() => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined))
      return run
    },
  }
  return { key: () => limiter }
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (let e = error; e !== undefined && e !== null && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e)
  return chain
}

/** Turns whatever failed into a GitHubApiError that names the endpoint and status and says what to do. */
function describeFailure(error: unknown, call: CallState, options: HookOptions, deadlineMs: number): Error {
  if (error instanceof GitsmError) return error
  const failure = error as { status?: unknown; message?: unknown; response?: { headers?: Record<string, string | undefined>; data?: unknown } }
  const response = failure.response
  const status = response && typeof failure.status === 'number' ? failure.status : undefined
  const where = `${call.endpoint}${describeParams(options)}`
  const attempts = Math.max(call.attempts, 1)
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'} in ${seconds(Date.now() - call.started)}`
  const githubSays = githubMessage(response?.data)
  const headers = response?.headers ?? {}
  const rateLimited = (status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /\bsecondary rate\b/i.test(githubSays) || headers['retry-after'] !== undefined)
  const details = { endpoint: call.endpoint, status, attempts, timedOut: call.timedOut && status === undefined, rateLimited }
  const fail = (text: string) => new GitHubApiError(`GitHub ${where}: ${text} gitsm fails closed: it never passes on an unanswered call.`, details, { cause: error })

  if (details.timedOut) {
    return fail(`no answer in time (${tries}, deadline ${seconds(deadlineMs)}). GitHub or the network is slow; re-run the job, and check https://www.githubstatus.com if it persists.`)
  }
  if (status === undefined) {
    const reason = typeof failure.message === 'string' ? failure.message : String(error)
    return fail(`could not be reached (${reason}; ${tries}). Check GITHUB_API_URL and the network, then re-run the job.`)
  }
  if (rateLimited) {
    const secondary = headers['x-ratelimit-remaining'] !== '0'
    const reset = resetTime(headers['x-ratelimit-reset']) ?? call.rateLimit?.resetAt
    const when = secondary || !reset ? `GitHub asked to wait ${headers['retry-after'] ?? 'a few minutes'} s` : `the limit resets at ${reset}`
    return fail(`status ${status}, rate limited (${githubSays || 'rate limit exceeded'}); ${when}, past the ${seconds(deadlineMs)} deadline. Re-run the job after that, or use a token with a higher rate limit (a GitHub App installation token).`)
  }
  const said = githubSays ? ` (${githubSays})` : ''
  if (status === 401) return fail(`status 401${said}: the token was rejected. Check that the token input or GITHUB_TOKEN is set and has not expired.`)
  if (status === 403) return fail(`status 403${said}: the token may not do this. Give it the permission this endpoint needs (see GitHub's REST documentation for the endpoint).`)
  if (status === 404) return fail(`status 404${said}: not found, or not visible to this token. Check the owner, repository and number, and that the token can read the repository.`)
  if (status >= 500) return fail(`status ${status}${said} after ${tries}. GitHub is having trouble; re-run the job later (https://www.githubstatus.com).`)
  return fail(`status ${status}${said}. This is unexpected; re-run the job, and report it if it persists.`)
}

/** The URL parameters of the call (`owner=acme, repo=itsm, pull_number=7`), so the message says which object. */
function describeParams(options: HookOptions): string {
  const names = [...options.url.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!)
  const parts = names.filter((name) => typeof options[name] === 'string' || typeof options[name] === 'number').map((name) => `${name}=${String(options[name]).slice(0, 100)}`)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

function githubMessage(data: unknown): string {
  const message = data && typeof data === 'object' ? (data as { message?: unknown }).message : undefined
  return typeof message === 'string' ? message.replace(/\s+/g, ' ').slice(0, 200) : ''
}

function resetTime(header: string | undefined): string | undefined {
  const epoch = Number(header)
  return header && Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000).toISOString() : undefined
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}
