/** Runs a command in a fresh process and measures its wall time and peak resident memory. */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Sample {
  ms: number
  /** Peak resident set size in KiB, from GNU time when it is installed. */
  rssKb: number | undefined
  /** User plus system CPU time in milliseconds (all threads), from GNU time when it is installed. */
  cpuMs: number | undefined
  code: number
  stdout: string
  stderr: string
}

const gnuTime = '/usr/bin/time'
const hasGnuTime = existsSync(gnuTime)
const scratch = mkdtempSync(join(tmpdir(), 'gitsm-bench-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

/** Runs `command args` in `cwd` to completion. Wall time is taken around the child, from spawn to exit. */
export function runOnce(command: string, args: readonly string[], cwd: string, timeoutMs = 15 * 60_000): Promise<Sample> {
  const rssFile = join(scratch, 'rss')
  const [cmd, argv] = hasGnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]]
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      let rssKb: number | undefined
      let cpuMs: number | undefined
      if (hasGnuTime && existsSync(rssFile)) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n')
        const [rss, user, system] = (lines[lines.length - 1] ?? '').split(' ').map(Number)
        rssKb = Number.isFinite(rss) ? rss : undefined
        cpuMs = Number.isFinite(user) && Number.isFinite(system) ? ((user as number) + (system as number)) * 1000 : undefined
        rmSync(rssFile, { force: true })
      }
      const stderr = Buffer.concat(err).toString()
      // GNU time reports a non-zero exit of the child on its own stderr line; the status is what matters.
      resolve({ ms, rssKb, cpuMs, code: signal ? 128 : (code ?? 1), stdout: Buffer.concat(out).toString(), stderr })
    })
  })
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export const rssSource = hasGnuTime ? 'GNU time' : 'nowhere (GNU time missing)'
