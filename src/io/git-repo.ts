import * as fs from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import git from 'isomorphic-git'
import { InfrastructureError } from '../errors.js'
import { MissingObjectError, openObjectStore, type GitObject, type ObjectStore } from './git-objects.js'

/** A git repository opened for reading: where its parts live, its objects, and isomorphic-git's cache. */
export interface GitRepository {
  /** The working tree. */
  root: string
  /** The per-worktree git directory: HEAD and the index. */
  gitdir: string
  /** Refs, objects and config (the same as `gitdir` except in a linked worktree). */
  commondir: string
  objects: ObjectStore
  /** Shared by the isomorphic-git calls made for this repository. */
  cache: object
  trees: Map<string, TreeItem[]>
}

/** One entry of a git tree object. `mode` is canonical: 40000, 100644, 100755, 120000 or 160000. */
export interface TreeItem {
  name: string
  mode: string
  oid: string
}

export interface CommitInfo {
  tree: string
  parents: string[]
}

/** Opens the repository whose working tree is `root`. Throws InfrastructureError when `root` has no `.git`. */
export function openRepository(root: string): GitRepository {
  const gitdir = findGitdir(root)
  let commondir = gitdir
  try {
    const common = fs.readFileSync(join(gitdir, 'commondir'), 'utf8').trim()
    commondir = isAbsolute(common) ? common : resolve(gitdir, common)
  } catch {
    // not a linked worktree
  }
  return { root, gitdir, commondir, objects: openObjectStore(join(commondir, 'objects')), cache: {}, trees: new Map() }
}

function findGitdir(root: string): string {
  const dotGit = join(root, '.git')
  let stat: fs.Stats
  try {
    stat = fs.statSync(dotGit)
  } catch {
    throw new InfrastructureError(`${root} is not the root of a git repository (it has no .git). Run gitsm at the repository root, in a clone.`)
  }
  if (stat.isDirectory()) return dotGit
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'))
  if (!match) throw new InfrastructureError(`${dotGit} is neither a git directory nor a "gitdir:" link.`)
  return isAbsolute(match[1]!) ? match[1]! : resolve(root, match[1]!)
}

/** Reads an object, turning a missing one into an InfrastructureError that says how to get it. */
export function readObject(repo: GitRepository, oid: string, what: string): GitObject {
  try {
    return repo.objects.read(oid)
  } catch (error) {
    throw gitFailure(repo, error, what)
  }
}

/** The canonical error for a git read that failed: missing objects point at shallow clones. */
export function gitFailure(repo: GitRepository, error: unknown, what: string): InfrastructureError {
  if (error instanceof InfrastructureError) return error
  if (error instanceof MissingObjectError) {
    const shallow = fs.existsSync(join(repo.commondir, 'shallow'))
    return new InfrastructureError(
      `Cannot read ${what}: git object ${error.oid} is missing${shallow ? ' (this is a shallow clone)' : ''}. ` +
        'Fetch more history: `git fetch --unshallow`, or actions/checkout with fetch-depth: 0.',
      { cause: error },
    )
  }
  const detail = error instanceof Error ? error.message : String(error)
  return new InfrastructureError(`Cannot read ${what}: ${detail}`, { cause: error })
}

export function readCommit(repo: GitRepository, oid: string, what: string): CommitInfo {
  const object = readObject(repo, oid, what)
  if (object.type !== 'commit') throw new InfrastructureError(`Cannot read ${what}: ${oid} is a ${object.type}, not a commit.`)
  return parseCommit(object.content)
}

export function parseCommit(content: Buffer): CommitInfo {
  return commitLinks(commitHeader(content).lines)
}

/** A commit's header lines, and where its message starts (-1 without one). */
function commitHeader(content: Buffer): { lines: string[]; bodyStart: number } {
  const headerEnd = content.indexOf('\n\n')
  const header = content.toString('utf8', 0, headerEnd < 0 ? content.length : headerEnd)
  return { lines: header.split('\n'), bodyStart: headerEnd < 0 ? -1 : headerEnd + 2 }
}

