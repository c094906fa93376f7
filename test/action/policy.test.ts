import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { git, makeRepo, makeTree } from '../support/repo.js'
import { mergeGroupChecksRequested, pullRequestOpened, pushPayload, reviewSubmitted, workflowRunCompleted, type PullTarget } from './payloads.js'
import { buildAction, runAction, type ActionRun } from './run-action.js'

const repository = 'acme/itsm'
const marker = '<!-- gitsm:policy -->'

/** An instant `days` from now, in RFC 3339: the Action judges on the real clock. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z')
}

const config = (teams: string, freeze: string) => `organization: acme
timezone: Europe/Berlin
${teams}policy:
${freeze}  approvals:
    - match: { type: normal }
      require: [{ team: "@acme/cab", count: 1 }, { owners: true, count: 1 }]
`

const change = (status: string, plan = 'Fail over, upgrade the old primary, fail back.') => `kind: Change
id: CHG-0001
title: "Upgrade payments Postgres ::error::title $(id) @acme/cab"
type: normal
status: ${status}
services: [payments-api]
requested_by: "@dana"
risk: high
window:
  start: ${inDays(10)}
  end: ${inDays(10.05)}
plan: ${plan}
rollback_plan: Fail back to the old primary.
`

const bothTeams = 'teams:\n  "@acme/cab": ["@carol"]\n  "@acme/payments": ["@paula"]\n'
// A freeze over the change's window, named with text that must stay inert wherever it is shown.
const freeze = `  freeze:\n    - { name: "Freeze <b>bold</b> @acme/cab ::error::injected", start: ${inDays(9)}, end: ${inDays(11)}, allow: [emergency] }\n`

let server: GitHubServer
beforeAll(async () => {
  await buildAction()
}, 60_000)
beforeEach(async () => {
  server = await startGitHubServer()
})
afterEach(async () => {
  expect(server.violations).toEqual([])
  await server.close()
})

interface Scenario {
  dir: string
  target: PullTarget
}

/** A git repository whose head moves CHG-0001 to approved, and the same pull request (#7) on the local GitHub. */
function setUp(options: { teams?: string; freeze?: string; approvers?: string[]; githubTeams?: boolean } = {}): Scenario {
  const dir = makeRepo({
    'gitsm.yaml': config(options.teams ?? '', options.freeze ?? ''),
    'services/payments-api.yaml': 'kind: Service\nid: payments-api\ntitle: Payments API\nowner: "@acme/payments"\ntier: 1\n',
    'changes/CHG-0001-upgrade.yaml': change('submitted'),
  })
  const baseSha = git(dir, 'rev-parse', 'HEAD').trim()
  makeTree({ 'changes/CHG-0001-upgrade.yaml': change('approved') }, dir)
  git(dir, 'commit', '-q', '-am', 'approve CHG-0001')
  const headSha = git(dir, 'rev-parse', 'HEAD').trim()
  server.addRepository('acme', 'itsm')
  server.addPullRequest({ owner: 'acme', repo: 'itsm', number: 7, author: 'dana', createdAt: inDays(-1), baseSha, headSha, commits: [{ sha: headSha, author: 'dana', committer: 'dana' }], files: ['changes/CHG-0001-upgrade.yaml'] })
  if (options.githubTeams ?? true) {
    server.addTeam('acme', 'cab', [{ login: 'carol' }])
    server.addTeam('acme', 'payments', [{ login: 'paula' }])
  }
  for (const login of ['carol', 'paula']) server.setPermission('acme', 'itsm', login, 'write')
  for (const login of options.approvers ?? ['carol', 'paula']) approve(login, headSha)
  return { dir, target: { repository, pull: 7, headSha, baseSha } }
}

function approve(login: string, sha: string): void {
  server.addReview('acme', 'itsm', 7, { login, state: 'approved', commitId: sha, authorAssociation: 'MEMBER' })
}

function policy(scenario: Scenario, event: { name: string; payload: unknown }, nodeArgs?: string[]): Promise<ActionRun> {
  return runAction({ inputs: { command: 'policy', token: server.token, path: '.' }, workspace: scenario.dir, event, repository, apiUrl: server.url, ...(nodeArgs ? { nodeArgs } : {}) })
}

