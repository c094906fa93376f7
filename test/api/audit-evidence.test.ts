import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { readAuditEvidence } from '../../src/api/audit-evidence.js'
import { GitHubApiError } from '../../src/io/github/github-error.js'
import type { Kind } from '../../src/model/kinds.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { parseRecordFile } from '../../src/parse/record-file.js'
import type { AuditEntry } from '../../src/report/audit.js'
import { testClient } from '../github/helpers.js'
import { changeYaml, commitAt as commit, gitAt as git } from '../support/dated-git.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitsm-audit-'))
  made.push(dir)
  return dir
}

/** The audit's changes: implemented by @erik, medium risk. */
const change = (id: string, status: string, options: { start?: string; requester?: string } = {}): string =>
  changeYaml(id, status, { implementer: '@erik', risk: 'medium', ...options })

/**
 * The ITSM folder `itsm/` of a repository: CHG-0042 drafted on a branch and merged as #12, then its window moved by a
 * direct push; CHG-0043 added approved by a squash commit (#13), its window later moved in #15; CHG-0044 approved by a
 * direct push; CHG-0045 squashed in approved (#16) with a window that had already started; CHG-0046 a draft.
 */
function scenario(): { dir: string; root: string; c: Record<string, string> } {
  const dir = tempDir()
  const c: Record<string, string> = {}
  git(dir, '2026-11-01T09:00:00Z', 'init', '-q', '-b', 'main')
  c.initial = commit(dir, '2026-11-01T09:00:00Z', 'Initial', { 'itsm/gitsm.yaml': 'organization: acme\ntimezone: Europe/Berlin\n', 'README.md': '# ops\n' })
  git(dir, '2026-11-01T09:00:00Z', 'checkout', '-q', '-b', 'chg-0042')
  c.draft42 = commit(dir, '2026-11-02T09:00:00Z', 'Draft CHG-0042', { 'itsm/changes/CHG-0042.yaml': change('CHG-0042', 'submitted') })
  c.approve42 = commit(dir, '2026-11-03T10:00:00Z', 'Approve CHG-0042', { 'itsm/changes/CHG-0042.yaml': change('CHG-0042', 'approved') })
  git(dir, '2026-11-03T11:00:00Z', 'checkout', '-q', 'main')
  c.other = commit(dir, '2026-11-03T11:00:00Z', 'Docs', { 'README.md': '# ops\n\nMore.\n' })
  git(dir, '2026-11-04T08:00:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from acme/chg-0042', 'chg-0042')
  c.merge12 = git(dir, '', 'rev-parse', 'HEAD')
  c.squash13 = commit(dir, '2026-11-05T08:00:00Z', 'Upgrade X (#13)', { 'itsm/changes/CHG-0043.yaml': change('CHG-0043', 'approved') })
  c.submit44 = commit(dir, '2026-11-06T08:00:00Z', 'Submit CHG-0044', { 'itsm/changes/CHG-0044.yaml': change('CHG-0044', 'submitted') })
  c.push44 = commit(dir, '2026-11-06T09:00:00Z', 'Approve CHG-0044', { 'itsm/changes/CHG-0044.yaml': change('CHG-0044', 'approved') })
  c.edit42 = commit(dir, '2026-11-07T08:00:00Z', 'Move the window of CHG-0042', { 'itsm/changes/CHG-0042.yaml': change('CHG-0042', 'approved', { start: '2026-12-05T22:00:00+01:00' }) })
  git(dir, '2026-11-08T08:00:00Z', 'checkout', '-q', '-b', 'move-0043')
  c.move43 = commit(dir, '2026-11-08T08:00:00Z', 'Move CHG-0043', { 'itsm/changes/CHG-0043.yaml': change('CHG-0043', 'approved', { start: '2026-12-06T22:00:00+01:00' }) })
  git(dir, '2026-11-08T10:00:00Z', 'checkout', '-q', 'main')
  git(dir, '2026-11-08T10:00:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #15 from acme/move-0043', 'move-0043')
  c.merge15 = git(dir, '', 'rev-parse', 'HEAD')
  c.squash16 = commit(dir, '2026-11-09T08:00:00Z', 'Hotfix Y (#16)', { 'itsm/changes/CHG-0045.yaml': change('CHG-0045', 'implemented', { start: '2026-11-09T06:00:00Z' }) })
  c.draft46 = commit(dir, '2026-11-09T09:00:00Z', 'Draft CHG-0046', { 'itsm/changes/CHG-0046.yaml': change('CHG-0046', 'draft') })
  return { dir, root: join(dir, 'itsm'), c }
}

/** The Change records of a folder as they are on disk. */
function changesIn(root: string): ItsmRecord[] {
  return readdirSync(join(root, 'changes'))
    .sort()
    .map((name) => {
      const path = `changes/${name}`
      const parsed = parseRecordFile({ path, text: readFileSync(join(root, path), 'utf8') })
      if (!parsed.ok) throw new Error(`${path} does not parse`)
      const { data } = parsed.value
      return { ...parsed.value, kind: data.kind as Kind, id: data.id as string }
    })
}

