import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitsm } from '../support/cli.js'
import { makeRepo, makeTree, minimalRepo } from '../support/repo.js'

const acme = join(import.meta.dirname, '..', '..', 'examples', 'acme')
const fixed = ['--from', '2026-09-01', '--to', '2026-12-31', '--now', '2026-11-21T12:00:00+01:00']

function listing(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listing(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort()
}

describe('gitsm report', () => {
  it('writes the HTML site, Markdown, JSON and the calendar of the bundled example, the same bytes twice', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gitsm-report-cli-'))
    const first = await gitsm(['report', acme, '--out', 'out', ...fixed], cwd)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Report 2026-09-01 to 2026-12-31 (Europe/Berlin) written to out/')
    expect(first.stdout).toContain('out/index.html')
    const files = listing(join(cwd, 'out'))
    expect(files).toEqual(expect.arrayContaining(['index.html', 'report.md', 'report.json', 'changes.ics', '.gitsm-report']))
    expect(files.filter((f) => f.startsWith('kb/')).length).toBeGreaterThan(5)
    const report = JSON.parse(readFileSync(join(cwd, 'out', 'report.json'), 'utf8'))
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['version', 'from', 'to', 'slas', 'changes', 'incidents', 'knowledge', 'audit']))
    expect(report).toMatchObject({ version: 1, from: '2026-09-01', to: '2026-12-31' })
    expect(report.changes).toMatchObject({ total: 17, by_type: { standard: 5, normal: 10, emergency: 2 } })
    expect(report.incidents.by_month.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12'])

    const again = await gitsm(['report', acme, '--out', 'again', ...fixed], cwd)
    expect(again.code).toBe(0)
    for (const file of files) expect(readFileSync(join(cwd, 'again', file)), file).toEqual(readFileSync(join(cwd, 'out', file)))
  })

  it('prints the JSON report alone on stdout for --format json without --out', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gitsm-report-cli-'))
    const result = await gitsm(['report', acme, '--format', 'json', ...fixed], cwd)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1, from: '2026-09-01' })
    expect(readdirSync(cwd)).toEqual([])
  })

  it('writes only the formats asked for', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gitsm-report-cli-'))
    const result = await gitsm(['report', acme, '--out', 'r', '--format', 'md,ics', ...fixed], cwd)
    expect(result.code).toBe(0)
    expect(listing(join(cwd, 'r'))).toEqual(['.gitsm-report', 'changes.ics', 'report.md'])
  })

  it('defaults to the quarter holding now', async () => {
    const result = await gitsm(['report', acme, '--format', 'json', '--now', '2026-11-21T12:00:00+01:00'], acme)
    expect(JSON.parse(result.stdout)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' })
    const onlyTo = await gitsm(['report', acme, '--format', 'json', '--to', '2026-08-15', '--now', '2026-11-21T12:00:00+01:00'], acme)
    expect(JSON.parse(onlyTo.stdout)).toMatchObject({ from: '2026-07-01', to: '2026-08-15' })
  })

  it('writes nothing, and exits 1 naming the file and line, when records have errors', async () => {
    const dir = makeTree({ ...minimalRepo, 'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: Broken\ntype: sometimes\n' })
    const result = await gitsm(['report', '--out', 'out'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/changes\/CHG-0001\.yaml\n\s+\d+:\d+\s+error/)
    expect(result.stderr).toContain('no report written')
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('reports usage errors with exit 2', async () => {
    const dir = makeRepo(minimalRepo)
    const badDate = await gitsm(['report', '--from', '2026-13-01'], dir)
    expect(badDate.code).toBe(2)
    expect(badDate.stderr).toContain('--from "2026-13-01" is not a date: write YYYY-MM-DD')
    const reversed = await gitsm(['report', '--from', '2026-12-01', '--to', '2026-11-01'], dir)
    expect(reversed.code).toBe(2)
    expect(reversed.stderr).toContain('--to 2026-11-01 is before --from 2026-12-01')
    const format = await gitsm(['report', '--format', 'pdf'], dir)
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('Unknown report format "pdf"')
    const repoWithoutToken = await gitsm(['report', '--repo', 'acme/itsm'], dir, { GITHUB_TOKEN: '' })
    expect(repoWithoutToken.code).toBe(2)
    expect(repoWithoutToken.stderr).toContain('needs a token in GITHUB_TOKEN')
  })

  it('shows a broken gitsm.yaml at its lines, exit 2', async () => {
    const dir = makeTree({ 'gitsm.yaml': 'timezone: Mars/Olympus\n' })
    const result = await gitsm(['report', '--out', 'out'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/gitsm\.yaml\n\s+1:\d+\s+error/)
    expect(result.stderr).toContain('No report written.')
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('never replaces a folder it did not write', async () => {
    const dir = makeRepo(minimalRepo)
    writeFileSync(join(dir, 'notes.txt'), 'mine\n')
    const result = await gitsm(['report', '--out', '.'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('holds files that gitsm report did not write')
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n')
  })

  it('has help', async () => {
    const result = await gitsm(['report', '--help'], tmpdir())
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: gitsm report [DIR] [--out DIR] [--format html,md,json,ics]')
  })
})
