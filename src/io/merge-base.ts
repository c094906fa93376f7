import { openRepository, readCommit } from './git-repo.js'

/**
 * A common ancestor of two commits, as `git merge-base` finds it for ordinary histories: every ancestor of
 * `base` is collected, then the history of `head` is walked breadth first until it meets one. A pull request's
 * files are those changed between this commit and its head, so commits that landed on the base branch after the
 * pull request branched off are not taken for its own. Throws InfrastructureError when history is missing (a
 * shallow clone: fetch with fetch-depth: 0).
 */
export async function mergeBase(root: string, base: string, head: string): Promise<string | undefined> {
  const repo = openRepository(root)
  const ancestors = new Set<string>()
  const pending = [base]
  while (pending.length > 0) {
    const oid = pending.pop()!
    if (ancestors.has(oid)) continue
    ancestors.add(oid)
    pending.push(...readCommit(repo, oid, `commit ${oid.slice(0, 7)}, an ancestor of the base`).parents)
  }
  const seen = new Set<string>()
  for (let queue = [head]; queue.length > 0; ) {
    const next: string[] = []
    for (const oid of queue) {
      if (ancestors.has(oid)) return oid
      if (seen.has(oid)) continue
      seen.add(oid)
      next.push(...readCommit(repo, oid, `commit ${oid.slice(0, 7)}, an ancestor of the head`).parents)
    }
    queue = next
  }
  return undefined
}
