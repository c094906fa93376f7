import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { reportMarker, writeReportDirectory } from '../../src/io/report-dir.js'

const files = (tag: string, count = 3): Map<string, string> => new Map(Array.from({ length: count }, (_, i) => [`${i % 2 ? 'kb/' : ''}page-${i}.html`, `${tag} ${i}\n`]))

function listing(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listing(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort()
}

describe('writeReportDirectory', () => {
  it('writes a new folder with a marker, and replaces a previous report as a whole', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    const out = join(parent, 'report')
    await writeReportDirectory(out, files('old', 4))
    expect(listing(out)).toEqual([reportMarker, 'kb/page-1.html', 'kb/page-3.html', 'page-0.html', 'page-2.html'])
    await writeReportDirectory(out, files('new', 1))
    expect(listing(out)).toEqual([reportMarker, 'page-0.html'])
    expect(readFileSync(join(out, 'page-0.html'), 'utf8')).toBe('new 0\n')
    expect(readdirSync(parent)).toEqual(['report'])
  })

  it('writes into an empty folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    await writeReportDirectory(out, files('x', 1))
    expect(listing(out)).toEqual([reportMarker, 'page-0.html'])
  })

  it('never replaces a folder it did not write, nor a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    writeFileSync(join(dir, 'gitsm.yaml'), 'organization: acme\n')
    await expect(writeReportDirectory(dir, files('x'))).rejects.toThrow(UsageError)
    await expect(writeReportDirectory(dir, files('x'))).rejects.toThrow(/holds files that gitsm report did not write/)
    expect(readdirSync(dir)).toEqual(['gitsm.yaml'])
    await expect(writeReportDirectory(join(dir, 'gitsm.yaml'), files('x'))).rejects.toThrow(/is a file, not a folder/)
    const target = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    symlinkSync(target, join(dir, 'link'))
    await expect(writeReportDirectory(join(dir, 'link'), files('x'))).rejects.toThrow(/is a symbolic link/)
    expect(readdirSync(target)).toEqual([])
  })

  it('keeps the previous report and leaves no temporary folder when writing fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    const out = join(parent, 'report')
    await writeReportDirectory(out, files('old'))
    const bad = new Map([...files('new'), ['../escape.html', 'x']])
    await expect(writeReportDirectory(out, bad)).rejects.toThrow(/escapes the folder/)
    expect(readFileSync(join(out, 'page-0.html'), 'utf8')).toBe('old 0\n')
    expect(readdirSync(parent)).toEqual(['report'])
  })

  it('puts back a previous report set aside by a run that crashed between its two renames', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    const aside = join(parent, '.report.previous')
    mkdirSync(aside)
    writeFileSync(join(aside, reportMarker), '')
    writeFileSync(join(aside, 'page-0.html'), 'old 0\n')
    await writeReportDirectory(join(parent, 'report'), files('new', 1))
    expect(readFileSync(join(parent, 'report', 'page-0.html'), 'utf8')).toBe('new 0\n')
    expect(readdirSync(parent)).toEqual(['report'])
  })

  it('leaves the old report or the new one, never a mix, when the process is killed at any moment', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gitsm-report-'))
    const out = join(parent, 'report')
    const big = (tag: string): Map<string, string> => new Map(Array.from({ length: 200 }, (_, i) => [`p${i}.html`, `${tag}\n`.repeat(2000)]))
    await writeReportDirectory(out, big('old'))
    const script = join(parent, 'writer.mts')
    writeFileSync(
      script,
      `import { writeReportDirectory } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'io', 'report-dir.ts'))}\n` +
        `const tag = process.argv[2]\nconst files = new Map(Array.from({ length: 200 }, (_, i) => ['p' + i + '.html', (tag + '\\n').repeat(2000)]))\n` +
        `process.stdout.write('start\\n')\nawait writeReportDirectory(${JSON.stringify(out)}, files)\nprocess.stdout.write('done\\n')\n`,
    )
    const seen = new Set<string>()
    for (let round = 0; round < 8; round++) {
      const tag = `new${round}`
      const child = spawn(process.execPath, ['--import', 'tsx', script, tag], { stdio: ['ignore', 'pipe', 'inherit'] })
      const exited = new Promise((r) => child.once('exit', r))
      await new Promise<void>((done, fail) => {
        child.stdout.once('data', () => done())
        child.once('exit', (code) => fail(new Error(`the writer exited early (${code})`)))
      })
      await new Promise((r) => setTimeout(r, round * 7))
      child.kill('SIGKILL')
      await exited
      // Whatever the moment, the next run recovers, and the folder holds one complete report.
      await writeReportDirectory(join(parent, 'probe'), new Map())
      const current = existsSync(out) ? out : join(parent, '.report.previous')
      const tags = new Set(readdirSync(current).filter((n) => n.endsWith('.html')).map((n) => readFileSync(join(current, n), 'utf8').split('\n')[0]))
      expect(readdirSync(current).filter((n) => n.endsWith('.html'))).toHaveLength(200)
      expect(tags.size).toBe(1)
      seen.add([...tags][0]!)
      await writeReportDirectory(out, big(`old`))
    }
    expect(seen.has('old')).toBe(true)
    expect(readdirSync(parent).sort()).toEqual(['probe', 'report', 'writer.mts'])
  }, 60_000)
})