const statuses = (sha: string) => server.statuses('acme', 'itsm', sha).map((s) => ({ state: s.state, context: s.context }))
const failures = (run: ActionRun) => run.annotations.filter((a) => a.command === 'error' && a.properties.file === undefined).map((a) => a.message)

describe('the Action, command: policy', () => {
  it('judges pending, then approved after a review, keeping one sticky comment and a status on the head', async () => {
    const scenario = setUp({ approvers: ['carol'] })
    const first = await policy(scenario, { name: 'pull_request', payload: pullRequestOpened(scenario.target) })
    expect(first.code).toBe(1)
    expect(first.outputs.decision).toBe('pending')
    expect(failures(first).join('\n')).toMatch(/not satisfied yet/)
    expect(first.summary).toContain('### gitsm change policy: pending')
    const [created, ...others] = server.comments('acme', 'itsm', 7)
    expect(others).toEqual([])
    expect(String(created!.body).startsWith(marker)).toBe(true)
    expect((created!.user as { login: string }).login).toBe('github-actions[bot]')
    expect(statuses(scenario.target.headSha)).toEqual([{ state: 'pending', context: 'gitsm/policy' }])

    approve('paula', scenario.target.headSha)
    const second = await policy(scenario, { name: 'pull_request_review', payload: reviewSubmitted(scenario.target, { login: 'paula', state: 'approved' }) })
    expect(second.stderr).toBe('')
    expect(second.code).toBe(0)
    expect(second.outputs.decision).toBe('approved')
    expect(second.summary).toContain('### gitsm change policy: approved')
    const comments = server.comments('acme', 'itsm', 7)
    expect(comments.map((c) => c.id)).toEqual([created!.id])
    expect(String(comments[0]!.body)).toContain('gitsm change policy: approved')
    expect(statuses(scenario.target.headSha)).toEqual([
      { state: 'pending', context: 'gitsm/policy' },
      { state: 'success', context: 'gitsm/policy' },
    ])
    expect(server.requests.filter((r) => r.method === 'POST' && r.route.endsWith('/comments'))).toHaveLength(1)
  })

  it('rejects a change in a freeze, annotating the change file, with user text inert everywhere', async () => {
    const scenario = setUp({ freeze })
    const run = await policy(scenario, { name: 'pull_request', payload: pullRequestOpened(scenario.target) })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('rejected')
    const onFile = run.annotations.filter((a) => a.command === 'error' && a.properties.file === 'changes/CHG-0001-upgrade.yaml')
    expect(onFile.length).toBeGreaterThan(0)
    expect(Number(onFile[0]!.properties.line)).toBeGreaterThan(1)
    expect(onFile[0]!.properties.title).toMatch(/^gitsm policy\//)
    // Only whole lines are workflow commands, and every annotation is one line.
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::')).every((l) => /^::(error|warning|notice)[ :]/.test(l))).toBe(true)
    const comment = String(server.comments('acme', 'itsm', 7)[0]!.body)
    for (const text of [run.summary, comment]) {
      expect(text).toContain('rejected')
      expect(text).not.toContain('<b>')
      expect(text).not.toMatch(/@acme\/cab/)
    }
    expect(statuses(scenario.target.headSha)).toEqual([{ state: 'failure', context: 'gitsm/policy' }])
  })

  it('judges the live head when a re-run replays an old payload', async () => {
    const scenario = setUp()
    makeTree({ 'changes/CHG-0001-upgrade.yaml': change('approved', 'A different plan, pushed after the approvals.') }, scenario.dir)
    git(scenario.dir, 'commit', '-q', '-am', 'change the plan')
    const pushed = git(scenario.dir, 'rev-parse', 'HEAD').trim()
    server.push('acme', 'itsm', 7, { sha: pushed, author: 'dana', committer: 'dana' })

    const run = await policy(scenario, { name: 'pull_request', payload: pullRequestOpened(scenario.target) })
    expect(run.outputs.decision).toBe('pending')
    expect(run.code).toBe(1)
    expect(run.summary).toContain(`Evaluated on \`${pushed.slice(0, 7)}\``)
    expect(statuses(pushed)).toEqual([{ state: 'pending', context: 'gitsm/policy' }])
    expect(statuses(scenario.target.headSha)).toEqual([])
  })

  it('judges the pull request of a merge group, with the status on the group commit too', async () => {
    const scenario = setUp()
    const groupSha = 'c0ffee'.padEnd(40, '0')
    const run = await policy(scenario, { name: 'merge_group', payload: mergeGroupChecksRequested({ ...scenario.target, groupSha }) })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('approved')
    expect(statuses(scenario.target.headSha)).toEqual([{ state: 'success', context: 'gitsm/policy' }])
    expect(statuses(groupSha)).toEqual([{ state: 'success', context: 'gitsm/policy' }])
  })

  it('judges the pull request a review workflow run names (workflow_run), and says why it cannot for a fork', async () => {
    const scenario = setUp()
    const run = await policy(scenario, { name: 'workflow_run', payload: workflowRunCompleted(scenario.target) })
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('approved')
    expect(statuses(scenario.target.headSha)).toEqual([{ state: 'success', context: 'gitsm/policy' }])

    const fork = await policy(scenario, { name: 'workflow_run', payload: workflowRunCompleted(scenario.target, { fork: true }) })
    expect(fork.code).toBe(1)
    expect(failures(fork).join('\n')).toMatch(/names no pull request of acme\/itsm.*forks.*pull_request_target/)
  })

  it('falls back to teams: when the token cannot read a team, and otherwise fails with a configuration message', async () => {
    const withTeams = setUp({ teams: bothTeams, githubTeams: false })
    const ok = await policy(withTeams, { name: 'pull_request', payload: pullRequestOpened(withTeams.target) })
    expect(ok.code).toBe(0)
    expect(ok.outputs.decision).toBe('approved')
    await server.close()

    server = await startGitHubServer()
    const without = setUp({ githubTeams: false })
    const failed = await policy(without, { name: 'pull_request', payload: pullRequestOpened(without.target) })
    expect(failed.code).toBe(1)
    expect(failed.outputs.decision).toBeUndefined()
    const message = failures(failed).join('\n')
    expect(message).toMatch(/^gitsm: configuration error: /)
    expect(message).toMatch(/@acme\/(cab|payments)/)
    expect(message).toMatch(/teams:/)
    expect(failed.summary).toContain('not judged')
    expect(statuses(without.target.headSha)).toEqual([{ state: 'error', context: 'gitsm/policy' }])
  })

  it('fails closed when GitHub answers 500, naming the endpoint', async () => {
    const scenario = setUp()
    server.fault('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { kind: 'status', status: 500, times: 100 })
    const fastBackoff = pathToFileURL(join(import.meta.dirname, 'fast-backoff.mjs')).href
    const run = await policy(scenario, { name: 'pull_request', payload: pullRequestOpened(scenario.target) }, ['--import', fastBackoff])
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBeUndefined()
    const message = failures(run).join('\n')
    expect(message).toMatch(/fails closed/)
    expect(message).toMatch(/reviews/)
    expect(message).toMatch(/500/)
    expect(server.requests.filter((r) => r.route.endsWith('/reviews')).length).toBe(6)
    expect(server.comments('acme', 'itsm', 7)).toEqual([])
    expect(statuses(scenario.target.headSha)).toEqual([{ state: 'error', context: 'gitsm/policy' }])
  })

  it('says how to check out the pull request when the checkout lacks its live head', async () => {
    const scenario = setUp()
    const elsewhere = 'abc'.padEnd(40, '1')
    server.push('acme', 'itsm', 7, { sha: elsewhere, author: 'dana', committer: 'dana' })
    const run = await policy(scenario, { name: 'pull_request', payload: pullRequestOpened(scenario.target) })
    expect(run.code).toBe(1)
    const message = failures(run).join('\n')
    expect(message).toMatch(/fetch-depth: 0/)
    expect(message).toContain('refs/pull/7/head')
  })

  it('refuses events without a pull request', async () => {
    const scenario = setUp()
    const push = await policy(scenario, { name: 'push', payload: pushPayload(repository) })
    expect(push.code).toBe(1)
    expect(failures(push).join('\n')).toMatch(/"push" event.*pull_request/)
    expect(server.requests).toEqual([])
  })
})
