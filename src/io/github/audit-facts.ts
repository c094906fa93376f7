import type { PullFacts } from '../../report/audit.js'
import type { GitHubClient } from './client.js'
import { unexpectedAnswer } from './github-error.js'
import { fetchAllPages } from './paginate.js'
import { integer, login, object, reviewFromRest, string, timestamp } from './rest-shapes.js'

const commitPullsRoute = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
const commitsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits'
const reviewsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews'

/** GitHub lists at most this many commits of a pull request (the earliest ones). */
const maxListedCommits = 250
/** Calls in flight at once: a report asks about a few commits per change. */
const parallelCommits = 4

export interface RepositoryRef {
  owner: string
  repo: string
}

/**
 * The pull request GitHub merged as `commit` (its `merge_commit_sha`: a merge, squash or rebase merge), with its
 * author, the committer date of its earliest commit and all its reviews; null when no merged pull request has that
 * merge commit (a direct push, or a commit of a branch). Every list is read to its end. Any failure, or an answer
 * that cannot be read with certainty, throws a GitHubApiError (exit 3).
 */
export async function fetchCommitPullFacts(client: GitHubClient, ref: RepositoryRef, commit: string): Promise<PullFacts | null> {
  const merged = await mergedPullRequest(client, ref, commit)
  return merged === null ? null : fetchPullFacts(client, ref, merged.number, merged.author)
}

/**
 * {@link fetchCommitPullFacts} for several commits, a few at a time, each pull request read once. The map has an
 * entry for every commit.
 */
export async function fetchPullFactsForCommits(client: GitHubClient, ref: RepositoryRef, commits: readonly string[]): Promise<Map<string, PullFacts | null>> {
  const unique = [...new Set(commits)]
  const byCommit = new Map<string, PullFacts | null>()
  const byNumber = new Map<number, Promise<PullFacts>>()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const commit = unique[next++]!
      const merged = await mergedPullRequest(client, ref, commit)
      if (merged === null) {
        byCommit.set(commit, null)
        continue
      }
      let facts = byNumber.get(merged.number)
      if (!facts) {
        facts = fetchPullFacts(client, ref, merged.number, merged.author)
        byNumber.set(merged.number, facts)
      }
      byCommit.set(commit, await facts)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelCommits, unique.length) }, worker))
  return new Map(unique.map((commit) => [commit, byCommit.get(commit)!]))
}

/** The merged pull request whose merge commit is `commit`, from "list pull requests associated with a commit". */
async function mergedPullRequest(client: GitHubClient, ref: RepositoryRef, commit: string): Promise<{ number: number; author: string } | null> {
  const items = await fetchAllPages(client, commitPullsRoute, { owner: ref.owner, repo: ref.repo, commit_sha: commit })
  const found: { number: number; author: string }[] = []
  items.forEach((item, i) => {
    const pr = object(item, commitPullsRoute, `pull request ${i}`)
    const mergeCommit = pr.merge_commit_sha
    if (pr.merged_at === null || pr.merged_at === undefined || typeof mergeCommit !== 'string' || mergeCommit.toLowerCase() !== commit.toLowerCase()) return
    timestamp(pr.merged_at, commitPullsRoute, `pull request ${i}.merged_at`)
    found.push({ number: integer(pr.number, commitPullsRoute, `pull request ${i}.number`), author: login(pr.user, commitPullsRoute, `pull request ${i}.user`) })
  })
  const numbers = new Set(found.map((f) => f.number))
  if (numbers.size > 1) throw unexpectedAnswer(commitPullsRoute, `pull requests ${[...numbers].map((n) => `#${n}`).join(', ')} all name ${commit} as their merge commit`)
  return found[0] ?? null
}

async function fetchPullFacts(client: GitHubClient, ref: RepositoryRef, number: number, author: string): Promise<PullFacts> {
  const params = { owner: ref.owner, repo: ref.repo, pull_number: number }
  const [commitItems, reviewItems] = await Promise.all([fetchAllPages(client, commitsRoute, params, maxListedCommits), fetchAllPages(client, reviewsRoute, params)])
  let firstCommitAt: number | null = null
  commitItems.forEach((item, i) => {
    const commit = object(object(item, commitsRoute, `commit ${i}`).commit, commitsRoute, `commit ${i}.commit`)
    const committer = object(commit.committer, commitsRoute, `commit ${i}.commit.committer`)
    const at = timestamp(string(committer.date, commitsRoute, `commit ${i}.commit.committer.date`), commitsRoute, `commit ${i}.commit.committer.date`)
    if (firstCommitAt === null || at < firstCommitAt) firstCommitAt = at
  })
  const reviews = reviewItems.map((item, i) => reviewFromRest(item, reviewsRoute, `review ${i}`))
  return { number, author, firstCommitAt, reviews }
}
