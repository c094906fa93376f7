import * as fs from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import git from 'isomorphic-git'
import { InfrastructureError } from '../errors.js'
import { loaderLimits } from '../parse/limits.js'
import { parseRecordFile } from '../parse/record-file.js'
import type { HistoryReading, RecordHistory, RecordVersion } from '../report/audit.js'
import { decodeUtf8 } from './decode.js'
import { formatPerson, gitFailure, openRepository, parseCommitDetails, readObject, type CommitDetails, type GitRepository } from './git-repo.js'
import { resolveRevision } from './git-rev.js'
import { diffTree, findBlob, findEntry, indexTree, type IndexedTree } from './git-tree-index.js'
import { isSafeForMainThread } from './markdown-risk.js'
import { splitRepoPath } from './tree-paths.js'

export type { HistoryReading, RecordHistory, RecordVersion } from '../report/audit.js'

/**
 * Reads the history of record files from the git repository that holds `dir` (the nearest folder upwards with a
 * `.git`; `dir` may be a subfolder of it), without a checkout. `files` are relative to `dir`; every one gets a
 * history, empty when no commit holds it. Undefined when `dir` is in no git repository (not an error); `head` is null
 * in a repository without commits.
 *
 * Every commit reachable from HEAD is read once. Only the trees along the paths of the files' folders are read, and a
 * folder whose tree is the same as in a parent commit is not looked into; each distinct blob is parsed once (by
 * `parseRecordFile`; a version that does not parse, or Markdown too large or too intricate to parse without a time
 * budget, has `data: null`). In a shallow clone the boundary commits listed in `.git/shallow` count as having no
 * parents, and what lies beyond them is reported as unknown (`complete`, `mainline_complete`), never guessed.
 * Throws InfrastructureError when an object the history needs is missing otherwise.
 */
export async function readRecordHistories(dir: string, files: readonly string[]): Promise<HistoryReading | undefined> {
  const location = findRepository(dir)
  if (!location) return undefined
  const repo = openRepository(location.root)
  const boundaries = readShallow(repo)
  const unique = [...new Set(files)]
  const head = await headCommit(repo)
  if (head === null) {
    const histories = new Map(unique.map((file): [string, RecordHistory] => [file, { file, mainline: [], mainline_complete: true, first_commit: null, complete: true }]))
    return { head, shallow: boundaries.size > 0, histories }
  }
  const targets = unique.map((file) => {
    const path = location.prefix === '' ? file : `${location.prefix}/${file}`
    const segments = splitRepoPath(path)
    const name = segments.at(-1)!
    return { file, name, key: Buffer.from(name, 'utf8'), folder: segments.slice(0, -1).join('/') }
  })
  return { head, shallow: boundaries.size > 0, histories: new HistoryWalker(repo, boundaries, targets).read(head) }
}

/** The git repository holding `dir`: its working tree, and `dir` relative to it ('' at its root). */
export function findRepository(dir: string): { root: string; prefix: string } | undefined {
  let start = resolve(dir)
  try {
    start = fs.realpathSync(start)
  } catch {
    // a folder that does not exist has no repository either; walk up from the path as given
  }
  for (let current = start; ; current = dirname(current)) {
    if (fs.existsSync(join(current, '.git'))) return { root: current, prefix: relative(current, start).split(sep).join('/') }
    if (dirname(current) === current) return undefined
  }
}

interface Target {
  file: string
  name: string
  /** The name as stored in a tree, for lookups. */
  key: Buffer
  folder: string
}

interface CommitNode {
  tree: string
  /** Empty for a shallow boundary, whose parents are not in the clone. */
  parents: string[]
  committedAt: number
  boundary: boolean
  /** The tree of each folder (by folder index); undefined where the folder does not exist. */
  folders?: (string | undefined)[]
}

/** A target whose blob differs between two trees of its folder (undefined: absent, or not a regular file). */
interface Difference {
  target: Target
  here: string | undefined
  there: string | undefined
}

type Introduction = { commit: string; committed_at: number } | 'hidden'

const indexCacheSize = 64

class HistoryWalker {
  private readonly commits = new Map<string, CommitNode>()
  private readonly folders: string[][]
  private readonly byFolder: Map<string, Target>[]
  private readonly subtrees = new Map<string, string | undefined>()
  private readonly indexes = new Map<string, IndexedTree>()
  private readonly blobs = new Map<string, Record<string, unknown> | null>()

  constructor(
    private readonly repo: GitRepository,
    private readonly boundaries: ReadonlySet<string>,
    private readonly targets: readonly Target[],
  ) {
    const folderNames = [...new Set(targets.map((t) => t.folder))]
    this.folders = folderNames.map((folder) => (folder === '' ? [] : folder.split('/')))
    this.byFolder = folderNames.map((folder) => new Map(targets.filter((t) => t.folder === folder).map((t) => [t.name, t])))
  }

