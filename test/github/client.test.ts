import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ConfigError, InfrastructureError } from '../../src/errors.js'
import { createGitHubClient, fetchPullRequestFacts, GitHubApiError } from '../../src/io/github/index.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { pullRef, pullSeed, rejection, testClient } from './helpers.js'

const pullRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
const reviewsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews'

let server: GitHubServer
beforeEach(async () => {
  server = await startGitHubServer()
  server.addPullRequest(pullSeed({ reviews: [{ login: 'bob', state: 'approved' }] }))
})
afterEach(async () => {
  await server.close()
})

const attemptsOn = (route: string) => server.requests.filter((r) => r.route === route).length

describe('retries with backoff', () => {
  test('500 twice, then the answer: the call succeeds', async () => {
    server.fault(reviewsRoute, { kind: 'status', status: 500, times: 2 })
    const live = await fetchPullRequestFacts(testClient(server), pullRef)
    expect(live.facts.reviews).toHaveLength(1)
    expect(attemptsOn(reviewsRoute)).toBe(3)
  })

  test('backoff grows 1, 4, 9 ... seconds (here 20 ms each)', async () => {
    server.fault(pullRoute, { kind: 'status', status: 502, times: 3 })
    const started = Date.now()
    await testClient(server, { secondMs: 20 }).request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 })
    expect(Date.now() - started).toBeGreaterThanOrEqual((1 + 4 + 9) * 20 - 5)
  })

  test('500 forever: InfrastructureError naming the endpoint, the status and what to do', async () => {
    server.fault(reviewsRoute, { kind: 'status', status: 500 })
    const error = await rejection(fetchPullRequestFacts(testClient(server, { retries: 3 }), pullRef))
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error.exitCode).toBe(3)
    expect(error.status).toBe(500)
    expect(error.endpoint).toBe(reviewsRoute)
    expect(error.attempts).toBe(4)
    expect(error.message).toContain(`GitHub ${reviewsRoute} (owner=acme, repo=itsm, pull_number=7): status 500 (Server Error) after 4 attempts`)
    expect(error.message).toMatch(/re-run the job/)
    expect(attemptsOn(reviewsRoute)).toBe(4)
  })

  test('the deadline stops retries early: no backoff that would end past it is started', async () => {
    server.fault(pullRoute, { kind: 'status', status: 503 })
    const started = Date.now()
    const error = await rejection(testClient(server, { retries: 50, secondMs: 40, deadlineMs: 500 }).request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 }))
    expect(Date.now() - started).toBeLessThan(500)
    expect(error.status).toBe(503)
    // Waits of 40, 160 and 360 ms: the third would end past 500 ms.
    expect(error.attempts).toBe(3)
  })

  test('4xx answers are not retried', async () => {
    server.fault(pullRoute, { kind: 'status', status: 422, message: 'Validation Failed' })
    const error = await rejection(testClient(server).request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 }))
    expect(error.status).toBe(422)
    expect(error.message).toContain('Validation Failed')
    expect(attemptsOn(pullRoute)).toBe(1)
  })
})

describe('timeouts', () => {
  const getReviews = (client: ReturnType<typeof testClient>) => client.request(reviewsRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 })

  test('an answer slower than the timeout is retried', async () => {
    server.fault(reviewsRoute, { kind: 'delay', ms: 3000, times: 1 })
    const { data } = await getReviews(testClient(server, { timeoutMs: 250 }))
    expect(data).toHaveLength(1)
    expect(attemptsOn(reviewsRoute)).toBe(2)
  })

  test('no answer in time, ever: InfrastructureError saying so, naming the endpoint', async () => {
    server.fault(reviewsRoute, { kind: 'delay', ms: 3000 })
    const started = Date.now()
    const error = await rejection(getReviews(testClient(server, { timeoutMs: 80, retries: 2 })))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error.exitCode).toBe(3)
    expect(error.timedOut).toBe(true)
    expect(error.attempts).toBe(3)
    expect(error.message).toContain(`GitHub ${reviewsRoute} (owner=acme, repo=itsm, pull_number=7): no answer in time (3 attempts`)
  })

  test('the deadline bounds the whole call, attempts included', async () => {
    server.fault(pullRoute, { kind: 'delay', ms: 5000 })
    const started = Date.now()
    const error = await rejection(testClient(server, { timeoutMs: 10_000, deadlineMs: 300 }).request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 }))
    expect(Date.now() - started).toBeLessThan(1500)
    expect(error.timedOut).toBe(true)
  })

  test('a stalled body is a timeout too, never an empty answer', async () => {
    const stalled = await stallingServer()
    try {
      const client = createGitHubClient({ token: 't', baseUrl: stalled.url, timeoutMs: 150, retries: 1, secondMs: 2 })
      const error = await rejection(client.request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 }))
      expect(error.timedOut).toBe(true)
      expect(error.attempts).toBe(2)
    } finally {
      await stalled.close()
    }
  })
})