function byChange(entries: readonly AuditEntry[]): Record<string, AuditEntry> {
  return Object.fromEntries(entries.map((e) => [e.change, e]))
}

describe('readAuditEvidence from git alone', () => {
  test('approving commits, pull requests from commit messages, lead times and flags', async () => {
    const { dir, root, c } = scenario()
    const evidence = await readAuditEvidence({ root, changes: changesIn(root) })
    expect(evidence.history).toEqual({ head: git(dir, '', 'rev-parse', 'HEAD'), shallow: false })
    const e = byChange(evidence.entries)
    expect(Object.keys(e)).toEqual(['CHG-0042', 'CHG-0043', 'CHG-0044', 'CHG-0045', 'CHG-0046'])

    expect(e['CHG-0042']).toMatchObject({
      requested_by: '@dana',
      implementer: '@erik',
      approved_in: { commit: c.merge12, pull_request: 12, at: '2026-11-04T08:00:00Z' },
      // The draft on the branch (2 November 09:00) to the merge (4 November 08:00).
      lead_time_minutes: 47 * 60,
      approvals: null,
      flags: ['edited-after-approval'],
    })
    expect(e['CHG-0042']!.notes[0]).toContain(c.edit42!.slice(0, 7))
    expect(e['CHG-0042']!.notes[0]).toContain('without a GitHub token')

    expect(e['CHG-0043']).toMatchObject({ approved_in: { commit: c.squash13, pull_request: 13, at: '2026-11-05T08:00:00Z' }, lead_time_minutes: 0, flags: ['edited-after-approval'] })
    expect(e['CHG-0044']).toMatchObject({ approved_in: { commit: c.push44, pull_request: null }, lead_time_minutes: 60, flags: ['approved-outside-pull-request'] })
    expect(e['CHG-0045']).toMatchObject({ approved_in: { commit: c.squash16, pull_request: 16, at: '2026-11-09T08:00:00Z' }, flags: ['window-before-approval'] })
    expect(e['CHG-0046']).toMatchObject({ approved_in: null, lead_time_minutes: null, flags: [], notes: [] })
    for (const entry of evidence.entries) expect(entry.notes).toHaveLength(entry.flags.length)
  })

  test('a shallow clone: what lies beyond is reported, not guessed', async () => {
    const { dir } = scenario()
    const clone = join(tempDir(), 'clone')
    git(dir, '', 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${dir}`, clone)
    const root = join(clone, 'itsm')
    const evidence = await readAuditEvidence({ root, changes: changesIn(root) })
    expect(evidence.history.shallow).toBe(true)
    const e = byChange(evidence.entries)
    for (const id of ['CHG-0042', 'CHG-0043', 'CHG-0044', 'CHG-0045']) {
      expect(e[id], id).toMatchObject({ approved_in: null, lead_time_minutes: null, flags: ['history-incomplete'] })
      expect(e[id]!.notes[0]).toContain('fetch the full history: actions/checkout with fetch-depth: 0')
    }
    expect(e['CHG-0046']!.flags).toEqual([])
  })

  test('a folder in no git repository: no history, not an error', async () => {
    const { root } = scenario()
    const copy = join(tempDir(), 'itsm')
    cpSync(root, copy, { recursive: true })
    const evidence = await readAuditEvidence({ root: copy, changes: changesIn(copy) })
    expect(evidence.history).toEqual({ head: null, shallow: false })
    const e = byChange(evidence.entries)
    expect(e['CHG-0042']).toMatchObject({ approved_in: null, lead_time_minutes: null, flags: ['no-history'] })
    expect(e['CHG-0046']!.flags).toEqual([])
  })
})

describe('readAuditEvidence with GitHub', () => {
  let server: GitHubServer
  beforeEach(async () => {
    server = await startGitHubServer()
  })
  afterEach(async () => {
    await server.close()
  })

  const pullsRoute = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'

  function seed(c: Record<string, string>, reviewerOf15 = 'bob'): void {
    const base = { owner: 'acme', repo: 'itsm', baseSha: c.initial!, files: ['itsm/changes/x.yaml'] }
    server.addPullRequest({
      ...base,
      number: 12,
      author: 'dana',
      commits: [
        { sha: c.draft42!, author: 'dana', committer: 'dana', date: '2026-11-02T09:00:00Z' },
        { sha: c.approve42!, author: 'dana', committer: 'dana', date: '2026-11-03T10:00:00Z' },
      ],
      reviews: [{ login: 'bob', state: 'approved', submittedAt: '2026-11-03T12:00:00Z', authorAssociation: 'MEMBER' }],
      merged: { commit: c.merge12!, at: '2026-11-04T08:00:00Z' },
    })
    // Squash-merged: the branch began a day before the squash commit.
    server.addPullRequest({
      ...base,
      number: 13,
      author: 'carol',
      commits: [{ sha: '1'.repeat(40), author: 'carol', committer: 'carol', date: '2026-11-04T08:00:00Z' }],
      reviews: [
        { login: 'bob', state: 'changes_requested', submittedAt: '2026-11-04T09:00:00Z' },
        { login: 'bob', state: 'approved', submittedAt: '2026-11-04T10:00:00Z' },
      ],
      merged: { commit: c.squash13!, at: '2026-11-05T08:00:00Z' },
    })
    server.addPullRequest({
      ...base,
      number: 15,
      author: 'erik',
      commits: [{ sha: c.move43!, author: 'erik', committer: 'erik', date: '2026-11-08T08:00:00Z' }],
      reviews: [{ login: reviewerOf15, state: 'approved', submittedAt: '2026-11-08T09:00:00Z' }],
      merged: { commit: c.merge15!, at: '2026-11-08T10:00:00Z' },
    })
    server.addPullRequest({
      ...base,
      number: 16,
      author: 'erik',
      commits: [{ sha: '2'.repeat(40), author: 'erik', committer: 'erik', date: '2026-11-09T07:00:00Z' }],
      reviews: [{ login: 'bob', state: 'approved', submittedAt: '2026-11-09T07:30:00Z' }],
      merged: { commit: c.squash16!, at: '2026-11-09T08:00:00Z' },
    })
    // An open pull request that contains a commit of main is not the one that merged it.
    server.addPullRequest({ ...base, number: 20, author: 'mallory', commits: [{ sha: c.push44!, author: 'mallory' }] })
  }

  test('pull requests, approving reviews, re-approval, separation of duties and squash lead times from GitHub', async () => {
    const { root, c } = scenario()
    seed(c)
    const evidence = await readAuditEvidence({ root, changes: changesIn(root), github: { client: testClient(server), owner: 'acme', repo: 'itsm' } })
    const e = byChange(evidence.entries)

    expect(e['CHG-0042']).toMatchObject({
      approved_in: { commit: c.merge12, pull_request: 12 },
      approvals: [{ login: 'bob', submitted_at: '2026-11-03T12:00:00Z' }],
      lead_time_minutes: 47 * 60,
      flags: ['edited-after-approval'],
    })
    expect(e['CHG-0042']!.notes[0]).toContain('outside any pull request')

    // #15 moved the window with an approving review: a new approval.
    expect(e['CHG-0043']).toMatchObject({
      approved_in: { commit: c.merge15, pull_request: 15, at: '2026-11-08T10:00:00Z' },
      approvals: [{ login: 'bob', submitted_at: '2026-11-08T09:00:00Z' }],
      flags: [],
    })
    // The squash-merged #13 began on 4 November 08:00: its first commit starts the lead time.
    expect(e['CHG-0043']!.lead_time_minutes).toBe(4 * 24 * 60 + 2 * 60)

    expect(e['CHG-0044']).toMatchObject({ approved_in: { commit: c.push44, pull_request: null }, approvals: [], flags: ['approved-outside-pull-request'] })
    expect(e['CHG-0045']).toMatchObject({ approved_in: { pull_request: 16 }, lead_time_minutes: 60, flags: ['window-before-approval'] })
    expect(e['CHG-0046']).toMatchObject({ approved_in: null, approvals: null, flags: [] })
  })

  test('separation of duties: the implementer approved his own pull request', async () => {
    const { root, c } = scenario()
    seed(c, 'Erik')
    const evidence = await readAuditEvidence({ root, changes: changesIn(root), github: { client: testClient(server), owner: 'acme', repo: 'itsm' } })
    const entry = byChange(evidence.entries)['CHG-0043']!
    expect(entry.approved_in).toMatchObject({ commit: c.merge15, pull_request: 15 })
    expect(entry.approvals).toEqual([{ login: 'Erik', submitted_at: '2026-11-08T09:00:00Z' }])
    expect(entry.flags).toEqual(['separation-of-duties'])
    expect(entry.notes[0]).toContain('@Erik (the implementer and the pull request author)')
  })

  test('a GitHub failure throws GitHubApiError (exit 3): evidence is never guessed', async () => {
    const { root, c } = scenario()
    seed(c)
    server.fault(pullsRoute, { kind: 'status', status: 500 })
    const failure = readAuditEvidence({ root, changes: changesIn(root), github: { client: testClient(server), owner: 'acme', repo: 'itsm' } })
    await expect(failure).rejects.toBeInstanceOf(GitHubApiError)
    await expect(failure).rejects.toMatchObject({ exitCode: 3, status: 500 })
  })

  test('a review list cut short is a failure too', async () => {
    const { root, c } = scenario()
    seed(c)
    for (let i = 0; i < 120; i++) server.addReview('acme', 'itsm', 12, { login: `reviewer${i}`, state: 'commented' })
    server.fault('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { kind: 'short-page', page: 1, keep: 50 })
    const failure = readAuditEvidence({ root, changes: changesIn(root), github: { client: testClient(server), owner: 'acme', repo: 'itsm' } })
    await expect(failure).rejects.toBeInstanceOf(GitHubApiError)
  })
})
