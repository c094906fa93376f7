import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateRepository } from '../../src/api/validate-repository.js'
import { applyAdoption, runKb } from '../../src/cli/kb-command.js'
import { reportFailure } from '../../src/cli/main.js'
import { makeTree } from '../support/repo.js'

async function kb(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, env: { NO_COLOR: '1' } }
  let code: number
  try {
    code = await runKb(args, io)
  } catch (error) {
    code = reportFailure(error, io)
  }
  return { code, stdout, stderr }
}

const now = ['--now', '2026-11-21T12:00:00Z']

function repo(): string {
  return makeTree({
    'gitsm.yaml': 'timezone: Europe/Berlin\n',
    'README.md': 'Start with [the pool article](kb/pool.md#workaround).\n',
    'kb/pool.md': '---\ntitle: Pool exhaustion\nweight: 3\n---\n# Pool exhaustion\n\n## Symptoms\n\nTimeouts.\n\n## Cause\n\nLeaks.\n\n## Workaround\n\nSee [restart](guides/restart.md).\n',
    'kb/guides/restart.md': '# Restart the pool\n\n## Steps\n\n1. Restart.\n\nBack to [the pool](../pool.md).\n',
  })
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

describe('gitsm kb adopt', () => {
  it('prints the plan and changes nothing without --write', async () => {
    const dir = repo()
    const before = listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])
    const result = await kb(['adopt', 'kb', ...now], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('kb/pool.md → kb/KB-0002-pool-exhaustion.md')
    expect(result.stdout).toContain('KB-0002  known_error  "Pool exhaustion"')
    expect(result.stdout).toContain('Nothing was written.')
    expect(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])).toEqual(before)
  })

  it('prints the plan as JSON', async () => {
    const result = await kb(['adopt', 'kb', '--format', 'json', '--owner', '@acme/db', ...now], repo())
    const plan = JSON.parse(result.stdout)
    expect(plan.written).toBe(false)
    expect(plan.articles.map((a: { to: string; type: string }) => [a.to, a.type])).toEqual([
      ['kb/guides/KB-0001-restart-the-pool.md', 'how_to'],
      ['kb/KB-0002-pool-exhaustion.md', 'known_error'],
    ])
    expect(plan.articles[1].frontMatter).toMatchObject({ owner: '@acme/db', reviewed_at: '2026-11-21', x: { title: 'Pool exhaustion', weight: 3 } })
    expect(plan.rewrites).toHaveLength(3)
  })

  it('with --write, renames, rewrites the links and leaves a repository that validates', async () => {
    const dir = repo()
    const result = await kb(['adopt', join(dir, 'kb'), '--write', '--owner', '@acme/db', ...now], '/')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(listFiles(dir).sort()).toEqual(['README.md', 'gitsm.yaml', 'kb/KB-0002-pool-exhaustion.md', 'kb/guides/KB-0001-restart-the-pool.md'])
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('Start with [the pool article](kb/KB-0002-pool-exhaustion.md#workaround).\n')
    expect(readFileSync(join(dir, 'kb/guides/KB-0001-restart-the-pool.md'), 'utf8')).toContain('Back to [the pool](../KB-0002-pool-exhaustion.md).')
    const validation = await validateRepository({ root: dir, now: new Date('2026-11-21T12:00:00Z') })
    expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(validation.records).toBe(2)

    const again = await kb(['adopt', 'kb', '--write', '--owner', '@acme/db', ...now], dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('No Markdown file under kb needs adopting.')
  })

  it('takes today in the repository time zone', async () => {
    const result = await kb(['adopt', 'kb', '--format', 'json', '--now', '2026-11-21T23:30:00Z'], repo())
    expect(JSON.parse(result.stdout).articles[0].frontMatter.reviewed_at).toBe('2026-11-22')
  })

  it.each([
    [['adopt', 'kb', '--write'], /--write needs --owner/],
    [['adopt', 'kb', '--owner', 'acme'], /not a GitHub handle/],
    [['adopt'], /one DIR/],
    [['adopt', 'nope'], /not a folder/],
    [['adopt', 'kb', '--format', 'xml'], /Unknown --format/],
    [['adopt', 'kb', '--now', 'tomorrow'], /RFC 3339/],
    [['rename'], /Unknown kb command/],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await kb(args, repo())
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
  })

  it('leaves out, and names, a file that would take the parser minutes; the others are adopted', async () => {
    const dir = repo()
    writeFileSync(join(dir, 'kb', 'hostile.md'), `# Hostile\n\n${'*_'.repeat(150_000)}\n`)
    const started = Date.now()
    const result = await kb(['adopt', 'kb', '--format', 'json', ...now], dir)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.stdout)
    expect(JSON.stringify(plan)).toMatch(/kb\/hostile\.md is not adopted: This file took longer than/)
    expect(JSON.stringify(plan)).toContain('kb/pool.md')
  }, 30_000)

  it('needs an ITSM repository above DIR', async () => {
    const dir = makeTree({ 'kb/a.md': '# A\n' })
    const result = await kb(['adopt', 'kb'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/No gitsm\.yaml/)
  })

  it('prints its help', async () => {
    expect((await kb(['--help'], '/')).stdout).toMatch(/^Usage: gitsm kb adopt DIR/)
    expect((await kb(['adopt', '--help'], '/')).code).toBe(0)
    expect((await kb([], '/')).code).toBe(2)
  })
})

describe('applyAdoption', () => {
  const change = (from: string, to: string, before: string, after: string) => ({ from, to, before, after })

  it('writes nothing when a new name exists, and leaves no temporary file behind', async () => {
    const dir = makeTree({ 'a.md': 'old a', 'b.md': 'old b', 'KB-0002-b.md': 'someone else' })
    const changes = [change('a.md', 'KB-0001-a.md', 'old a', 'new a'), change('b.md', 'KB-0002-b.md', 'old b', 'new b')]
    // KB-0001-a.md was in place before KB-0002-b.md was found taken: it is taken back.
    await expect(applyAdoption(dir, changes)).rejects.toThrow(/KB-0002-b\.md exists already/)
    expect(listFiles(dir).sort()).toEqual(['KB-0002-b.md', 'a.md', 'b.md'])
    expect(readFileSync(join(dir, 'KB-0002-b.md'), 'utf8')).toBe('someone else')
  })

  it('writes nothing when a file changed since it was planned', async () => {
    const dir = makeTree({ 'a.md': 'old a', 'index.md': 'links' })
    const changes = [change('a.md', 'KB-0001-a.md', 'old a', 'new a'), change('index.md', 'index.md', 'links', 'new links')]
    writeFileSync(join(dir, 'index.md'), 'edited meanwhile')
    await expect(applyAdoption(dir, changes)).rejects.toThrow(/index\.md changed/)
    expect(listFiles(dir).sort()).toEqual(['a.md', 'index.md'])
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toBe('edited meanwhile')
  })
})
