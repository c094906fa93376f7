import { gitsm } from '../support/cli.js'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { git, makeRepo, makeTree } from '../support/repo.js'



const config = `organization: acme
timezone: Europe/Berlin
teams:
  "@acme/cab": ["@carol", "@chris"]
  "@acme/payments": ["@paula", "@piet"]
policy:
  lead_time: { normal: 48h }
  freeze:
    - { name: Year-end freeze, start: 2026-12-18T00:00:00+01:00, end: 2027-01-04T00:00:00+01:00, allow: [emergency] }
  risk_floor: { 1: medium }
  governance:
    - { team: "@acme/cab", count: 2 }
  approvals:
    - match: { type: normal, risk: [high, critical] }
      require: [{ team: "@acme/cab", count: 1 }, { owners: true, count: 1 }]
    - match: { type: normal }
      require: [{ owners: true, count: 1 }]
`

const change = (status: string, start = '2026-12-03T22:00:00+01:00', end = '2026-12-03T23:00:00+01:00'): string => `kind: Change
id: CHG-0001
title: Upgrade payments Postgres
type: normal
status: ${status}
services: [payments-api]
requested_by: "@dana"
risk: high
window:
  start: ${start}
  end: ${end}
plan: Fail over, upgrade the old primary, fail back.
rollback_plan: Fail back to the old primary.
`

const files: Record<string, string> = {
  'gitsm.yaml': config,
  'services/payments-api.yaml': 'kind: Service\nid: payments-api\ntitle: Payments API\nowner: "@acme/payments"\ntier: 1\n',
  'changes/CHG-0001-upgrade-postgres.yaml': change('submitted'),
}

/** A repository whose head commit approves CHG-0001, and the REST files describing its pull request. */
function pullRequest(head: Record<string, string>, reviewers: { login: string; state?: string; association?: string }[]) {
  const dir = makeRepo(files)
  const base = git(dir, 'rev-parse', 'HEAD').trim()
  makeTree(head, dir)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'approve CHG-0001')
  const headSha = git(dir, 'rev-parse', 'HEAD').trim()
  const reviews = reviewers.map((r, i) => ({
    id: i + 1,
    user: { login: r.login, type: 'User' },
    state: r.state ?? 'APPROVED',
    commit_id: headSha,
    submitted_at: `2026-11-25T10:0${i}:00Z`,
    author_association: r.association ?? 'MEMBER',
  }))
  writeFileSync(join(dir, '..', `${dir.split('/').pop()}-reviews.json`), JSON.stringify(reviews))
  writeFileSync(join(dir, '..', `${dir.split('/').pop()}-commits.json`), JSON.stringify([{ sha: headSha, author: { login: 'dana' }, committer: { login: 'dana' } }]))
  const args = [
    'policy', '--base', base, '--head', headSha,
    '--reviews', join(dir, '..', `${dir.split('/').pop()}-reviews.json`),
    '--commits', join(dir, '..', `${dir.split('/').pop()}-commits.json`),
    '--author', 'dana', '--opened-at', '2026-11-24T09:00:00Z', '--now', '2026-11-25T12:00:00Z',
  ]
  return { dir, args, headSha }
}

