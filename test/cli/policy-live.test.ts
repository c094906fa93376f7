import { gitsm } from '../support/cli.js'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { git, makeRepo, makeTree } from '../support/repo.js'



const config = (teams: string) => `organization: acme
timezone: Europe/Berlin
${teams}policy:
  approvals:
    - match: { type: normal }
      require: [{ team: "@acme/cab", count: 1 }, { owners: true, count: 1 }]
`
const change = (status: string) =>
  `kind: Change\nid: CHG-0001\ntitle: Upgrade payments Postgres\ntype: normal\nstatus: ${status}\nservices: [payments-api]\nrequested_by: "@dana"\nrisk: high\nwindow:\n  start: 2026-12-03T22:00:00+01:00\n  end: 2026-12-03T23:00:00+01:00\nplan: x\nrollback_plan: y\n`

let server: GitHubServer
beforeEach(async () => {
  server = await startGitHubServer()
})
afterEach(async () => {
  expect(server.violations).toEqual([])
  await server.close()
})

/** A repository whose head approves CHG-0001, and the same pull request on the local GitHub server. */
function setUp(teamsSection = '') {
  const dir = makeRepo({
    'gitsm.yaml': config(teamsSection),
    'services/payments-api.yaml': 'kind: Service\nid: payments-api\ntitle: Payments API\nowner: "@acme/payments"\ntier: 1\n',
    'changes/CHG-0001-upgrade.yaml': change('submitted'),
  })
  const baseSha = git(dir, 'rev-parse', 'HEAD').trim()
  makeTree({ 'changes/CHG-0001-upgrade.yaml': change('approved') }, dir)
  git(dir, 'commit', '-q', '-am', 'approve')
  const headSha = git(dir, 'rev-parse', 'HEAD').trim()
  server.addRepository('acme', 'itsm')
  server.addPullRequest({ owner: 'acme', repo: 'itsm', number: 7, author: 'dana', createdAt: '2026-11-24T09:00:00Z', baseSha, headSha, commits: [{ sha: headSha, author: 'dana', committer: 'dana' }], files: ['changes/CHG-0001-upgrade.yaml'] })
  for (const login of ['carol', 'paula']) {
    server.addReview('acme', 'itsm', 7, { login, state: 'approved', commitId: headSha, authorAssociation: 'MEMBER' })
    server.setPermission('acme', 'itsm', login, 'write')
  }
  return { dir, baseSha, headSha, env: { GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url } }
}

const now = ['--now', '2026-11-25T12:00:00Z']

describe('gitsm policy --repo --pr (live)', () => {
  it('gives the same verdict live as offline for the same facts', async () => {
    server.addTeam('acme', 'cab', [{ login: 'carol' }, { login: 'chris' }])
    server.addTeam('acme', 'payments', [{ login: 'paula' }])
    const { dir, baseSha, headSha, env } = setUp('teams:\n  "@acme/cab": ["@carol", "@chris"]\n  "@acme/payments": ["@paula"]\n')
    const live = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', '--format', 'json', ...now], dir, env)
    expect(live.stderr).toBe('')
    expect(live.code).toBe(0)

    const get = async (path: string) => (await fetch(`${server.url}${path}`, { headers: { authorization: `token ${server.token}` } })).json()
    writeFileSync(join(dir, '..', 'reviews.json'), JSON.stringify(await get('/repos/acme/itsm/pulls/7/reviews')))
    writeFileSync(join(dir, '..', 'commits.json'), JSON.stringify(await get('/repos/acme/itsm/pulls/7/commits')))
    const offline = await gitsm(
      ['policy', '--base', baseSha, '--head', headSha, '--reviews', '../reviews.json', '--commits', '../commits.json', '--author', 'dana', '--opened-at', '2026-11-24T09:00:00Z', '--format', 'json', ...now],
      dir,
      {},
    )
    expect(offline.code).toBe(0)
    expect(JSON.parse(live.stdout)).toEqual(JSON.parse(offline.stdout))
    expect(JSON.parse(live.stdout).decision).toBe('approved')
  })

  it('does not count an approver without write access, whatever the association says', async () => {
    server.addTeam('acme', 'cab', [{ login: 'carol' }])
    server.addTeam('acme', 'payments', [{ login: 'paula' }])
    const { dir, env } = setUp()
    server.setPermission('acme', 'itsm', 'paula', 'read')
    const { code, stdout } = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', '--format', 'json', ...now], dir, env)
    expect(code).toBe(1)
    const doc = JSON.parse(stdout)
    expect(doc.decision).toBe('pending')
    expect(doc.ignored.map((i: { login: string }) => i.login.toLowerCase())).toContain('paula')
  })

  it('does not count a pending team membership', async () => {
    server.addTeam('acme', 'cab', [{ login: 'carol', state: 'pending' }])
    server.addTeam('acme', 'payments', [{ login: 'paula' }])
    const { dir, env } = setUp()
    const { code, stdout } = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', '--format', 'json', ...now], dir, env)
    expect(code).toBe(1)
    expect(JSON.parse(stdout).decision).toBe('pending')
  })

  it('falls back to teams: when the token cannot read a team, and fails with exit 2 when nothing can answer', async () => {
    const withTeams = setUp('teams:\n  "@acme/cab": ["@carol"]\n  "@acme/payments": ["@paula"]\n')
    const ok = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', '--format', 'json', ...now], withTeams.dir, withTeams.env)
    expect(JSON.parse(ok.stdout).decision).toBe('approved')

    const without = setUp()
    const failed = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', ...now], without.dir, without.env)
    expect(failed.code).toBe(2)
    expect(failed.stderr).toMatch(/@acme\/(cab|payments)/)
    expect(failed.stderr).toMatch(/teams:/)
  })

  // Retries of 5xx answers, timeouts and rate limits are tested on the client with short backoffs
  // (test/github); here, an answer that is not retried shows the command's exit code and message.
  it('fails closed with exit 3, naming the endpoint, when GitHub cannot answer', async () => {
    const { dir, env } = setUp('teams:\n  "@acme/cab": ["@carol"]\n  "@acme/payments": ["@paula"]\n')
    server.fault('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { kind: 'status', status: 404, times: 100 })
    const { code, stdout, stderr } = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', ...now], dir, { ...env })
    expect(code).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/reviews/)
    expect(stderr).toMatch(/404/)
  })

  it('refuses to judge a head that is no longer the pull request head', async () => {
    const { dir, baseSha, env } = setUp('teams:\n  "@acme/cab": ["@carol"]\n  "@acme/payments": ["@paula"]\n')
    const { code, stderr } = await gitsm(['policy', '--repo', 'acme/itsm', '--pr', '7', '--head', baseSha, ...now], dir, env)
    expect(code).toBe(3)
    expect(stderr).toMatch(/head/)
  })
})
