import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { git } from '../support/repo.js'

/** Replays the README's "A change, from draft to approved" on a copy of the bundled example. */
const root = join(import.meta.dirname, '..', '..')
const bin = join(root, 'bin', 'gitsm.js')
const run = promisify(execFile)
const file = 'changes/CHG-0021-rotate-payments-db-credentials.yaml'

function change(status: string, window = { start: '2026-12-08T20:00:00+01:00', end: '2026-12-08T21:00:00+01:00' }, plan = 'Create the new role, roll the API pods, drop the old role.'): string {
  const scheduled = `${status === 'draft' ? '' : `window:\n  start: ${window.start}\n  end: ${window.end}\n`}plan: ${plan}\nrollback_plan: Re-enable the old role and roll the pods back.\n`
  return `kind: Change\nid: CHG-0021\ntitle: Rotate the payments database credentials\ntype: normal\nstatus: ${status}\nservices: [payments-api]\nrequested_by: "@dana-fischer"\nrisk: low\n${scheduled}`
}

async function verdict(dir: string, base: string, approvals: { login: string; on: string }[]): Promise<{ decision: string; text: string }> {
  const reviews = approvals.map((a, i) => ({ id: i + 1, user: { login: a.login, type: 'User' }, state: 'APPROVED', commit_id: a.on, submitted_at: `2026-12-01T10:0${i}:00Z`, author_association: 'MEMBER' }))
  const head = git(dir, 'rev-parse', 'HEAD').trim()
  writeFileSync(join(dir, '..', 'reviews.json'), JSON.stringify(reviews))
  writeFileSync(join(dir, '..', 'commits.json'), JSON.stringify([{ sha: head, author: { login: 'dana-fischer' }, committer: { login: 'dana-fischer' } }]))
  const args = [bin, 'policy', '--base', base, '--head', head, '--reviews', '../reviews.json', '--commits', '../commits.json', '--author', 'dana-fischer', '--opened-at', '2026-11-30T09:00:00+01:00', '--now', '2026-12-01T12:00:00+01:00']
  const json = await run(process.execPath, [...args, '--format', 'json'], { cwd: dir }).catch((e: { stdout: string }) => e)
  const text = await run(process.execPath, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }).catch((e: { stdout: string }) => e)
  return { decision: JSON.parse(json.stdout).decision, text: text.stdout }
}

function commit(dir: string, text: string): string {
  writeFileSync(join(dir, file), text)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'update CHG-0021')
  return git(dir, 'rev-parse', 'HEAD').trim()
}

describe('README walkthrough on examples/acme', () => {
  it('goes from draft to approved as the README says', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gitsm-walk-')), 'acme')
    cpSync(join(root, 'examples', 'acme'), dir, { recursive: true })
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'base')
    const base = git(dir, 'rev-parse', 'HEAD').trim()

    commit(dir, change('draft'))
    const draft = await verdict(dir, base, [])
    expect(draft.decision, draft.text).toBe('approved')

    commit(dir, change('submitted'))
    expect((await verdict(dir, base, [])).decision).toBe('approved')

    const approved = commit(dir, change('approved'))
    const pending = await verdict(dir, base, [{ login: 'dana-fischer', on: approved }])
    expect(pending.decision).toBe('pending')
    expect(pending.text).toMatch(/owner of payments-api \(@acme\/payments\)/)
    expect(pending.text).toMatch(/@dana-fischer: they opened the pull request/)

    expect((await verdict(dir, base, [{ login: 'priya-raman', on: approved }])).decision).toBe('approved')

    const fixed = commit(dir, change('approved', undefined, 'Create the new role, roll the API pods one by one, drop the old role.'))
    expect((await verdict(dir, base, [{ login: 'priya-raman', on: approved }])).decision).toBe('pending')
    expect((await verdict(dir, base, [{ login: 'priya-raman', on: fixed }])).decision).toBe('approved')

    commit(dir, change('approved', { start: '2026-12-22T20:00:00+01:00', end: '2026-12-22T21:00:00+01:00' }))
    const frozen = await verdict(dir, base, [{ login: 'priya-raman', on: git(dir, 'rev-parse', 'HEAD').trim() }])
    expect(frozen.decision).toBe('rejected')
    expect(frozen.text).toMatch(/Year-end freeze/)
  })
})