function commitLinks(lines: readonly string[]): CommitInfo {
  let tree = ''
  const parents: string[] = []
  for (const line of lines) {
    if (line.startsWith('tree ')) tree = line.slice(5)
    else if (line.startsWith('parent ')) parents.push(line.slice(7))
  }
  return { tree, parents }
}

/** A person line of a commit: `author` or `committer`. */
export interface GitPerson {
  name: string
  email: string
  /** Epoch milliseconds. */
  at: number
}

/** A commit's tree and parents, with its author, committer and message. */
export interface CommitDetails extends CommitInfo {
  author: GitPerson
  committer: GitPerson
  /** The whole message, without the final newline. */
  message: string
}

/**
 * Parses a commit object with its author, committer and message (`parseCommit` gives only the tree and parents).
 * Headers spread over several lines (`gpgsig`) are skipped. Throws an Error when the author or committer line cannot
 * be read.
 */
export function parseCommitDetails(content: Buffer): CommitDetails {
  const { lines, bodyStart } = commitHeader(content)
  const message = bodyStart < 0 ? '' : content.toString('utf8', bodyStart).replace(/\n$/, '')
  let author: GitPerson | undefined
  let committer: GitPerson | undefined
  for (const line of lines) {
    if (line.startsWith('author ')) author = parsePerson(line.slice(7))
    else if (line.startsWith('committer ')) committer = parsePerson(line.slice(10))
  }
  if (!author || !committer) throw new Error('a commit without a readable author or committer line')
  return { ...commitLinks(lines), author, committer, message }
}

function parsePerson(value: string): GitPerson | undefined {
  const match = /^(.*?) ?<([^<>]*)> (\d{1,15}) [+-]\d{4}$/.exec(value)
  return match ? { name: match[1]!, email: match[2]!, at: Number(match[3]) * 1000 } : undefined
}

/** `Name <email>`, as git prints it. */
export function formatPerson(person: GitPerson): string {
  return `${person.name} <${person.email}>`
}


/** The object a tag points at. */
export function parseTagTarget(content: Buffer): string {
  const match = /^object ([0-9a-f]{40})$/m.exec(content.toString('utf8', 0, Math.min(content.length, 256)))
  if (!match) throw new Error('a tag without an object line')
  return match[1]!
}

/** Reads and parses a tree object (cached per repository). */
export function readTree(repo: GitRepository, oid: string, what: string): TreeItem[] {
  const cached = repo.trees.get(oid)
  if (cached) return cached
  const object = readObject(repo, oid, what)
  if (object.type !== 'tree') throw new InfrastructureError(`Cannot read ${what}: ${oid} is a ${object.type}, not a tree.`)
  const items = parseTree(object.content)
  if (repo.trees.size > 50_000) repo.trees.clear()
  repo.trees.set(oid, items)
  return items
}

export function parseTree(content: Buffer): TreeItem[] {
  const items: TreeItem[] = []
  let at = 0
  while (at < content.length) {
    const space = content.indexOf(0x20, at)
    const nul = content.indexOf(0, space)
    if (space < 0 || nul < 0 || nul + 21 > content.length) throw new Error('a corrupt tree object')
    const mode = canonicalMode(content.toString('latin1', at, space))
    items.push({ mode, name: content.toString('utf8', space + 1, nul), oid: content.toString('hex', nul + 1, nul + 21) })
    at = nul + 21
  }
  return items
}

/** git's canon_mode: any regular file mode becomes 100644 or 100755. */
function canonicalMode(raw: string): string {
  const mode = parseInt(raw, 8)
  const type = mode & 0o170000
  if (type === 0o040000) return '40000'
  if (type === 0o100000) return mode & 0o100 ? '100755' : '100644'
  if (type === 0o120000) return '120000'
  if (type === 0o160000) return '160000'
  return raw
}

/** True for a tree entry that is a directory. */
export function isTreeMode(mode: string): boolean {
  return mode === '40000'
}

/** True for the regular file modes gitsm reads. */
export function isRegularMode(mode: string): boolean {
  return mode === '100644' || mode === '100755'
}

/** Reads a config value through isomorphic-git (undefined when unset). */
export async function readConfig(repo: GitRepository, path: string): Promise<unknown> {
  return git.getConfig({ fs, gitdir: repo.commondir, path })
}
