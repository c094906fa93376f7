import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { git, makeRepo, makeTree, minimalRepo } from '../support/repo.js'
import { pullRequestOpened } from './payloads.js'
import { buildAction, runAction } from './run-action.js'

const change = (id: string, service: string) => `kind: Change
id: ${id}
title: Rotate the edge certificate
type: normal
status: submitted
services: [${service}]
requested_by: "@dana"
risk: low
window:
  start: 2026-12-03T22:00:00+01:00
  end: 2026-12-03T23:00:00+01:00
plan: Swap the certificate.
rollback_plan: Swap it back.
`

/** Over 8 KiB, so the Markdown parser hands it to a worker thread: the bundle must start itself as that worker. */
const bigArticle = `---
kind: Article
id: KB-0001
title: Recover the payments API
type: how_to
status: "::error::injected $(id) @acme/cab <b>"
owner: "@acme/payments"
services: [payments-api]
reviewed_at: 2026-01-01
review_by: 2026-02-01
---

# Recover the payments API

## Steps

${Array.from({ length: 200 }, (_, i) => `Step ${i + 1}: check the pool, then the replica, then the dashboards again.`).join('\n\n')}
`

beforeAll(async () => {
  await buildAction()
}, 60_000)

// Counts the worker threads the Action's process starts, on stderr.
const watchWorkers = pathToFileURL(join(import.meta.dirname, 'watch-workers.mjs')).href

describe('the Action, command: validate', () => {
  it('annotates findings on their files and lines, within GitHub\'s limits, and fails the step', async () => {
    const files: Record<string, string> = { ...minimalRepo, 'kb/KB-0001-recover-payments.md': bigArticle }
    for (let i = 1; i <= 12; i++) files[`changes/CHG-${String(i).padStart(4, '0')}-rotate.yaml`] = change(`CHG-${String(i).padStart(4, '0')}`, 'no-such-service')
    const workspace = makeTree(Object.fromEntries(Object.entries(files).map(([path, text]) => [`itsm/${path}`, text])))
    const run = await runAction({ inputs: { path: 'itsm' }, workspace, event: { name: 'push', payload: {} }, nodeArgs: ['--import', watchWorkers] })

    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/worker started/)
    expect(run.outputs).toEqual({ errors: '13', warnings: '1' })
    const errors = run.annotations.filter((a) => a.command === 'error')
    // 10 error annotations in all: 8 findings, a note about the rest, and the step's failure.
    expect(errors).toHaveLength(10)
    const onFiles = errors.filter((a) => a.properties.file !== undefined)
    expect(onFiles).toHaveLength(8)
    expect(onFiles[0]!.properties).toMatchObject({ file: 'itsm/changes/CHG-0001-rotate.yaml', line: '6', title: 'gitsm ref/unknown-service' })
    expect(errors.some((a) => /5 more errors/.test(a.message))).toBe(true)
    expect(errors.at(-1)!.message).toMatch(/13 errors and 1 warning/)
    const warning = run.annotations.find((a) => a.command === 'warning')!
    expect(warning.properties).toMatchObject({ file: 'itsm/kb/KB-0001-recover-payments.md', title: 'gitsm kb/review-overdue' })

    // Found by the worker, on the front matter's line; past the annotation limit, so in the summary only. Inert.
    expect(run.summary).toMatch(/^\| ✖ error \| itsm\/kb\/KB-0001-recover-payments\.md:6:9 \| schema\/enum \| .*injected/m)
    expect(run.stdout.split('\n').filter((l) => l.includes('injected'))).toEqual([])
    expect(run.summary).toContain('### ✖ gitsm validate: 13 errors, 1 warning')
    expect(run.summary.match(/^\| ✖ error \| /gm)).toHaveLength(13)
    expect(run.summary).toContain('itsm/changes/CHG-0012-rotate.yaml:6')
    expect(run.summary).not.toContain('<b>')
    expect(run.summary).not.toContain('@acme/cab')
  })

  it('checks only what a pull request changes when its base is in the checkout, and everything otherwise', async () => {
    const workspace = makeRepo({ ...minimalRepo, 'changes/CHG-0001-rotate.yaml': change('CHG-0001', 'no-such-service') })
    const baseSha = git(workspace, 'rev-parse', 'HEAD').trim()
    makeTree({ 'changes/CHG-0002-rotate.yaml': change('CHG-0002', 'also-missing') }, workspace)
    git(workspace, 'add', '-A')
    git(workspace, 'commit', '-q', '-m', 'add CHG-0002')
    const headSha = git(workspace, 'rev-parse', 'HEAD').trim()
    const target = { repository: 'acme/itsm', pull: 7, headSha, baseSha }

    const changed = await runAction({ inputs: { format: 'sarif', 'report-dir': 'out' }, workspace, event: { name: 'pull_request', payload: pullRequestOpened(target) } })
    expect(changed.code).toBe(1)
    expect(changed.outputs).toMatchObject({ errors: '1', warnings: '0', 'report-dir': join(workspace, 'out') })
    expect(changed.annotations.filter((a) => a.properties.file !== undefined).map((a) => a.properties.file)).toEqual(['changes/CHG-0002-rotate.yaml'])
    expect(changed.summary).toContain(`since its base ${baseSha.slice(0, 7)}`)
    const sarif = JSON.parse(readFileSync(join(workspace, 'out', 'gitsm.sarif'), 'utf8'))
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ref/unknown-service'])

    const shallow = await runAction({ inputs: {}, workspace, event: { name: 'pull_request', payload: pullRequestOpened({ ...target, baseSha: 'd'.repeat(40) }) } })
    expect(shallow.code).toBe(1)
    expect(shallow.outputs).toEqual({ errors: '2', warnings: '0' })
    expect(shallow.summary).toMatch(/Checked the whole repository: the pull request's base ddddddd could not be read/)
    expect(shallow.summary).toMatch(/fetch-depth: 0/)
  })

  it('passes a clean repository, and reports a broken gitsm.yaml as a configuration error on its line', async () => {
    const clean = await runAction({ inputs: {}, workspace: makeTree(minimalRepo) })
    expect(clean.code).toBe(0)
    expect(clean.outputs).toEqual({ errors: '0', warnings: '0' })
    expect(clean.annotations).toEqual([])
    expect(clean.summary).toContain('### ✔ gitsm validate: 0 errors, 0 warnings')

    const broken = await runAction({ inputs: {}, workspace: makeTree({ ...minimalRepo, 'gitsm.yaml': 'organization: acme\ntimezone: Mars/Olympus\n' }) })
    expect(broken.code).toBe(1)
    const config = broken.annotations.find((a) => a.properties.file === 'gitsm.yaml')!
    expect(config.properties.line).toBe('2')
    expect(broken.annotations.at(-1)!.message).toMatch(/^gitsm: configuration error: /)
    expect(broken.summary).toMatch(/^### ✖ gitsm validate: configuration error\n[^]*\| ✖ error \| gitsm\.yaml:2:11 \| schema\/format \|/)
  })
})
