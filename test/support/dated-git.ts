import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Runs git in `dir` with a fixed identity (author Dana Doe, committer Test); `at` (RFC 3339) is the author and
 * committer date of what it commits. Returns stdout without its final newline.
 */
export function gitAt(dir: string, at: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      GIT_AUTHOR_NAME: 'Dana Doe',
      GIT_AUTHOR_EMAIL: 'dana@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: at,
      GIT_COMMITTER_DATE: at,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      HOME: dir,
    },
  }).trimEnd()
}

/** Writes files (path → text) below `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

/** Writes `files` and commits everything at `at`; returns the new commit. */
export function commitAt(dir: string, at: string, message: string, files: Record<string, string>): string {
  writeFiles(dir, files)
  gitAt(dir, at, 'add', '-A')
  gitAt(dir, at, 'commit', '-q', '-m', message)
  return gitAt(dir, at, 'rev-parse', 'HEAD')
}

/** A normal change on payments-api with a window in December 2026, as YAML. */
export function changeYaml(id: string, status: string, options: { start?: string; requester?: string; implementer?: string; risk?: string } = {}): string {
  return [
    'kind: Change',
    `id: ${id}`,
    `title: Change ${id}`,
    'type: normal',
    `status: ${status}`,
    'services: [payments-api]',
    `requested_by: "${options.requester ?? '@dana'}"`,
    ...(options.implementer ? [`implementer: "${options.implementer}"`] : []),
    `risk: ${options.risk ?? 'low'}`,
    'window:',
    `  start: ${options.start ?? '2026-12-03T22:00:00+01:00'}`,
    '  end: 2026-12-04T01:00:00+01:00',
    'plan: Do it.',
    'rollback_plan: Undo it.',
    '',
  ].join('\n')
}
