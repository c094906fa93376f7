import * as fs from 'node:fs'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { GitsmError, InfrastructureError, UsageError } from '../errors.js'
import { MissingObjectError } from './git-objects.js'
import { gitFailure, openRepository, parseTagTarget, readCommit, readObject, type GitRepository } from './git-repo.js'

const fetchHint = 'If it is a remote branch, a tag or an older commit, fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0).'

type Step = { kind: 'ancestor'; count: number } | { kind: 'parent'; number: number }

/**
 * Resolves a revision to a commit id the way git does for the common forms: `HEAD` (or `@`), branch names,
 * remote branches (`origin/main`), tags (annotated tags are peeled), full and abbreviated commit ids, followed by
 * any number of `~N`, `^` and `^N` steps (first parents, or the Nth parent) and `^{}` / `^{commit}`.
 * A revision that does not resolve, or whose objects are missing, throws InfrastructureError naming it; a revision
 * in a form gitsm does not support (ranges, reflog entries, `rev:path`) throws UsageError.
 */
export async function resolveRevision(repo: GitRepository, rev: string): Promise<string> {
  const { base, steps } = parseRevision(rev)
  try {
    return await followSteps(repo, rev, base, steps)
  } catch (error) {
    throw error instanceof GitsmError ? error : gitFailure(repo, error, `the revision "${rev}"`)
  }
}

async function followSteps(repo: GitRepository, rev: string, base: string, steps: readonly Step[]): Promise<string> {
  let oid = await resolveBase(repo, base, rev)
  oid = peelToCommit(repo, oid, rev)
  for (const step of steps) {
    const moves = step.kind === 'ancestor' ? Array<number>(step.count).fill(0) : step.number === 0 ? [] : [step.number - 1]
    for (const parentIndex of moves) {
      const { parents } = readCommit(repo, oid, `the revision "${rev}"`)
      const parent = parents[parentIndex]
      if (!parent) {
        const which = parentIndex > 0 ? `parent number ${parentIndex + 1}` : 'parent'
        throw new InfrastructureError(`Cannot resolve the revision "${rev}": commit ${oid.slice(0, 7)} has no ${which}. Name a commit that exists.`)
      }
      if (!repo.objects.has(parent)) throw gitFailure(repo, new MissingObjectError(parent), `the revision "${rev}"`)
      oid = parent
    }
  }
  return oid
}

function parseRevision(rev: string): { base: string; steps: Step[] } {
  const cut = rev.search(/[~^]/)
  let base = cut < 0 ? rev : rev.slice(0, cut)
  const suffix = cut < 0 ? '' : rev.slice(cut)
  if (base === '@') base = 'HEAD'
  if (!isSupportedName(base) || !/^(?:\^\{(?:commit)?\}|~\d*|\^\d*)*$/.test(suffix)) {
    throw new UsageError(
      `"${rev}" is not a revision gitsm understands. Use a branch, a tag, a commit id, HEAD or origin/main, optionally followed by ~N or ^ (for example HEAD~1).`,
    )
  }
  const steps: Step[] = []
  for (const match of suffix.matchAll(/\^\{(?:commit)?\}|~(\d*)|\^(\d*)/g)) {
    if (match[0].startsWith('^{')) continue
    if (match[0].startsWith('~')) steps.push({ kind: 'ancestor', count: match[1] === '' ? 1 : Number(match[1]) })
    else steps.push({ kind: 'parent', number: match[2] === '' ? 1 : Number(match[2]) })
  }
  return { base, steps }
}

/** git's ref name rules (check-ref-format), which also keep the name inside the git directory. */
function isSupportedName(name: string): boolean {
  return (
    name !== '' &&
    ![...name].some((char) => char <= ' ' || char === '\x7f') &&
    !/[~^:?*[\\]/.test(name) &&
    !name.includes('..') &&
    !name.includes('@{') &&
    !name.includes('//') &&
    !name.startsWith('/') &&
    !name.startsWith('-') &&
    !name.endsWith('/') &&
    !name.endsWith('.') &&
    !name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))
  )
}

async function resolveBase(repo: GitRepository, base: string, rev: string): Promise<string> {
  if (/^[0-9a-f]{40}$/i.test(base)) {
    const oid = base.toLowerCase()
    if (!repo.objects.has(oid)) throw notFound(rev, `commit ${oid} is not in this repository.`)
    return oid
  }
  const fromRef = await resolveRefName(repo, base)
  if (fromRef) return fromRef
  if (/^[0-9a-f]{4,39}$/i.test(base)) {
    const candidates = repo.objects.expand(base.toLowerCase()).filter((oid) => isCommitish(repo, oid))
    if (candidates.length === 1) return candidates[0]!
    if (candidates.length > 1) {
      throw new UsageError(`"${rev}" is ambiguous: ${candidates.length} commits start with ${base}. Give more digits of the commit id.`)
    }
  }
  throw notFound(rev, 'no branch, tag or commit has that name in this repository.')
}

function notFound(rev: string, why: string): InfrastructureError {
  return new InfrastructureError(`Cannot resolve the revision "${rev}": ${why} ${fetchHint}`)
}

async function resolveRefName(repo: GitRepository, name: string): Promise<string | undefined> {
  let ref = name
  if (name === 'HEAD') {
    // HEAD belongs to the worktree; everything it points at lives in the common directory.
    let head: string
    try {
      head = fs.readFileSync(join(repo.gitdir, 'HEAD'), 'utf8').trim()
    } catch {
      return undefined
    }
    if (/^[0-9a-f]{40}$/.test(head)) return head
    if (!head.startsWith('ref: ')) return undefined
    ref = head.slice(5)
  }
  try {
    return await git.resolveRef({ fs, gitdir: repo.commondir, ref })
  } catch (error) {
    if (error instanceof Error && (error as { code?: string }).code === 'NotFoundError') return undefined
    throw gitFailure(repo, error, `the ref "${name}"`)
  }
}

function isCommitish(repo: GitRepository, oid: string): boolean {
  try {
    let object = repo.objects.read(oid)
    for (let depth = 0; object.type === 'tag' && depth < 10; depth++) object = repo.objects.read(parseTagTarget(object.content))
    return object.type === 'commit'
  } catch {
    return false
  }
}

function peelToCommit(repo: GitRepository, oid: string, rev: string): string {
  let current = oid
  for (let depth = 0; depth < 10; depth++) {
    const object = readObject(repo, current, `the revision "${rev}"`)
    if (object.type === 'commit') return current
    if (object.type !== 'tag') throw new UsageError(`"${rev}" names a ${object.type}, not a commit.`)
    current = parseTagTarget(object.content)
  }
  throw new InfrastructureError(`Cannot resolve "${rev}": its tags point at each other too many times.`)
}

/**
 * Resolves a revision of the repository at `root` to its full commit id (see {@link resolveRevision}), for callers
 * that need to pin or report the commit they evaluated.
 */
export async function resolveCommit(root: string, rev: string): Promise<string> {
  return resolveRevision(openRepository(root), rev)
}
