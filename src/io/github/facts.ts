import type { PullRequestFacts } from '../../model/policy.js'
import type { GitHubClient } from './client.js'
import { GitHubApiError, unexpectedAnswer } from './github-error.js'
import { fetchAllPages } from './paginate.js'
import { commitFromRest, integer, login, object, reviewFromRest, string, timestamp, type Json } from './rest-shapes.js'

const pullRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
const commitsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits'
const filesRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'
const reviewsRoute = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews'

/** GitHub lists at most this many commits of a pull request, and at most this many files. */
export const maxPullRequestCommits = 250
export const maxPullRequestFiles = 3000

export interface PullRequestRef {
  owner: string
  repo: string
  pull: number
}

/** A pull request as GitHub reports it now, read completely or not at all. */
export interface LivePullRequest {
  facts: PullRequestFacts
  state: string
  draft: boolean
  headSha: string
  headRef: string
  baseSha: string
  baseRef: string
  /** Every path the pull request touches, the old path of a renamed file included; sorted, unique. */
  files: string[]
}

/**
 * Reads the pull request's live state: the pull request (author, opening time, base and head), all its commits,
 * files and reviews. Every list is read to its end and checked against the totals GitHub gives; a list GitHub cannot
 * give in full (over 250 commits, over 3000 files), a page cut short, or a pull request that changes while it is
 * read throws a GitHubApiError (exit 3): gitsm never judges on part of the facts.
 */
export async function fetchPullRequestFacts(client: GitHubClient, ref: PullRequestRef): Promise<LivePullRequest> {
  const params = { owner: ref.owner, repo: ref.repo, pull_number: ref.pull }
  const before = await readPull(client, params)
  const where = `${ref.owner}/${ref.repo}#${ref.pull}`
  if (before.commits > maxPullRequestCommits) {
    throw new GitHubApiError(
      `Pull request ${where} has ${before.commits} commits; GitHub lists at most ${maxPullRequestCommits} (${commitsRoute}), so gitsm cannot know every committer and fails closed. Squash the branch or split the pull request.`,
      { endpoint: commitsRoute },
    )
  }
  if (before.changedFiles > maxPullRequestFiles) {
    throw new GitHubApiError(
      `Pull request ${where} changes ${before.changedFiles} files; GitHub lists at most ${maxPullRequestFiles} (${filesRoute}), so gitsm cannot see every change and fails closed. Split the pull request.`,
      { endpoint: filesRoute },
    )
  }

  const [commitItems, fileItems, reviewItems] = await Promise.all([
    fetchAllPages(client, commitsRoute, params, maxPullRequestCommits),
    fetchAllPages(client, filesRoute, params, maxPullRequestFiles),
    fetchAllPages(client, reviewsRoute, params),
  ])
  const commits = commitItems.map((item, i) => commitFromRest(item, commitsRoute, `commit ${i}`))
  const reviews = reviewItems.map((item, i) => reviewFromRest(item, reviewsRoute, `review ${i}`))
  const files = new Set<string>()
  fileItems.forEach((item, i) => {
    const file = object(item, filesRoute, `file ${i}`)
    files.add(string(file.filename, filesRoute, `file ${i}.filename`))
    // A rename touches its old path too: moving gitsm.yaml away is a change to gitsm.yaml.
    if (file.previous_filename !== undefined && file.previous_filename !== null) files.add(string(file.previous_filename, filesRoute, `file ${i}.previous_filename`))
  })

  if (commits.length !== before.commits) throw unexpectedAnswer(commitsRoute, `${commits.length} commits listed, but the pull request reports ${before.commits}`)
  if (fileItems.length !== before.changedFiles) throw unexpectedAnswer(filesRoute, `${fileItems.length} files listed, but the pull request reports ${before.changedFiles}`)
  if (!commits.some((c) => c.sha === before.headSha)) throw unexpectedAnswer(commitsRoute, `the head commit ${before.headSha} is not among the listed commits`)

  // Read again: a push while the lists were read would mix two versions of the pull request.
  const after = await readPull(client, params)
  if (after.headSha !== before.headSha || after.baseSha !== before.baseSha || after.commits !== before.commits || after.changedFiles !== before.changedFiles) {
    throw unexpectedAnswer(pullRoute, `the pull request changed while it was read (head ${before.headSha.slice(0, 12)} → ${after.headSha.slice(0, 12)}, base ${before.baseSha.slice(0, 12)} → ${after.baseSha.slice(0, 12)}); a new push starts its own run`)
  }

  return {
    facts: { number: before.number, author: before.author, openedAt: before.openedAt, commits, reviews },
    state: before.state,
    draft: before.draft,
    headSha: before.headSha,
    headRef: before.headRef,
    baseSha: before.baseSha,
    baseRef: before.baseRef,
    files: [...files].sort(),
  }
}

interface PullSummary {
  number: number
  author: string
  openedAt: number
  state: string
  draft: boolean
  headSha: string
  headRef: string
  baseSha: string
  baseRef: string
  commits: number
  changedFiles: number
}

async function readPull(client: GitHubClient, params: { owner: string; repo: string; pull_number: number }): Promise<PullSummary> {
  const { data } = await client.request(pullRoute, params)
  const pr = object(data, pullRoute, 'the pull request')
  const head = object(pr.head, pullRoute, 'head')
  const base = object(pr.base, pullRoute, 'base')
  const sha = (side: Json, name: string) => {
    const value = string(side.sha, pullRoute, `${name}.sha`)
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value)) throw unexpectedAnswer(pullRoute, `${name}.sha is not a commit id`)
    return value
  }
  const number = integer(pr.number, pullRoute, 'number')
  if (number !== params.pull_number) throw unexpectedAnswer(pullRoute, `pull request ${params.pull_number} came back as number ${number}`)
  return {
    number,
    author: login(pr.user, pullRoute, 'user'),
    openedAt: timestamp(pr.created_at, pullRoute, 'created_at'),
    state: string(pr.state, pullRoute, 'state'),
    draft: pr.draft === true,
    headSha: sha(head, 'head'),
    headRef: string(head.ref, pullRoute, 'head.ref'),
    baseSha: sha(base, 'base'),
    baseRef: string(base.ref, pullRoute, 'base.ref'),
    commits: integer(pr.commits, pullRoute, 'commits'),
    changedFiles: integer(pr.changed_files, pullRoute, 'changed_files'),
  }
}
