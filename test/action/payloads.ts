import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Real webhook payloads (@octokit/webhooks-examples), moved to the test's repository, pull request and commits. */

type Json = Record<string, unknown>
interface WebhookDefinition {
  name: string
  examples: Json[]
}

const require = createRequire(import.meta.url)
const definitions = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as WebhookDefinition[]

function example(event: string, action?: string): Json {
  const found = definitions.find((d) => d.name === event)?.examples.find((e) => e.action === action)
  if (!found) throw new Error(`no ${event}${action ? `.${action}` : ''} webhook example`)
  return structuredClone(found)
}

/** Renames the example's repository everywhere it appears (URLs included). */
function moveRepository(payload: Json, repository: string): Json {
  const old = (payload.repository as { full_name: string }).full_name
  const [owner, name] = repository.split('/') as [string, string]
  const moved = JSON.parse(JSON.stringify(payload).split(old).join(repository)) as Json
  const repo = moved.repository as Json
  repo.name = name
  ;(repo.owner as Json).login = owner
  return moved
}

export interface PullTarget {
  repository: string
  pull: number
  headSha: string
  baseSha: string
}

function pointPullRequest(payload: Json, target: PullTarget): Json {
  const moved = moveRepository(payload, target.repository)
  const pr = moved.pull_request as Json
  pr.number = target.pull
  ;(pr.head as Json).sha = target.headSha
  ;(pr.base as Json).sha = target.baseSha
  return moved
}

/** `pull_request` with action `opened`. */
export function pullRequestOpened(target: PullTarget): Json {
  return pointPullRequest(example('pull_request', 'opened'), target)
}

/** `pull_request_review` with action `submitted`; the review's state as webhooks spell it, lower case. */
export function reviewSubmitted(target: PullTarget, review: { login: string; state: 'approved' | 'changes_requested' | 'commented' }): Json {
  const payload = pointPullRequest(example('pull_request_review', 'submitted'), target)
  const r = payload.review as Json
  r.state = review.state
  r.commit_id = target.headSha
  ;(r.user as Json).login = review.login
  return payload
}

/** `merge_group` with action `checks_requested`, for the pull request's entry in the queue. */
export function mergeGroupChecksRequested(target: PullTarget & { groupSha: string }): Json {
  const payload = moveRepository(example('merge_group', 'checks_requested'), target.repository)
  const group = payload.merge_group as Json
  group.head_sha = target.groupSha
  group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${target.pull}-${target.headSha}`
  group.base_sha = target.baseSha
  return payload
}

/** `push`, which the policy command does not judge. */
export function pushPayload(repository: string): Json {
  return moveRepository(example('push'), repository)
}

/**
 * `workflow_run` with action `completed`, as the review workflow of `gitsm init` ends: GitHub names the pull requests
 * of this repository whose head the run ran on (none for a pull request from a fork: `fork: true`).
 */
export function workflowRunCompleted(target: PullTarget, options: { fork?: boolean } = {}): Json {
  const found = definitions.find((d) => d.name === 'workflow_run')!.examples.find((e) => e.action === 'completed' && ((e.workflow_run as Json).pull_requests as unknown[]).length > 0)!
  const payload = moveRepository(structuredClone(found), target.repository)
  const run = payload.workflow_run as Json
  run.event = 'pull_request_review'
  run.head_sha = target.headSha
  const [listed] = run.pull_requests as Json[]
  listed!.number = target.pull
  ;(listed!.head as Json).sha = target.headSha
  ;((listed!.base as Json).repo as Json).url = `https://api.github.com/repos/${target.repository}`
  if (options.fork) run.pull_requests = []
  return payload
}
