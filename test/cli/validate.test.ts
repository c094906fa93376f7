import { gitsm } from '../support/cli.js'
import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { git, makeRepo, makeTree, minimalRepo } from '../support/repo.js'



const brokenService = 'kind: Service\nid: payments-api\ntitle: Payments API\nowner: "@acme/payments"\ntier: 1\nlifecycle: live\ndepends_on: [postgres-main, ledger]\n'

describe('gitsm validate', () => {
  it('passes the bundled example with exit 0 and a summary line', async () => {
    const { code, stdout } = await gitsm(['validate', 'examples/acme'], join(import.meta.dirname, '..', '..'))
    expect(stdout).toMatch(/No problems: \d+ files, \d+ records checked in examples\/acme/)
    expect(code).toBe(0)
  })

  it('reports findings with exit 1, grouped by file, with a code frame', async () => {
    const dir = makeTree({ ...minimalRepo, 'services/payments-api.yaml': brokenService })
    const { code, stdout } = await gitsm(['validate'], dir)
    expect(code).toBe(1)
    expect(stdout).toContain('services/payments-api.yaml\n')
    expect(stdout).toMatch(/7:29\s+error\s+.*ledger.*ref\/unknown-service/)
    expect(stdout).toContain('> 7 | depends_on: [postgres-main, ledger]')
    expect(stdout).toMatch(/\^{6}/)
    expect(stdout).toMatch(/1 problem \(1 error, 0 warnings\) in 1 file/)
  })

  it('prints one JSON document with the documented shape', async () => {
    const dir = makeTree({ ...minimalRepo, 'services/payments-api.yaml': brokenService })
    const { code, stdout } = await gitsm(['validate', dir, '--format', 'json'], '/')
    expect(code).toBe(1)
    const doc = JSON.parse(stdout)
    expect(doc).toMatchObject({ version: 1, root: dir, files: 3, records: 3, errors: 1, warnings: 0 })
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'ref/unknown-service', severity: 'error', file: 'services/payments-api.yaml', line: 7, column: 29, endLine: 7, endColumn: 35 }),
    ])
    expect(typeof doc.diagnostics[0].message).toBe('string')
  })

  it('writes SARIF 2.1.0 for code scanning', async () => {
    const dir = makeTree({ ...minimalRepo, 'services/payments-api.yaml': brokenService })
    const { code, stdout } = await gitsm(['validate', '--format', 'sarif'], dir)
    expect(code).toBe(1)
    const log = JSON.parse(stdout)
    expect(log.version).toBe('2.1.0')
    const [result] = log.runs[0].results
    expect(result).toMatchObject({ ruleId: 'ref/unknown-service', level: 'error' })
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'services/payments-api.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 29, endLine: 7, endColumn: 35 },
    })
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('ref/unknown-service')
  })

  it('writes GitHub annotations relative to the workspace, with user text escaped', async () => {
    // A real newline inside the value: unescaped, it would start a workflow command of its own.
    const evil = brokenService.replace('ledger', '"x\\n::warning::pwned%0A"')
    const dir = makeTree({ ...minimalRepo, 'services/payments-api.yaml': evil })
    const inWorkspace = await gitsm(['validate', '--format', 'github'], dir, { GITHUB_WORKSPACE: join(dir, '..') })
    expect(inWorkspace.code).toBe(1)
    const lines = inWorkspace.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^::error file=${dir.split('/').pop()}/services/payments-api.yaml,line=7,endLine=7,col=29,endColumn=\\d+,title=gitsm schema/pattern::`))
    expect(lines[0]).toContain('::warning::pwned%250A')
  })

  it('exits 2 for usage and configuration errors, naming the problem', async () => {
    const dir = makeTree(minimalRepo)
    for (const args of [['validate', '--format', 'xml'], ['validate', '--bogus'], ['validate', '--now', '2026-02-30T10:00:00Z'], ['frobnicate'], ['validate', 'a', 'b']]) {
      const { code, stderr } = await gitsm(args, dir)
      expect(code, args.join(' ')).toBe(2)
      expect(stderr).toMatch(/^gitsm: /)
    }
    const empty = makeTree({ 'README.md': '# not an ITSM repository\n' })
    const missing = await gitsm(['validate'], empty)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('No gitsm.yaml')
  })

  it('reports a broken gitsm.yaml at its line, with exit 2, in every format', async () => {
    const dir = makeTree({ ...minimalRepo, 'gitsm.yaml': 'timezone: Europe/Berlin\ntimezone: UTC\n' })
    const pretty = await gitsm(['validate'], dir)
    expect(pretty.code).toBe(2)
    expect(pretty.stdout).toMatch(/gitsm\.yaml\n\s+2:1\s+error/)
    const json = await gitsm(['validate', '--format', 'json'], dir)
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({ ruleId: 'yaml/duplicate-key', file: 'gitsm.yaml', line: 2 })
  })

  it('refuses a symlinked record instead of following it', async () => {
    const dir = makeTree(minimalRepo)
    symlinkSync('/etc/passwd', join(dir, 'services', 'ledger.yaml'))
    const { code, stdout } = await gitsm(['validate', '--format', 'json'], dir)
    expect(code).toBe(1)
    expect(JSON.parse(stdout).diagnostics).toEqual([expect.objectContaining({ ruleId: 'file/symlink', file: 'services/ledger.yaml' })])
  })

  it('reports a file that is not UTF-8 and still checks the others', async () => {
    const dir = makeTree({ ...minimalRepo, 'services/payments-api.yaml': brokenService })
    writeFileSync(join(dir, 'services', 'latin1.yaml'), Buffer.from('kind: Service\nid: latin1\ntitle: Caf\xe9\n', 'latin1'))
    const { code, stdout } = await gitsm(['validate', '--format', 'json'], dir)
    expect(code).toBe(1)
    expect(JSON.parse(stdout).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'file/encoding', file: 'services/latin1.yaml', line: 3 }),
      expect.objectContaining({ ruleId: 'ref/unknown-service', file: 'services/payments-api.yaml' }),
    ])
  })

  it('reports a Markdown file that would take the parser minutes, and still checks the others', async () => {
    const article = (id: string, body: string): string =>
      `---\nkind: Article\nid: ${id}\ntitle: T\ntype: faq\nstatus: draft\nowner: "@acme/payments"\nreviewed_at: 2026-10-01\n---\n\n# T\n\n${body}\n`
    // 300 KB of "*_" takes remark minutes; the budget is 2 s per file.
    const dir = makeTree({ ...minimalRepo, 'services/payments-api.yaml': brokenService, 'kb/KB-0001.md': article('KB-0001', '*_'.repeat(150_000)), 'kb/KB-0002.md': article('KB-0002', 'Fine.') })
    const started = Date.now()
    const { code, stdout } = await gitsm(['validate', '--format', 'json', '--now', '2026-11-21T12:00:00Z'], dir)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(code).toBe(1)
    expect(JSON.parse(stdout).diagnostics.map((d: { file: string; ruleId: string }) => `${d.file} ${d.ruleId}`)).toEqual([
      'kb/KB-0001.md markdown/too-slow',
      'services/payments-api.yaml ref/unknown-service',
    ])
  })

  it('--ref reads a commit without a checkout, and --changed-since checks only changed files', async () => {
    const dir = makeRepo(minimalRepo)
    const base = git(dir, 'rev-parse', 'HEAD').trim()
    makeTree({ 'services/payments-api.yaml': brokenService, 'services/ledger-new.yaml': 'kind: Service\nid: ledger-new\ntitle: Ledger\nowner: "@acme/payments"\ntier: 2\ndepends_on: [payments-api, nowhere]\n' }, dir)
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'break things')
    // A committed problem in an unchanged file that --changed-since must not report.
    const atBase = await gitsm(['validate', '--ref', base, '--format', 'json'], dir)
    expect(atBase.code).toBe(0)
    expect(JSON.parse(atBase.stdout).files).toBe(3)

    const head = await gitsm(['validate', '--ref', 'HEAD', '--format', 'json'], dir)
    expect(head.code).toBe(1)
    expect(JSON.parse(head.stdout).diagnostics.map((d: { file: string }) => d.file)).toEqual(['services/ledger-new.yaml', 'services/payments-api.yaml'])

    makeTree({ 'services/payments-api.yaml': minimalRepo['services/payments-api.yaml']! }, dir)
    const changed = await gitsm(['validate', '--changed-since', base, '--format', 'json'], dir)
    const doc = JSON.parse(changed.stdout)
    expect(doc.files).toBe(1)
    expect(doc.diagnostics).toEqual([expect.objectContaining({ ruleId: 'ref/unknown-service', file: 'services/ledger-new.yaml', line: 6 })])
    expect(changed.code).toBe(1)
  })

  it('exits 3 when git cannot resolve the REV, and says what to do', async () => {
    const dir = makeRepo(minimalRepo)
    for (const args of [['validate', '--ref', 'no-such-branch'], ['validate', '--changed-since', 'origin/main']]) {
      const { code, stderr } = await gitsm(args, dir)
      expect(code, args.join(' ')).toBe(3)
      expect(stderr).toMatch(/no-such-branch|origin\/main/)
    }
  })
})

describe('gitsm schema', () => {
  it('writes one schema per kind and gitsm.yaml', async () => {
    const dir = makeTree({})
    const { code, stdout } = await gitsm(['schema', '--out', 'schemas'], dir)
    expect(code).toBe(0)
    expect(stdout).toMatch(/Wrote 8 schemas to schemas/)
    const printed = await gitsm(['schema'], dir)
    const all = JSON.parse(printed.stdout)
    expect(Object.keys(all).sort()).toEqual(
      ['article', 'change', 'config', 'incident', 'problem', 'service', 'sla', 'standard-change'].map((n) => `${n}.schema.json`),
    )
  })

  it('answers --help and --version', async () => {
    const dir = makeTree({})
    expect((await gitsm(['--version'], dir)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    const help = await gitsm(['validate', '--help'], dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--changed-since REV')
  })
})
