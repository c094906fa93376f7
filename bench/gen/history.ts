/** Writes the files' versions as a git history with `git fast-import`: one stream, no working-tree churn. */
import { spawn, spawnSync } from 'node:child_process'
import type { FileHistory } from './render.js'

interface Event {
  at: number
  path: string
  text: string
  author: string
}

export interface HistoryResult {
  commits: number
  head: string
}

function git(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout.trim()
}

function describe(events: readonly Event[]): string {
  const kinds = new Map<string, number>()
  for (const e of events) {
    const folder = e.path.startsWith('changes/standard/') ? 'standard changes' : e.path.includes('/') ? (e.path.split('/')[0] as string) : 'config'
    kinds.set(folder, (kinds.get(folder) ?? 0) + 1)
  }
  if (events.length === 1) {
    const name = (events[0] as Event).path.split('/').pop() ?? ''
    return `Update ${name.replace(/\.(ya?ml|md)$/, '')}`
  }
  return `Update ${[...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(', ')}`
}

/**
 * Creates a repository at `dir` (which must not exist or be empty) whose main branch holds every version of every
 * file in time order, grouped into about `commits` commits, then checks out main so the working tree is clean.
 */
export async function writeHistory(dir: string, files: readonly FileHistory[], commits: number): Promise<HistoryResult> {
  git(dir, ['init', '-q', '-b', 'main', '.'])
  git(dir, ['config', 'user.name', 'ITSM Bot'])
  git(dir, ['config', 'user.email', 'itsm-bot@acme.example'])
  git(dir, ['config', 'core.autocrlf', 'false'])
  const events: Event[] = []
  for (const file of files) for (const v of file.versions) events.push({ at: v.at, path: file.path, text: v.text, author: v.author })
  events.sort((a, b) => a.at - b.at || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const perCommit = Math.max(1, Math.ceil(events.length / Math.max(1, commits)))

  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)))
  const chunks: (string | Buffer)[] = []
  let made = 0
  for (let i = 0; i < events.length; i += perCommit) {
    const group = events.slice(i, i + perCommit)
    const last = group[group.length - 1] as Event
    const author = (group[0] as Event).author
    const seconds = Math.floor(last.at / 1000)
    const message = Buffer.from(`${describe(group)}\n`)
    chunks.push(`commit refs/heads/main\nmark :${made + 1}\n`)
    chunks.push(`author ${author} <${author}@acme.example> ${seconds} +0000\n`)
    chunks.push(`committer ${author} <${author}@acme.example> ${seconds} +0000\n`)
    chunks.push(`data ${message.length}\n`, message)
    if (made > 0) chunks.push(`from :${made}\n`)
    for (const e of group) {
      const data = Buffer.from(e.text)
      chunks.push(`M 100644 inline ${e.path}\ndata ${data.length}\n`, data, '\n')
    }
    chunks.push('\n')
    made++
    if (chunks.length > 4096) {
      if (!child.stdin.write(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))))) {
        await new Promise<void>((resolve) => child.stdin.once('drain', () => resolve()))
      }
      chunks.length = 0
    }
  }
  chunks.push('done\n')
  child.stdin.end(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))))
  const code = await exited
  if (code !== 0) throw new Error(`git fast-import failed: ${stderr}`)
  // fast-import writes a loosely deltified pack; repack as a server would, so reads cost what they cost in CI.
  git(dir, ['repack', '-q', '-a', '-d', '-f'])
  git(dir, ['reset', '-q', '--hard', 'main'])
  return { commits: made, head: git(dir, ['rev-parse', 'HEAD']) }
}

/** Commits the given files on a new branch from main, with a fixed date, then returns to main. */
export function commitBranch(dir: string, branch: string, files: readonly { path: string; text: string }[], options: { at: number; author: string; message: string; write: (path: string, text: string) => void }): string {
  git(dir, ['checkout', '-q', '-b', branch, 'main'])
  for (const f of files) options.write(f.path, f.text)
  git(dir, ['add', '--', ...new Set(files.map((f) => f.path.split('/')[0] as string))])
  const date = `${Math.floor(options.at / 1000)} +0000`
  const env = { GIT_AUTHOR_NAME: options.author, GIT_AUTHOR_EMAIL: `${options.author}@acme.example`, GIT_COMMITTER_NAME: options.author, GIT_COMMITTER_EMAIL: `${options.author}@acme.example`, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
  git(dir, ['commit', '-q', '-m', options.message], env)
  const head = git(dir, ['rev-parse', 'HEAD'])
  git(dir, ['checkout', '-q', 'main'])
  return head
}

export { git }