describe('gitsm policy (offline)', () => {
  it('approves when the CAB and an owner approved on the head commit', async () => {
    const { dir, args } = pullRequest({ 'changes/CHG-0001-upgrade-postgres.yaml': change('approved') }, [{ login: 'carol' }, { login: 'paula' }])
    const { code, stdout } = await gitsm([...args, '--format', 'json'], dir)
    const doc = JSON.parse(stdout)
    expect(doc).toMatchObject({ version: 1, decision: 'approved' })
    expect(doc.changes).toEqual([
      expect.objectContaining({ id: 'CHG-0001', file: 'changes/CHG-0001-upgrade-postgres.yaml', decision: 'approved', transition: { from: 'submitted', to: 'approved' } }),
    ])
    expect(code).toBe(0)
  })

  it('is pending, naming who must still approve, when an owner is missing', async () => {
    const { dir, args } = pullRequest({ 'changes/CHG-0001-upgrade-postgres.yaml': change('approved') }, [{ login: 'carol' }, { login: 'dana' }])
    const { code, stdout } = await gitsm(args, dir)
    expect(code).toBe(1)
    expect(stdout).toMatch(/pending/i)
    expect(stdout).toMatch(/service owners: 0\/1/)
    expect(stdout).toMatch(/@dana/)
  })

  it('rejects a window inside the freeze, whatever the approvals', async () => {
    const frozen = change('approved', '2026-12-20T22:00:00+01:00', '2026-12-20T23:00:00+01:00')
    const { dir, args } = pullRequest({ 'changes/CHG-0001-upgrade-postgres.yaml': frozen }, [{ login: 'carol' }, { login: 'paula' }])
    const { code, stdout } = await gitsm([...args, '--format', 'json'], dir)
    expect(code).toBe(1)
    const doc = JSON.parse(stdout)
    expect(doc.decision).toBe('rejected')
    expect(doc.changes[0].violations).toEqual([expect.objectContaining({ ruleId: 'policy/freeze', file: 'changes/CHG-0001-upgrade-postgres.yaml', line: 10 })])
  })

  it('reads the policy from the base commit: a pull request cannot remove the freeze it breaks', async () => {
    const frozen = change('approved', '2026-12-20T22:00:00+01:00', '2026-12-20T23:00:00+01:00')
    const weakened = config.replace(/ {2}freeze:\n.*\n/, '')
    const { dir, args } = pullRequest({ 'gitsm.yaml': weakened, 'changes/CHG-0001-upgrade-postgres.yaml': frozen }, [{ login: 'carol' }, { login: 'chris' }, { login: 'paula' }])
    const { code, stdout } = await gitsm([...args, '--format', 'json'], dir)
    const doc = JSON.parse(stdout)
    expect(doc.decision).toBe('rejected')
    expect(doc.changes[0].violations.map((v: { ruleId: string }) => v.ruleId)).toContain('policy/freeze')
    expect(doc.governance).toMatchObject({ files: ['gitsm.yaml'] })
    expect(code).toBe(1)
  })

  it('judges only what the pull request changed when main has moved on since it branched', async () => {
    const dir = makeRepo({ ...files, 'changes/CHG-0002-other.yaml': change('submitted').replace(/CHG-0001/g, 'CHG-0002') })
    git(dir, 'checkout', '-q', '-b', 'pr')
    makeTree({ 'changes/CHG-0001-upgrade-postgres.yaml': change('approved') }, dir)
    git(dir, 'commit', '-q', '-am', 'approve CHG-0001')
    const head = git(dir, 'rev-parse', 'HEAD').trim()
    git(dir, 'checkout', '-q', 'main')
    // Another pull request, merged meanwhile, approved CHG-0002 on main.
    makeTree({ 'changes/CHG-0002-other.yaml': change('approved').replace(/CHG-0001/g, 'CHG-0002') }, dir)
    git(dir, 'commit', '-q', '-am', 'approve CHG-0002')
    const base = git(dir, 'rev-parse', 'HEAD').trim()
    const reviews = [{ id: 1, user: { login: 'carol', type: 'User' }, state: 'APPROVED', commit_id: head, submitted_at: '2026-11-25T10:00:00Z', author_association: 'MEMBER' }, { id: 2, user: { login: 'paula', type: 'User' }, state: 'APPROVED', commit_id: head, submitted_at: '2026-11-25T10:01:00Z', author_association: 'MEMBER' }]
    writeFileSync(join(dir, '..', 'moved-reviews.json'), JSON.stringify(reviews))
    writeFileSync(join(dir, '..', 'moved-commits.json'), JSON.stringify([{ sha: head, author: { login: 'dana' }, committer: { login: 'dana' } }]))
    const { code, stdout } = await gitsm(['policy', '--base', base, '--head', head, '--reviews', '../moved-reviews.json', '--commits', '../moved-commits.json', '--author', 'dana', '--opened-at', '2026-11-24T09:00:00Z', '--now', '2026-11-25T12:00:00Z', '--format', 'json'], dir)
    const doc = JSON.parse(stdout)
    expect(doc.changes.map((c: { id: string }) => c.id)).toEqual(['CHG-0001'])
    expect(doc.decision).toBe('approved')
    expect(code).toBe(0)
  })

  it('writes a Markdown comment with a hidden marker and inert user text', async () => {
    const { dir, args } = pullRequest({ 'changes/CHG-0001-upgrade-postgres.yaml': change('approved') }, [{ login: 'carol' }])
    const { stdout } = await gitsm([...args, '--format', 'markdown'], dir)
    expect(stdout.startsWith('<!-- gitsm:policy -->\n')).toBe(true)
    expect(stdout).toContain('CHG-0001')
  })

  it('exits 2 when offline facts are missing', async () => {
    const { dir, args } = pullRequest({ 'changes/CHG-0001-upgrade-postgres.yaml': change('approved') }, [])
    const { code, stderr } = await gitsm(args.filter((a, i) => a !== '--author' && args[i - 1] !== '--author'), dir)
    expect(code).toBe(2)
    expect(stderr).toContain('--author')
  })
})
