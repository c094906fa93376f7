import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { changeYaml } from '../support/dated-git.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { git, makeRepo, minimalRepo } from '../support/repo.js'
import { buildAction, runAction, type ActionRun } from './run-action.js'

/** A repository where CHG-0042 was drafted on a branch and approved by merging pull request #12. */
function repository(): { dir: string; base: string; draft: string; merge: string } {
  const dir = makeRepo({ ...minimalRepo, 'gitsm.yaml': 'organization: acme\ntimezone: Europe/Berlin\n' })
  const base = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'checkout', '-q', '-b', 'chg-0042')
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'start')
  const write = (status: string, message: string) => {
    mkdirSync(join(dir, 'changes'), { recursive: true })
    writeFileSync(join(dir, 'changes', 'CHG-0042.yaml'), changeYaml('CHG-0042', status))
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', message)
    return git(dir, 'rev-parse', 'HEAD').trim()
  }
  const draft = write('submitted', 'Draft CHG-0042')
  write('approved', 'Approve CHG-0042')
  git(dir, 'checkout', '-q', 'main')
  git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from acme/chg-0042', 'chg-0042')
  return { dir, base, draft, merge: git(dir, 'rev-parse', 'HEAD').trim() }
}


const failures = (run: ActionRun) => run.annotations.filter((a) => a.command === 'error' && a.properties.file === undefined).map((a) => a.message)

beforeAll(async () => {
  await buildAction()
}, 60_000)

describe('the Action, command: report', () => {
  let server: GitHubServer
  beforeEach(async () => {
    server = await startGitHubServer({ token: 'ghs_report' })
  })
  afterEach(async () => {
    await server.close()
  })

  it('writes the reports into report-dir, puts the Markdown report in the job summary, and reads reviews with the token', async () => {
    const repo = repository()
    server.addPullRequest({
      owner: 'acme',
      repo: 'itsm',
      number: 12,
      author: 'dana',
      baseSha: repo.base,
      commits: [{ sha: repo.draft, author: 'dana', committer: 'dana' }],
      files: ['changes/CHG-0042.yaml'],
      reviews: [{ login: 'bob', state: 'approved', authorAssociation: 'MEMBER' }],
      merged: { commit: repo.merge },
    })
    const run = await runAction({
      inputs: { command: 'report', token: 'ghs_report', 'report-dir': 'site' },
      workspace: repo.dir,
      repository: 'acme/itsm',
      apiUrl: server.url,
    })
    expect(failures(run)).toEqual([])
    expect(run.code).toBe(0)
    const site = join(repo.dir, 'site')
    expect(run.outputs['report-dir']).toBe(site)
    expect(readdirSync(site).sort()).toEqual(['.gitsm-report', 'audit.html', 'catalog.html', 'changes.html', 'changes.ics', 'incidents.html', 'index.html', 'knowledge.html', 'report.json', 'report.md', 'slas.html'])
    expect(run.summary.trimEnd()).toBe(readFileSync(join(site, 'report.md'), 'utf8').trimEnd())
    const report = JSON.parse(readFileSync(join(site, 'report.json'), 'utf8'))
    expect(report.audit).toEqual([
      expect.objectContaining({ change: 'CHG-0042', approved_in: expect.objectContaining({ commit: repo.merge, pull_request: 12 }), approvals: [expect.objectContaining({ login: 'bob' })], flags: [] }),
    ])
    expect(server.requests.map((r) => r.route)).toContain('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls')
    expect(server.violations).toEqual([])
  })

  it('writes only the formats asked for, and no report at all for records with errors', async () => {
    const repo = repository()
    const md = await runAction({ inputs: { command: 'report', format: 'md,json', 'report-dir': 'out', token: '' }, workspace: repo.dir })
    expect(md.code).toBe(0)
    expect(readdirSync(join(repo.dir, 'out')).sort()).toEqual(['.gitsm-report', 'report.json', 'report.md'])

    const broken = makeRepo({ ...minimalRepo, 'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: Broken\ntype: sometimes\n' })
    const run = await runAction({ inputs: { command: 'report', 'report-dir': 'out', token: '' }, workspace: broken })
    expect(run.code).toBe(1)
    expect(run.annotations.some((a) => a.properties.file === 'changes/CHG-0001.yaml')).toBe(true)
    expect(failures(run).join('\n')).toMatch(/wrote no report/)
    expect(existsSync(join(broken, 'out'))).toBe(false)

    const badConfig = makeRepo({ 'gitsm.yaml': 'timezone: Mars/Olympus\n' })
    const config = await runAction({ inputs: { command: 'report', 'report-dir': 'out', token: '' }, workspace: badConfig })
    expect(config.code).toBe(1)
    expect(config.annotations.some((a) => a.properties.file === 'gitsm.yaml' && a.properties.line === '1')).toBe(true)
    expect(failures(config).join('\n')).toMatch(/configuration error: gitsm.yaml has an error/)

    const badFormat = await runAction({ inputs: { command: 'report', format: 'pdf', token: '' }, workspace: repo.dir })
    expect(badFormat.code).toBe(1)
    expect(failures(badFormat).join('\n')).toMatch(/configuration error: The format "pdf" does not apply to report/)
  })
})

describe('the job summary of a long report', () => {
  it('is cut at a section boundary under GitHub\'s 1 MiB limit, saying where the rest is', async () => {
    const { summaryMarkdown } = await import('../../src/action/report.js')
    const section = (name: string) => `## ${name}\n\n${'| a | b |\n'.repeat(30_000)}`
    const long = ['# Report', section('One'), section('Two'), section('Three'), section('Four'), section('Five')].join('\n')
    const cut = summaryMarkdown(long)
    expect(Buffer.byteLength(cut)).toBeLessThan(1000 * 1000)
    expect(cut).toContain('## Two')
    expect(cut).not.toContain('## Five')
    expect(cut).toMatch(/\| a \| b \|\n\n_The report is longer than a job summary may be: the rest is in report.md/)
    expect(summaryMarkdown('# Short\n')).toBe('# Short\n')
  })
})