  /**
   * One pass over the commits: each is compared with its parents folder by folder, and only where a folder's tree
   * differs are its entries diffed. A target that a commit has and none of its parents has was introduced there; a
   * mainline commit whose version differs from its first parent's is a version.
   */
  read(head: string): Map<string, RecordHistory> {
    this.walk(head)
    const order = new Map<string, number>()
    for (let oid: string | undefined = head, i = 0; oid !== undefined; oid = this.commits.get(oid)!.parents[0], i++) order.set(oid, i)
    const first = new Map<Target, Introduction>()
    const versions = new Map<Target, { at: number; version: RecordVersion }[]>()
    const cutOff = new Set<Target>()
    for (const [oid, node] of this.commits) {
      const parents = node.parents.map((p) => this.commits.get(p)!)
      const position = order.get(oid)
      this.byFolder.forEach((targets, f) => {
        const here = this.folderTree(node, f)
        const there = parents[0] && this.folderTree(parents[0], f)
        if (here === there) return
        // A merge holding one of its other parents' folder introduces nothing there; only the mainline needs its diff.
        if (position === undefined && parents.slice(1).some((p) => this.folderTree(p, f) === here)) return
        for (const { target, here: blob, there: before } of this.differences(here, there, targets)) {
          if (position !== undefined) {
            if (node.boundary) cutOff.add(target)
            const list = versions.get(target) ?? []
            list.push({ at: position, version: this.version(oid, blob, target) })
            versions.set(target, list)
          }
          if (blob === undefined || before !== undefined) continue
          if (parents.slice(1).some((p) => this.blobIn(this.folderTree(p, f), target) !== undefined)) continue
          const known = first.get(target)
          if (node.boundary) first.set(target, 'hidden')
          else if (known === undefined || (known !== 'hidden' && (node.committedAt < known.committed_at || (node.committedAt === known.committed_at && oid < known.commit)))) {
            first.set(target, { commit: oid, committed_at: node.committedAt })
          }
        }
      })
    }
    const histories = new Map<string, RecordHistory>()
    for (const target of this.targets) {
      const intro = first.get(target)
      const mainline = (versions.get(target) ?? []).sort((a, b) => b.at - a.at).map((v) => v.version)
      const mainlineComplete = !cutOff.has(target)
      histories.set(target.file, {
        file: target.file,
        mainline,
        mainline_complete: mainlineComplete,
        first_commit: intro === 'hidden' || intro === undefined ? null : intro,
        complete: intro !== 'hidden' && mainlineComplete,
      })
    }
    return histories
  }

  /** Reads every commit reachable from `head` once. */
  private walk(head: string): void {
    const pending = [head]
    while (pending.length > 0) {
      const oid = pending.pop()!
      if (this.commits.has(oid)) continue
      const commit = this.commit(oid)
      const boundary = this.boundaries.has(oid)
      const node: CommitNode = { tree: commit.tree, parents: boundary ? [] : commit.parents, committedAt: commit.committer.at, boundary }
      this.commits.set(oid, node)
      for (const parent of node.parents) if (!this.commits.has(parent)) pending.push(parent)
    }
  }

  /** The targets whose blobs differ between two trees of one folder (undefined: the folder is absent). */
  private differences(here: string | undefined, there: string | undefined, targets: ReadonlyMap<string, Target>): Difference[] {
    if (here === there) return []
    if (here === undefined || there === undefined) {
      const side = this.index((here ?? there)!)
      const found: Difference[] = []
      for (const target of targets.values()) {
        const blob = findBlob(side, target.key)
        if (blob !== undefined) found.push(here === undefined ? { target, here: undefined, there: blob } : { target, here: blob, there: undefined })
      }
      return found
    }
    // Derive one tree's index from the other's: a commit and its parent differ in a few entries.
    const hereKnown = this.indexes.get(here)
    const known = hereKnown ?? this.index(there)
    const { tree, changes } = diffTree(known, this.treeContent(hereKnown ? there : here))
    this.remember(hereKnown ? there : here, tree)
    const found: Difference[] = []
    for (const change of changes) {
      const target = targets.get(change.name)
      if (target) found.push(hereKnown ? { target, here: change.known, there: change.other } : { target, here: change.other, there: change.known })
    }
    return found
  }

  private blobIn(tree: string | undefined, target: Target): string | undefined {
    return tree === undefined ? undefined : findBlob(this.index(tree), target.key)
  }

  private index(oid: string): IndexedTree {
    const cached = this.indexes.get(oid)
    if (cached) {
      this.indexes.delete(oid)
      this.indexes.set(oid, cached)
      return cached
    }
    const tree = indexTree(this.treeContent(oid))
    this.remember(oid, tree)
    return tree
  }

