import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Writes files (path → text) into a new temporary folder and returns it. */
export function makeTree(files: Record<string, string>, dir = mkdtempSync(join(tmpdir(), 'gitsm-test-'))): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** Runs git in `dir` with a fixed identity and dates, returning stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: dir,
    },
  })
}

/** A new git repository holding `files` in one commit on `main`. */
export function makeRepo(files: Record<string, string>): string {
  const dir = makeTree(files)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

/** The smallest valid ITSM repository: a config, two services and an SLA. */
export const minimalRepo: Record<string, string> = {
  'gitsm.yaml': 'organization: acme\ntimezone: Europe/Berlin\n',
  'services/payments-api.yaml': 'kind: Service\nid: payments-api\ntitle: Payments API\nowner: "@acme/payments"\ntier: 1\nlifecycle: live\ndepends_on: [postgres-main]\n',
  'services/postgres-main.yaml': 'kind: Service\nid: postgres-main\ntitle: Main Postgres\nowner: "@acme/data"\ntier: 1\nlifecycle: live\n',
  'slas/payments-gold.yaml': 'kind: SLA\nid: payments-gold\ntitle: Payments - Gold\nservices: [payments-api]\ntargets:\n  availability: 99.9\n',
}
