import { gitsm } from '../support/cli.js'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { makeTree } from '../support/repo.js'



describe('gitsm init', () => {
  it('creates a repository that validates, with the workflows, and never overwrites', async () => {
    const dir = makeTree({ '.github/CODEOWNERS': '* @someone\n' })
    const created = await gitsm(['init', '--org', 'globex'], dir)
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('.github/workflows/gitsm-policy.yml')
    expect(created.stdout).toMatch(/Kept, as they exist already:\n {2}\.github\/CODEOWNERS/)
    expect(readFileSync(join(dir, '.github', 'CODEOWNERS'), 'utf8')).toBe('* @someone\n')

    const config = parse(readFileSync(join(dir, 'gitsm.yaml'), 'utf8'))
    expect(config.organization).toBe('globex')
    expect(Object.keys(config.teams)).toEqual(['@globex/cab', '@globex/web'])
    for (const name of ['gitsm-validate.yml', 'gitsm-review.yml', 'gitsm-policy.yml', 'gitsm-report.yml']) {
      const workflow = parse(readFileSync(join(dir, '.github', 'workflows', name), 'utf8'))
      expect(workflow.jobs).toBeDefined()
    }
    const policy = parse(readFileSync(join(dir, '.github', 'workflows', 'gitsm-policy.yml'), 'utf8'))
    expect(Object.keys(policy.on)).toEqual(['pull_request_target', 'workflow_run', 'merge_group'])
    expect(policy.jobs.policy.steps.map((step: { uses?: string }) => step.uses)).toEqual(['actions/create-github-app-token@v1', 'actions/checkout@v4', 'gitsm/gitsm@v0'])
    expect(existsSync(join(dir, 'changes', 'standard', 'rotate-tls-cert.yaml'))).toBe(true)
    expect(existsSync(join(dir, 'problems', '.gitkeep'))).toBe(false)

    const report = parse(readFileSync(join(dir, '.github', 'workflows', 'gitsm-report.yml'), 'utf8'))
    expect(report.jobs.report.steps.map((step: { uses?: string; with?: Record<string, unknown> }) => [step.uses, step.with?.command ?? step.with?.['fetch-depth'] ?? step.with?.path])).toEqual([
      ['actions/checkout@v4', 0],
      ['gitsm/gitsm@v0', 'report'],
      ['actions/upload-artifact@v4', 'gitsm-report'],
    ])

    const validated = await gitsm(['validate'], dir)
    expect(validated.stdout).toMatch(/No problems/)
    expect(validated.code).toBe(0)
    const reported = await gitsm(['report', '--format', 'json'], dir)
    expect(reported.code).toBe(0)
    expect(JSON.parse(reported.stdout).catalog.services.map((s: { id: string }) => s.id)).toEqual(['website'])

    writeFileSync(join(dir, 'gitsm.yaml'), 'timezone: UTC\n')
    const again = await gitsm(['init'], dir)
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/exists/)
    expect(readFileSync(join(dir, 'gitsm.yaml'), 'utf8')).toBe('timezone: UTC\n')
  })

  it('takes the organization from a github.com origin remote and accepts another Action', async () => {
    const dir = makeTree({ '.git/config': '[remote "origin"]\n\turl = git@github.com:initech/itsm.git\n' })
    expect((await gitsm(['init', '--action', 'initech/gitsm@0123abc'], dir)).code).toBe(0)
    expect(readFileSync(join(dir, 'gitsm.yaml'), 'utf8')).toContain('organization: initech')
    expect(readFileSync(join(dir, '.github', 'workflows', 'gitsm-validate.yml'), 'utf8')).toContain('uses: initech/gitsm@0123abc')
  })
})
