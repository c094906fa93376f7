import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new empty temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitsm-io-'))
  made.push(dir)
  return dir
}

let tick = 0

/** Runs git in `dir` with a fixed identity and a clock that advances one minute per call; returns stdout. */
export function git(dir: string, ...args: string[]): string {
  return gitBytes(dir, ...args).toString('utf8')
}

export function gitBytes(dir: string, ...args: string[]): Buffer {
  const date = new Date(Date.UTC(2026, 10, 1, 10, 0, 0) + tick++ * 60_000).toISOString()
  return execFileSync('git', args, {
    cwd: dir,
    maxBuffer: 1 << 28,
    env: {
      PATH: process.env.PATH,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      HOME: dir,
    },
  })
}

/** Writes files (path → content) under `dir`, creating folders. */
export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

/** A new repository on branch `main` whose first commit holds `files`. */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const dir = tempDir()
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'core.autocrlf', 'false')
  write(dir, files)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

/** Splits NUL-separated git output into its non-empty parts. */
export function nulList(output: string): string[] {
  return output.split('\0').filter((part) => part !== '')
}
