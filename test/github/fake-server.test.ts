import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { reviewFromRest } from '../../src/io/github/rest-shapes.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { pullSeed } from './helpers.js'
import { responseProblems } from './openapi-conformance.js'
import { pullRequestTemplate, restPullRequestFromWebhook, restReviewFromWebhook, webhookPullRequests, webhookReviews } from './webhook-seeds.js'

const reviewsPath = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'

describe('webhook payloads as REST objects', () => {
  test('webhook review states are lower case; the REST conversion upper-cases them', () => {
    const reviews = webhookReviews()
    expect(reviews.length).toBeGreaterThan(0)
    for (const review of reviews) {
      expect(review.state).toMatch(/^[a-z_]+$/)
      const rest = restReviewFromWebhook(review)
      expect(rest.state).toBe(String(review.state).toUpperCase())
      expect(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']).toContain(rest.state)
      expect(responseProblems('GET', reviewsPath, 200, [rest])).toEqual([])
    }
  })

  test.each(['approved', 'changes_requested', 'commented', 'dismissed'])('a %s webhook review reads as the REST state', (state) => {
    const rest = restReviewFromWebhook({ ...webhookReviews()[0]!, state })
    expect(reviewFromRest(rest, 'test', 'review').state).toBe(state.toUpperCase())
  })

  test('an unconverted webhook review (lower-case state) is refused by gitsm, never read as a state it is not', () => {
    const raw = webhookReviews()[0]!
    expect(() => reviewFromRest({ ...raw, body: '' }, 'GET /x', 'review')).toThrow(/state is "commented"/)
  })

  test('every pull_request webhook example converts to a valid REST pull request', () => {
    for (const pr of webhookPullRequests()) {
      expect(responseProblems('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 200, restPullRequestFromWebhook(pr))).toEqual([])
    }
    expect(responseProblems('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 200, pullRequestTemplate('acme', 'itsm', 7))).toEqual([])
  })

  test('the conformance check is not vacuous: drifted bodies are caught', () => {
    const rest = restReviewFromWebhook(webhookReviews()[0]!)
    const { user: _user, ...withoutUser } = rest
    expect(responseProblems('GET', reviewsPath, 200, [withoutUser])).not.toEqual([])
    expect(responseProblems('GET', reviewsPath, 200, [{ ...rest, id: 'one' }])).not.toEqual([])
    expect(responseProblems('GET', reviewsPath, 200, { ...rest })).not.toEqual([])
    expect(responseProblems('GET', reviewsPath, 201, [rest])).not.toEqual([])
  })
})

describe('the fake server', () => {
  let server: GitHubServer
  beforeEach(async () => {
    server = await startGitHubServer()
  })
  afterEach(async () => {
    await server.close()
  })

  const get = (path: string, token = server.token) => fetch(`${server.url}${path}`, { headers: { authorization: `token ${token}` } })

  test('Link headers as GitHub writes them: prev, next, last, first, on the canonical address', async () => {
    server.addPullRequest(pullSeed({ files: Array.from({ length: 95 }, (_, i) => `f${i}`) }))
    const first = await get('/repos/acme/itsm/pulls/7/files?per_page=30')
    const middle = await get('/repos/acme/itsm/pulls/7/files?per_page=30&page=2')
    const last = await get('/repos/acme/itsm/pulls/7/files?per_page=30&page=4')
    const repoId = /repositories\/(\d+)\//.exec(first.headers.get('link') ?? '')?.[1]
    const at = (page: number) => `<${server.url}/repositories/${repoId}/pulls/7/files?per_page=30&page=${page}>`
    expect(first.headers.get('link')).toBe(`${at(2)}; rel="next", ${at(4)}; rel="last"`)
    expect(middle.headers.get('link')).toBe(`${at(1)}; rel="prev", ${at(3)}; rel="next", ${at(4)}; rel="last", ${at(1)}; rel="first"`)
    expect(last.headers.get('link')).toBe(`${at(3)}; rel="prev", ${at(1)}; rel="first"`)
    expect(((await last.json()) as unknown[]).length).toBe(5)
    // 30 items per page unless asked, at most 100.
    expect(((await (await get('/repos/acme/itsm/pulls/7/files')).json()) as unknown[]).length).toBe(30)
    expect(((await (await get('/repos/acme/itsm/pulls/7/files?per_page=500')).json()) as unknown[]).length).toBe(95)
  })

  test('a wrong token gets 401 Bad credentials', async () => {
    server.addPullRequest(pullSeed())
    const response = await get('/repos/acme/itsm/pulls/7', 'nope')
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' })
  })

  test('an answer that does not conform makes close() fail', async () => {
    const broken = await startGitHubServer()
    broken.addPullRequest(pullSeed({ reviews: [{ login: 'bob', state: 'approved' }] }))
    broken.fault('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { kind: 'before', run: () => broken.addReview('acme', 'itsm', 7, { login: 'eve', state: 'approved', id: -1.5 }) })
    await fetch(`${broken.url}/repos/acme/itsm/pulls/7/reviews`, { headers: { authorization: `token ${broken.token}` } })
    await expect(broken.close()).rejects.toThrow(/pulls\/list-reviews 200: \/1\/id must be integer/)
  })
})