/** A server that sends headers and half a JSON body, then nothing. */
async function stallingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.write('{"number": 7, ')
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => {
      http.closeAllConnections()
      return new Promise((resolve) => http.close(() => resolve()))
    },
  }
}

describe('rate limits', () => {
  test('primary limit with a reset inside the deadline: waits for the reset, then succeeds', async () => {
    server.fault(reviewsRoute, { kind: 'rate-limit', resetInSeconds: 2, times: 1 })
    const started = Date.now()
    const live = await fetchPullRequestFacts(testClient(server, { secondMs: 20, deadlineMs: 2000 }), pullRef)
    expect(live.facts.reviews).toHaveLength(1)
    // Octokit waits until one second after the reset: here 2 to 3 "seconds" of 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 20)
    expect(attemptsOn(reviewsRoute)).toBe(2)
  })

  test('primary limit resetting past the deadline: fails closed at once, saying when it resets', async () => {
    server.fault(reviewsRoute, { kind: 'rate-limit', resetInSeconds: 3600 })
    const started = Date.now()
    const error = await rejection(fetchPullRequestFacts(testClient(server, { secondMs: 1000, deadlineMs: 60_000 }), pullRef))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error.exitCode).toBe(3)
    expect(error.rateLimited).toBe(true)
    expect(error.status).toBe(403)
    expect(error.message).toContain(`GitHub ${reviewsRoute}`)
    expect(error.message).toMatch(/rate limited .*the limit resets at \d{4}-\d\d-\d\dT/)
    expect(attemptsOn(reviewsRoute)).toBe(1)
  })

  test('secondary limit: honours Retry-After, then succeeds', async () => {
    server.fault(pullRoute, { kind: 'secondary-rate-limit', retryAfterSeconds: 3, times: 1 })
    const started = Date.now()
    const live = await fetchPullRequestFacts(testClient(server, { secondMs: 20 }), pullRef)
    expect(live.headSha).toHaveLength(40)
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 20)
  })

  test('secondary limit longer than the deadline fails closed', async () => {
    server.fault(pullRoute, { kind: 'secondary-rate-limit', retryAfterSeconds: 600 })
    const error = await rejection(fetchPullRequestFacts(testClient(server, { secondMs: 1000, deadlineMs: 10_000 }), pullRef))
    expect(error.rateLimited).toBe(true)
    expect(error.message).toContain('secondary rate limit')
    expect(error.message).toContain('asked to wait 600 s')
  })
})

describe('other failures', () => {
  test('a wrong token: 401, not retried, says to check the token', async () => {
    const client = createGitHubClient({ token: 'wrong', baseUrl: server.url, secondMs: 5 })
    const error = await rejection(client.request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 }))
    expect(error.status).toBe(401)
    expect(error.message).toContain('token was rejected')
    expect(attemptsOn(pullRoute)).toBe(1)
  })

  test('no token at all is a configuration error', () => {
    expect(() => createGitHubClient({ token: '' })).toThrow(ConfigError)
  })

  test('nothing listening: could not be reached, after retries', async () => {
    const closed = await startGitHubServer()
    const url = closed.url
    await closed.close()
    const client = createGitHubClient({ token: 't', baseUrl: url, secondMs: 2, retries: 2, deadlineMs: 2000 })
    const error = await rejection(client.request(pullRoute, { owner: 'acme', repo: 'itsm', pull_number: 7 }))
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error.status).toBeUndefined()
    expect(error.attempts).toBe(3)
    expect(error.message).toContain('could not be reached')
    expect(error.message).toContain('GITHUB_API_URL')
  })

  test('a trailing slash on the API URL (GITHUB_API_URL) is fine', async () => {
    const live = await fetchPullRequestFacts(testClient(server, { baseUrl: `${server.url}/` }), pullRef)
    expect(live.facts.author).toBe('alice')
  })
})
