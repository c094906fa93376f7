import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { GitsmError, InfrastructureError } from '../errors.js'
import { parseIndex, type GitIndex, type IndexEntry } from './git-index.js'
import { gitFailure, isTreeMode, openRepository, readCommit, readConfig, readTree, type GitRepository, type TreeItem } from './git-repo.js'
import { resolveRevision } from './git-rev.js'
import { comparePaths } from './tree-paths.js'

export interface ChangedFilesOptions {
  /** Compare REV with this revision instead of the working tree. */
  ref?: string
}

/**
 * The repository-relative paths of the files that differ between the revision `rev` and the working tree: added,
 * modified (content or mode), deleted, both sides of a rename, and untracked files that are not ignored. This is
 * the set `git diff --name-only REV` plus `git ls-files --others --exclude-standard` prints; with `options.ref`, the
 * set `git diff --name-only REV REF` prints. Sorted by code point.
 *
 * Identical folders are skipped by tree id, and working tree files whose stat data still matches the index are
 * trusted without being read, as git does. Nothing is written, not even the index. Throws InfrastructureError when a
 * revision does not resolve or history is missing (a shallow clone).
 */
export async function changedFilesSince(root: string, rev: string, options: ChangedFilesOptions = {}): Promise<string[]> {
  const repo = openRepository(root)
  try {
    return await findChanges(repo, rev, options)
  } catch (error) {
    throw error instanceof GitsmError ? error : gitFailure(repo, error, `the changes since "${rev}"`)
  }
}

async function findChanges(repo: GitRepository, rev: string, options: ChangedFilesOptions): Promise<string[]> {
  const base = await resolveRevision(repo, rev)
  const baseTree = readCommit(repo, base, `the revision "${rev}"`).tree
  const changed = new Set<string>()
  if (options.ref !== undefined) {
    const head = await resolveRevision(repo, options.ref)
    const headTree = readCommit(repo, head, `the revision "${options.ref}"`).tree
    new TreeDiff(repo, rev).trees(baseTree, headTree, '', changed)
  } else {
    await diffWorkingTree(repo, baseTree, rev, changed)
  }
  return [...changed].sort(comparePaths)
}

class TreeDiff {
  constructor(
    private readonly repo: GitRepository,
    private readonly rev: string,
  ) {}

  /** Adds every path that differs between two trees (either may be absent). */
  trees(a: string | undefined, b: string | undefined, folder: string, changed: Set<string>): void {
    if (a === b) return
    const left = a === undefined ? [] : this.read(a, folder)
    const right = b === undefined ? [] : this.read(b, folder)
    const byName = new Map<string, [TreeItem | undefined, TreeItem | undefined]>()
    for (const item of left) byName.set(item.name, [item, undefined])
    for (const item of right) byName.set(item.name, [byName.get(item.name)?.[0], item])
    for (const [name, [x, y]] of byName) {
      const path = folder === '' ? name : `${folder}/${name}`
      const xTree = x !== undefined && isTreeMode(x.mode)
      const yTree = y !== undefined && isTreeMode(y.mode)
      if (xTree || yTree) this.trees(xTree ? x.oid : undefined, yTree ? y.oid : undefined, path, changed)
      const xFile = x !== undefined && !xTree ? x : undefined
      const yFile = y !== undefined && !yTree ? y : undefined
      if ((xFile || yFile) && (xFile?.oid !== yFile?.oid || xFile?.mode !== yFile?.mode)) changed.add(path)
    }
  }

  read(oid: string, folder: string): TreeItem[] {
    return readTree(this.repo, oid, `the folder "${folder || '.'}" at "${this.rev}"`)
  }
}

interface StatRules {
  fileMode: boolean
  trustCtime: boolean
  /** The index file's modification time in nanoseconds: entries at or after it are "racily clean" and are hashed. */
  indexMtime: bigint
}

async function diffWorkingTree(repo: GitRepository, baseTree: string, rev: string, changed: Set<string>): Promise<void> {
  const index = readIndex(repo)
  const rules: StatRules = {
    fileMode: !isFalse(await readConfig(repo, 'core.filemode')),
    trustCtime: !isFalse(await readConfig(repo, 'core.trustctime')),
    indexMtime: index.mtime,
  }
  const diff = new TreeDiff(repo, rev)

  // The base tree against the index: folders whose cached tree id equals the base's are identical and skipped.
  const baseFiles = new Map<string, TreeItem>()
  const sameFolders = new Set<string>()
  const stagedCount = countByFolder(index.entries)
  const walkBase = (oid: string, folder: string): void => {
    const cached = index.trees.get(folder)
    if (cached && cached.oid === oid && cached.count === (stagedCount.get(folder) ?? 0)) {
      sameFolders.add(folder)
      return
    }
    for (const item of diff.read(oid, folder)) {
      const path = folder === '' ? item.name : `${folder}/${item.name}`
      if (isTreeMode(item.mode)) walkBase(item.oid, path)
      else baseFiles.set(path, item)
    }
  }
  walkBase(baseTree, '')

  const tracked = new Set<string>()
  const realFolders = new Map<string, boolean>()
  for (const entry of index.entries) {
    tracked.add(entry.path)
    const base = inFolders(entry.path, sameFolders) ? { oid: entry.oid, mode: entry.mode } : baseFiles.get(entry.path)
    baseFiles.delete(entry.path)
    if (entry.stage !== 0) {
      changed.add(entry.path)
      continue
    }
    const current = workingState(repo, entry, rules, realFolders)
    if (base === undefined && current === undefined) continue
    if (base === undefined || current === undefined || base.oid !== current.oid || base.mode !== current.mode) changed.add(entry.path)
  }
  // Files of the base that the index no longer has are deleted.
  for (const path of baseFiles.keys()) changed.add(path)

  await addUntracked(repo, tracked, stagedCount, changed)
}

