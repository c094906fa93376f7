import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateRepository } from '../../src/index.js'
import { git, makeRepo, makeTree, minimalRepo } from '../support/repo.js'

/** A repository where unchanged records depend on others: a change uses a model, an incident names a service. */
const repo: Record<string, string> = {
  ...minimalRepo,
  'services/auth-api.yaml': 'kind: Service\nid: auth-api\ntitle: Auth\nowner: "@acme/identity"\ntier: 2\n',
  'changes/standard/restart-pod.yaml':
    'kind: StandardChange\nid: restart-pod\ntitle: Restart a pod\nservices: []\nmax_risk: medium\napproved_by: ["@acme/cab"]\napproved_at: 2026-03-01\nprocedure: kubectl rollout restart\nrollback_plan: none needed\n',
  'changes/CHG-0001-restart-auth.yaml':
    'kind: Change\nid: CHG-0001\ntitle: Restart auth\ntype: standard\nmodel: restart-pod\nstatus: submitted\nservices: [auth-api]\nrequested_by: "@dana"\nrisk: medium\nwindow:\n  start: 2026-12-03T22:00:00+01:00\n  end: 2026-12-03T23:00:00+01:00\n',
  'incidents/INC-0001.yaml':
    'kind: Incident\nid: INC-0001\ntitle: Logins slow\nservices: [auth-api]\npriority: P3\nstatus: open\nopened_at: 2026-11-02T09:14:00Z\n',
}

async function changedSince(dir: string, base: string) {
  const result = await validateRepository({ root: dir, changedSince: base })
  return { scope: result.scope, findings: result.diagnostics.map((d) => `${d.file} ${d.ruleId}`), files: result.files }
}

function baseRepo(): { dir: string; base: string } {
  const dir = makeRepo(repo)
  return { dir, base: git(dir, 'rev-parse', 'HEAD').trim() }
}

describe('validate --changed-since', () => {
  it('checks only the changed file when nothing else can break', async () => {
    const { dir, base } = baseRepo()
    makeTree({ 'incidents/INC-0001.yaml': repo['incidents/INC-0001.yaml']!.replace('P3', 'P2') }, dir)
    expect(await changedSince(dir, base)).toEqual({ scope: { full: false }, findings: [], files: 1 })
  })

  it('checks everything when a record that others name is deleted', async () => {
    const { dir, base } = baseRepo()
    rmSync(join(dir, 'services', 'auth-api.yaml'))
    const { scope, findings } = await changedSince(dir, base)
    expect(scope).toEqual({ full: true, reason: 'services/auth-api.yaml was deleted or renamed' })
    expect(findings).toEqual(['changes/CHG-0001-restart-auth.yaml ref/unknown-service', 'incidents/INC-0001.yaml ref/unknown-service'])
  })

  it('checks everything when a standard change model narrows', async () => {
    const { dir, base } = baseRepo()
    makeTree({ 'changes/standard/restart-pod.yaml': repo['changes/standard/restart-pod.yaml']!.replace('max_risk: medium', 'max_risk: low') }, dir)
    const { scope, findings } = await changedSince(dir, base)
    expect(scope.full).toBe(true)
    expect(findings).toEqual(['changes/CHG-0001-restart-auth.yaml change/standard-model'])
  })

  it('checks everything when a service keeps its file name but changes its id', async () => {
    const { dir, base } = baseRepo()
    makeTree({ 'services/auth-api.yaml': repo['services/auth-api.yaml']!.replace('id: auth-api', 'id: auth') }, dir)
    const { scope, findings } = await changedSince(dir, base)
    expect(scope).toEqual({ full: true, reason: 'the service in services/auth-api.yaml changed its id from auth-api to auth' })
    expect(findings).toEqual(['changes/CHG-0001-restart-auth.yaml ref/unknown-service', 'incidents/INC-0001.yaml ref/unknown-service'])
  })

  it('checks everything when gitsm.yaml changes', async () => {
    const { dir, base } = baseRepo()
    makeTree({ 'gitsm.yaml': 'organization: acme\ntimezone: UTC\n' }, dir)
    expect((await changedSince(dir, base)).scope).toEqual({ full: true, reason: 'gitsm.yaml changed' })
  })

  it('reports a new file that duplicates an unchanged record by id', async () => {
    const { dir, base } = baseRepo()
    makeTree({ 'incidents/INC-0001-copy.yaml': repo['incidents/INC-0001.yaml']! }, dir)
    const { scope, findings } = await changedSince(dir, base)
    expect(scope.full).toBe(false)
    expect(findings).toEqual(['incidents/INC-0001-copy.yaml id/duplicate'])
  })
})