  private remember(oid: string, tree: IndexedTree): void {
    this.indexes.delete(oid)
    if (this.indexes.size >= indexCacheSize) this.indexes.delete(this.indexes.keys().next().value!)
    this.indexes.set(oid, tree)
  }

  private version(oid: string, blob: string | undefined, target: Target): RecordVersion {
    const commit = this.commit(oid)
    return { commit: oid, committed_at: commit.committer.at, message: commit.message, author: formatPerson(commit.author), data: this.data(blob, target, oid) }
  }

  private commit(oid: string): CommitDetails {
    const object = readObject(this.repo, oid, `commit ${oid.slice(0, 7)} of the history`)
    if (object.type !== 'commit') throw new InfrastructureError(`Cannot read the history: ${oid} is a ${object.type}, not a commit.`)
    try {
      return parseCommitDetails(object.content)
    } catch (error) {
      throw new InfrastructureError(`Cannot read commit ${oid}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error })
    }
  }

  /** The record a blob holds, parsed once per blob; null for no blob, or one that does not parse. */
  private data(blob: string | undefined, target: Target, commit: string): Record<string, unknown> | null {
    if (blob === undefined) return null
    const markdown = /\.md$/i.test(target.name)
    const key = `${markdown ? 'md' : 'yaml'}:${blob}`
    if (this.blobs.has(key)) return this.blobs.get(key)!
    const what = `${target.file} at commit ${commit.slice(0, 7)}`
    let size: number
    try {
      size = this.repo.objects.size(blob)
    } catch (error) {
      throw gitFailure(this.repo, error, what)
    }
    let data: Record<string, unknown> | null = null
    // Larger than any record the loader accepts: not worth inflating.
    if (size > loaderLimits.markdownBytes) {
      this.blobs.set(key, null)
      return null
    }
    const object = readObject(this.repo, blob, what)
    try {
      const text = decodeUtf8(object.content, target.file)
      // Unbounded Markdown parsing belongs in the worker pool; history is evidence, not worth a hostile file's hang.
      if (!markdown || isSafeForMainThread(text)) {
        const parsed = parseRecordFile({ path: target.file, text })
        if (parsed.ok) data = parsed.value.data
      }
    } catch {
      data = null
    }
    this.blobs.set(key, data)
    return data
  }

  /** The tree of folder `f` at a commit, following the folder's path from the commit's tree. */
  private folderTree(node: CommitNode, f: number): string | undefined {
    node.folders ??= []
    if (f in node.folders) return node.folders[f]
    let oid: string | undefined = node.tree
    for (const segment of this.folders[f]!) {
      if (oid === undefined) break
      oid = this.subtree(oid, segment)
    }
    node.folders[f] = oid
    return oid
  }

  private subtree(tree: string, name: string): string | undefined {
    const key = `${tree}/${name}`
    if (this.subtrees.has(key)) return this.subtrees.get(key)
    // The folder above may be a records folder, indexed already (`changes/` above `changes/standard/`); a root tree
    // is read once per commit, so it is not kept.
    const oid = findEntry(this.indexes.get(tree) ?? indexTree(this.treeContent(tree)), Buffer.from(name, 'utf8'), 'tree')
    this.subtrees.set(key, oid)
    return oid
  }

  private treeContent(oid: string): Buffer {
    const object = readObject(this.repo, oid, `tree ${oid.slice(0, 7)} of the history`)
    if (object.type !== 'tree') throw new InfrastructureError(`Cannot read the history: ${oid} is a ${object.type}, not a tree.`)
    return object.content
  }
}

/** The boundary commits of a shallow clone (`.git/shallow`); empty for a full clone. */
function readShallow(repo: GitRepository): Set<string> {
  let text: string
  try {
    text = fs.readFileSync(join(repo.commondir, 'shallow'), 'utf8')
  } catch {
    return new Set()
  }
  return new Set(text.split('\n').map((line) => line.trim()).filter((line) => /^[0-9a-f]{40}$/.test(line)))
}

/** The commit HEAD names; null when HEAD names a branch that has no commit yet (a new repository). */
async function headCommit(repo: GitRepository): Promise<string | null> {
  try {
    return await resolveRevision(repo, 'HEAD')
  } catch (error) {
    if (await isUnborn(repo)) return null
    throw error
  }
}

async function isUnborn(repo: GitRepository): Promise<boolean> {
  let head: string
  try {
    head = fs.readFileSync(join(repo.gitdir, 'HEAD'), 'utf8').trim()
  } catch {
    return false
  }
  const match = /^ref: (refs\/heads\/\S+)$/.exec(head)
  if (!match) return false
  try {
    await git.resolveRef({ fs, gitdir: repo.commondir, ref: match[1]! })
    return false
  } catch (error) {
    return error instanceof Error && (error as { code?: string }).code === 'NotFoundError'
  }
}
