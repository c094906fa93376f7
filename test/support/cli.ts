import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

/** The built command line, as a user runs it. */
export const gitsmBin = join(import.meta.dirname, '..', '..', 'bin', 'gitsm.js')

const run = promisify(execFile)

/** Runs `gitsm ARGS` in `cwd` without colours; resolves with the exit code instead of rejecting. */
export async function gitsm(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [gitsmBin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
