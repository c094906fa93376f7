import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  createCheckRun,
  fetchPermission,
  fetchPullRequestFacts,
  fetchTeamMembers,
  policyCommentMarker,
  setCommitStatus,
  upsertStickyComment,
  type GitHubClient,
} from '../../src/io/github/index.js'
import { startGitHubServer, type Fault, type GitHubServer } from '../support/github-server.js'
import { commits, pullRef, pullSeed, rejection, sha, testClient } from './helpers.js'

/**
 * Every GitHub call site × every fault: the result is never a pass. Either the call fails with an error that names
 * the endpoint (exit 3, or exit 2 where the token lacks a permission), or, where GitHub's answer has a safe meaning
 * (404 on a membership: not a member), the result grants nothing.
 */

interface Site {
  route: string
  list?: boolean
  run: (client: GitHubClient) => Promise<unknown>
  /** What a 404 means at this site, when it is not a failure. */
  on404?: { exitCode: number } | ((result: unknown) => void)
}

const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)
const facts = (client: GitHubClient) => fetchPullRequestFacts(client, pullRef)
const sticky = (client: GitHubClient) => upsertStickyComment(client, { owner: 'acme', repo: 'itsm', issue: 7, body: 'verdict' })
const annotations = many(60, 'a').map((path) => ({ path, startLine: 1, level: 'failure' as const, message: 'm' }))
const check = (client: GitHubClient) => createCheckRun(client, { owner: 'acme', repo: 'itsm', headSha: sha('c0'), conclusion: 'success', title: 't', summary: 's', annotations })

const sites: Site[] = [
  { route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', run: facts },
  { route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', list: true, run: facts },
  { route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', list: true, run: facts },
  { route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', list: true, run: facts },
  { route: 'GET /orgs/{org}/teams/{team_slug}/members', list: true, run: (c) => fetchTeamMembers(c, 'acme', 'cab'), on404: { exitCode: 2 } },
  {
    route: 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
    run: (c) => fetchTeamMembers(c, 'acme', 'cab', { candidates: ['m1'] }),
    on404: (members) => expect(members).toEqual([]),
  },
  { route: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission', run: (c) => fetchPermission(c, 'acme', 'itsm', 'bob'), on404: (p) => expect(p).toBe('none') },
  { route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', list: true, run: sticky },
  { route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', run: sticky },
  { route: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', run: sticky, on404: (r) => expect(r).toMatchObject({ action: 'updated' }) },
  { route: 'POST /repos/{owner}/{repo}/statuses/{sha}', run: (c) => setCommitStatus(c, { owner: 'acme', repo: 'itsm', sha: sha('c0'), state: 'success', description: 'ok' }) },
  { route: 'POST /repos/{owner}/{repo}/check-runs', run: check },
  { route: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', run: check },
]

/** A separate site: creating the comment needs a pull request without one. */
const createSite: Site = { route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', run: sticky }

const faults: [string, Fault, Partial<{ exitCode: number; rateLimited: boolean; timedOut: boolean; status: number }>][] = [
  ['5xx', { kind: 'status', status: 502 }, { exitCode: 3, status: 502 }],
  ['timeout', { kind: 'delay', ms: 600 }, { exitCode: 3, timedOut: true }],
  ['rate limit', { kind: 'rate-limit', resetInSeconds: 3600 }, { exitCode: 3, rateLimited: true, status: 403 }],
  ['404', { kind: 'status', status: 404, message: 'Not Found' }, { status: 404 }],
]

let server: GitHubServer
/** Small lists by default; `long` makes every list need two pages, for the truncation cases. */
function seed(long: boolean): void {
  const n = long ? 120 : 3
  server.addPullRequest(pullSeed({ commits: commits(n), headSha: sha(`c${n - 1}`), files: many(n, 'f'), reviews: many(n, 'r').map((login) => ({ login, state: 'commented' as const })) }))
  server.addTeam('acme', 'cab', many(n, 'm').map((login) => ({ login })))
  server.setPermission('acme', 'itsm', 'bob', 'write')
  for (let i = 0; i < (long ? 110 : 2); i++) server.addComment('acme', 'itsm', 7, 'alice', `comment ${i}`)
  server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\nold`, 'Bot')
  server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\nduplicate`, 'Bot')
}
beforeEach(async () => {
  server = await startGitHubServer()
})
afterEach(async () => {
  await server.close()
})

// Retries are covered in client.test.ts; here one attempt is enough to show the failure is never a pass. Only the
// timeout case gets a short timeout, so a slow machine does not turn the other cases into timeouts.
const client = (fault?: Fault) => testClient(server, { timeoutMs: fault?.kind === 'delay' ? 100 : 5000, retries: 0, secondMs: 2, deadlineMs: 5000 })

describe.each([...sites, createSite])('$route', (site) => {
  test('works without faults', async () => {
    seed(false)
    if (site === createSite) server.addPullRequest(pullSeed({ number: 8 }))
    await expect(site.run(client())).resolves.toBeDefined()
  })

  test.each(faults)('%s → never a pass', async (_name, fault, expected) => {
    seed(false)
    if (site === createSite) {
      // No marked comment on a fresh pull request: the comment must be created.
      server.addPullRequest(pullSeed({ number: 8 }))
    }
    server.fault(site.route, fault)
    const run = site === createSite ? upsertStickyComment(client(fault), { owner: 'acme', repo: 'itsm', issue: 8, body: 'v' }) : site.run(client(fault))
    if (fault.kind === 'status' && fault.status === 404 && site.on404) {
      if (typeof site.on404 === 'function') {
        site.on404(await run)
      } else {
        const error = await rejection(run)
        expect(error.exitCode).toBe(site.on404.exitCode)
        expect(error.message).toContain(site.route)
      }
      return
    }
    const error = await rejection(run)
    expect(error).toMatchObject(expected)
    expect(error.message).toContain(site.route)
    expect(error.message).toMatch(/re-run|check|give|use a token/i)
  })

  if (site.list) {
    test('truncated list → never a pass', async () => {
      seed(true)
      server.fault(site.route, { kind: 'short-page', page: 1, keep: 50 })
      const error = await rejection(site.run(client()))
      expect(error.exitCode).toBe(3)
      expect(error.message).toContain(site.route)
      expect(error.message).toContain('holds 50 of 100')
    })
  }
})
