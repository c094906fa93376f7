import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { InfrastructureError } from '../../src/errors.js'
import { fetchPullRequestFacts, GitHubApiError } from '../../src/io/github/index.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { commits, headSha, pullRef, pullSeed, rejection, sha, testClient } from './helpers.js'

const filesRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'
const commitsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits'
const reviewsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews'

let server: GitHubServer
beforeEach(async () => {
  server = await startGitHubServer()
})
afterEach(async () => {
  await server.close()
})

describe('fetchPullRequestFacts', () => {
  test('reads author, opening time, commits, files and reviews end to end', async () => {
    server.addPullRequest(
      pullSeed({
        commits: [{ sha: headSha, author: 'alice', committer: 'web-flow' }],
        files: ['changes/CHG-0042.yaml', { filename: 'config/gitsm.yaml', previousFilename: 'gitsm.yaml' }],
        reviews: [
          { login: 'Bob', state: 'approved', authorAssociation: 'MEMBER', submittedAt: '2026-11-19T08:00:00Z', id: 11 },
          { login: 'carol', state: 'changes_requested', commitId: sha('old'), authorAssociation: 'COLLABORATOR', submittedAt: '2026-11-19T09:00:00Z', id: 12 },
          { login: 'renovate[bot]', state: 'approved', type: 'Bot', authorAssociation: 'NONE', id: 13 },
          { login: 'dave', state: 'commented', commitId: null, authorAssociation: 'CONTRIBUTOR', id: 14 },
        ],
      }),
    )
    const live = await fetchPullRequestFacts(testClient(server), pullRef)
    expect(live.headSha).toBe(headSha)
    expect(live.baseSha).toBe(sha('base'))
    expect(live.baseRef).toBe('main')
    expect(live.headRef).toBe('change')
    expect(live.state).toBe('open')
    // A rename counts for its old path too.
    expect(live.files).toEqual(['changes/CHG-0042.yaml', 'config/gitsm.yaml', 'gitsm.yaml'])
    expect(live.facts).toEqual({
      number: 7,
      author: 'alice',
      openedAt: Date.parse('2026-11-18T10:00:00Z'),
      commits: [{ sha: headSha, author: 'alice', committer: 'web-flow' }],
      reviews: [
        { login: 'Bob', state: 'APPROVED', commitId: headSha, submittedAt: '2026-11-19T08:00:00Z', id: 11, authorAssociation: 'MEMBER', isBot: false },
        { login: 'carol', state: 'CHANGES_REQUESTED', commitId: sha('old'), submittedAt: '2026-11-19T09:00:00Z', id: 12, authorAssociation: 'COLLABORATOR', isBot: false },
        { login: 'renovate[bot]', state: 'APPROVED', commitId: headSha, submittedAt: '2026-11-20T09:00:00Z', id: 13, authorAssociation: 'NONE', isBot: true },
        { login: 'dave', state: 'COMMENTED', commitId: '', submittedAt: '2026-11-20T09:00:00Z', id: 14, authorAssociation: 'CONTRIBUTOR', isBot: false },
      ],
    })
  })

  test('a commit whose git identity matches no account has no login', async () => {
    server.addPullRequest(pullSeed({ commits: [{ sha: headSha, author: null, committer: null }] }))
    const live = await fetchPullRequestFacts(testClient(server), pullRef)
    expect(live.facts.commits).toEqual([{ sha: headSha }])
  })

  test('reads every page of long lists', async () => {
    const many = commits(250)
    const files = Array.from({ length: 2950 }, (_, i) => `changes/CHG-${String(i).padStart(4, '0')}.yaml`)
    server.addPullRequest(pullSeed({ commits: many, files, reviews: Array.from({ length: 230 }, (_, i) => ({ login: `r${i}`, state: 'commented' as const, id: i + 1 })) }))
    const live = await fetchPullRequestFacts(testClient(server), pullRef)
    expect(live.facts.commits).toHaveLength(250)
    expect(live.files).toHaveLength(2950)
    expect(live.facts.reviews.map((r) => r.id)).toEqual(Array.from({ length: 230 }, (_, i) => i + 1))
    const pages = (route: string) => server.requests.filter((r) => r.route === route).map((r) => new URL(r.path, server.url).searchParams.get('page'))
    expect(pages(commitsRoute)).toEqual(['1', '2', '3'])
    expect(pages(filesRoute)).toHaveLength(30)
    expect(pages(reviewsRoute)).toEqual(['1', '2', '3'])
  })

  test('more than 250 commits: GitHub cannot list them all, so it fails closed before listing', async () => {
    server.addPullRequest(pullSeed({ commits: commits(251), headSha: sha('c250') }))
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain('251 commits')
    expect(error.message).toContain(commitsRoute)
    expect(server.requests.some((r) => r.route === commitsRoute)).toBe(false)
  })

  test('more than 3000 files fails closed', async () => {
    server.addPullRequest(pullSeed({ files: Array.from({ length: 3001 }, (_, i) => `f${i}`) }))
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error.message).toContain('3001 files')
    expect(error.message).toContain(filesRoute)
  })

  test('a page that announces more but comes back short is a truncated list', async () => {
    server.addPullRequest(pullSeed({ files: Array.from({ length: 150 }, (_, i) => `f${i}`) }))
    server.fault(filesRoute, { kind: 'short-page', page: 1, keep: 60 })
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain(filesRoute)
    expect(error.message).toContain('holds 60 of 100')
  })

  test('a list that ends before the total the pull request reports is a truncated list', async () => {
    server.addPullRequest(pullSeed({ files: Array.from({ length: 150 }, (_, i) => `f${i}`) }))
    server.fault(filesRoute, { kind: 'end-early', page: 1 })
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain('100 files listed, but the pull request reports 150')
  })

  test('review pagination cut short fails closed', async () => {
    server.addPullRequest(pullSeed({ reviews: Array.from({ length: 120 }, (_, i) => ({ login: `r${i}`, state: 'approved' as const })) }))
    server.fault(reviewsRoute, { kind: 'short-page', page: 1, keep: 99 })
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain(reviewsRoute)
  })

  test('a page count that changes between pages fails closed', async () => {
    server.addPullRequest(pullSeed({ reviews: Array.from({ length: 250 }, (_, i) => ({ login: `r${i}`, state: 'approved' as const })) }))
    server.fault(reviewsRoute, { kind: 'end-early', page: 2 })
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error.message).toContain('ended at page 2 but announced 3 pages')
  })

  test('a push while the lists are read fails closed instead of mixing two heads', async () => {
    server.addPullRequest(pullSeed())
    server.fault(reviewsRoute, { kind: 'before', times: 1, run: () => server.push('acme', 'itsm', 7, { sha: sha('new'), author: 'alice' }) })
    const error = await rejection(fetchPullRequestFacts(testClient(server), pullRef))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain('changed while it was read')
  })

  test('an unknown pull request is a 404 naming the endpoint', async () => {
    const error = await rejection(fetchPullRequestFacts(testClient(server), { owner: 'acme', repo: 'itsm', pull: 99 }))
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error.status).toBe(404)
    expect(error.message).toContain('GET /repos/{owner}/{repo}/pulls/{pull_number}')
    expect(error.message).toContain('pull_number=99')
  })
})