function readIndex(repo: GitRepository): GitIndex & { mtime: bigint } {
  const path = join(repo.gitdir, 'index')
  let bytes: Buffer
  let stat: fs.BigIntStats
  try {
    stat = fs.statSync(path, { bigint: true })
    bytes = fs.readFileSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], trees: new Map(), mtime: 0n }
    throw gitFailure(repo, error, 'the git index')
  }
  try {
    return { ...parseIndex(bytes), mtime: stat.mtimeNs }
  } catch (error) {
    if (error instanceof GitsmError) throw error
    throw new InfrastructureError('The git index (.git/index) is corrupt. Run `git status` to rebuild it.', { cause: error })
  }
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|no|off|0)$/i.test(value))
}

/** How many index entries each folder holds ('' for all), to check that a cached tree still describes the index. */
function countByFolder(entries: readonly IndexEntry[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const entry of entries) {
    let folder = entry.path
    for (;;) {
      const slash = folder.lastIndexOf('/')
      folder = slash < 0 ? '' : folder.slice(0, slash)
      counts.set(folder, (counts.get(folder) ?? 0) + 1)
      if (folder === '') break
    }
  }
  return counts
}

function inFolders(path: string, folders: ReadonlySet<string>): boolean {
  if (folders.size === 0) return false
  if (folders.has('')) return true
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    if (folders.has(path.slice(0, slash))) return true
  }
  return false
}

/**
 * The oid and mode of a tracked file in the working tree, or undefined when it is gone. Stat data that matches the
 * index (and is not racily clean) means the index's oid; anything else is hashed.
 */
function workingState(repo: GitRepository, entry: IndexEntry, rules: StatRules, realFolders: Map<string, boolean>): { oid: string; mode: string } | undefined {
  if (entry.trusted || entry.mode === '160000') return { oid: entry.oid, mode: entry.mode }
  if (!insideRealFolders(repo.root, entry.path, realFolders)) return undefined
  const full = join(repo.root, entry.path)
  let stat: fs.BigIntStats
  try {
    stat = fs.lstatSync(full, { bigint: true })
  } catch {
    return undefined
  }
  if (stat.isDirectory()) return undefined
  const mode = stat.isSymbolicLink() ? '120000' : stat.isFile() ? fileMode(stat, entry, rules) : 'special'
  if (mode === 'special') return { oid: '', mode }
  if (mode === entry.mode && statMatches(entry, stat, rules)) return { oid: entry.oid, mode }
  const content = mode === '120000' ? Buffer.from(fs.readlinkSync(full, { encoding: 'buffer' })) : fs.readFileSync(full)
  return { oid: blobId(content), mode }
}

function fileMode(stat: fs.BigIntStats, entry: IndexEntry, rules: StatRules): string {
  if (!rules.fileMode) return entry.mode === '100755' ? '100755' : '100644'
  return stat.mode & 0o100n ? '100755' : '100644'
}

function statMatches(entry: IndexEntry, stat: fs.BigIntStats, rules: StatRules): boolean {
  const second = 1_000_000_000n
  const mtime = BigInt(entry.mtimeSeconds) * second + BigInt(entry.mtimeNanoseconds)
  const ctime = BigInt(entry.ctimeSeconds) * second + BigInt(entry.ctimeNanoseconds)
  return (
    stat.mtimeNs === mtime &&
    (!rules.trustCtime || stat.ctimeNs === ctime) &&
    Number(stat.ino & 0xffffffffn) === entry.ino &&
    Number(stat.uid) === entry.uid &&
    Number(stat.gid) === entry.gid &&
    Number(stat.size & 0xffffffffn) === entry.size &&
    mtime < rules.indexMtime
  )
}

/** False when a folder on the way to `path` is missing or not a real folder (a symlink): git sees no file there. */
function insideRealFolders(root: string, path: string, realFolders: Map<string, boolean>): boolean {
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    const folder = path.slice(0, slash)
    let real = realFolders.get(folder)
    if (real === undefined) {
      try {
        real = fs.lstatSync(join(root, folder)).isDirectory()
      } catch {
        real = false
      }
      realFolders.set(folder, real)
    }
    if (!real) return false
  }
  return true
}

function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

/** Adds the untracked files that are not ignored (what `git ls-files --others --exclude-standard` lists). */
async function addUntracked(repo: GitRepository, tracked: ReadonlySet<string>, trackedFolders: ReadonlyMap<string, number>, changed: Set<string>): Promise<void> {
  const ignored = (path: string) => git.isIgnored({ fs, dir: repo.root, gitdir: repo.commondir, filepath: path })
  const visit = async (folder: string): Promise<void> => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(folder === '' ? repo.root : join(repo.root, folder), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.name === '.git') continue
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isDirectory()) {
        if (trackedFolders.has(path) || !(await ignored(`${path}/`))) await visit(path)
      } else if (!tracked.has(path) && !(await ignored(path))) {
        changed.add(path)
      }
    }
  }
  await visit('')
}
