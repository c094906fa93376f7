import { UsageError } from '../index.js'

type Json = Record<string, unknown>

/** The event that started the workflow run: its name and the payload GitHub wrote to GITHUB_EVENT_PATH. */
export interface ActionEvent {
  name: string
  /** Undefined when the runner gave none (a local run). */
  payload: Json | undefined
}

/** The pull request a policy run judges, and the commits the payload names (only to flag them when judging fails). */
export interface PolicyTarget {
  pull: number
  /** merge_group: the merge group's commit, which gets the commit status too. */
  mergeGroupSha?: string
  /** The payload's copies of the heads: stale on a re-run, so never judged, only marked when the judgement fails. */
  payloadShas: string[]
}

export const policyEvents = ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group', 'workflow_run'] as const

const mergeQueueRef = /^refs\/heads\/gh-readonly-queue\/.+\/pr-([1-9][0-9]*)-[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/**
 * Which pull request to judge: `pull_request.number` for pull request events, the number in the merge group's
 * `head_ref` (`refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`) for merge_group, and for workflow_run (a run
 * woken by a review workflow, as `gitsm init` sets it up) the one pull request of this repository the run names.
 * Throws UsageError otherwise.
 */
export function policyTarget(event: ActionEvent, repository: { owner: string; repo: string }): PolicyTarget {
  const { name, payload } = event
  if (!(policyEvents as readonly string[]).includes(name)) {
    throw new UsageError(
      `The policy command judges pull requests; this run was started by a "${name || 'unknown'}" event. Run it on: ${policyEvents.join(', ')}.`,
    )
  }
  if (payload === undefined) throw new UsageError(`The ${name} event's payload could not be read (GITHUB_EVENT_PATH), so the pull request is unknown. Run gitsm policy as a step of a GitHub Actions job.`)
  if (name === 'merge_group') {
    const group = object(payload.merge_group)
    const ref = typeof group?.head_ref === 'string' ? group.head_ref : ''
    const match = mergeQueueRef.exec(ref)
    if (!match) throw new UsageError(`Cannot tell which pull request the merge group is for: its head_ref ${JSON.stringify(ref.slice(0, 200))} is not refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>.`)
    const sha = commitId(group?.head_sha)
    return { pull: Number(match[1]), ...(sha === undefined ? {} : { mergeGroupSha: sha }), payloadShas: sha === undefined ? [] : [sha] }
  }
  if (name === 'workflow_run') return workflowRunTarget(object(payload.workflow_run), repository)
  const pr = object(payload.pull_request)
  const number = pr?.number
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) throw new UsageError(`The ${name} event's payload has no pull_request.number, so the pull request is unknown.`)
  const head = commitId(object(pr?.head)?.sha)
  return { pull: number, payloadShas: head === undefined ? [] : [head] }
}

/**
 * GitHub lists the pull requests whose head the woken-by run ran on; only those of this repository count (a fork's
 * pull requests may appear too), and GitHub lists none for a pull request from a fork.
 */
function workflowRunTarget(run: Json | undefined, repository: { owner: string; repo: string }): PolicyTarget {
  const suffix = `/repos/${repository.owner}/${repository.repo}`.toLowerCase()
  const listed = Array.isArray(run?.pull_requests) ? run.pull_requests : []
  const numbers = new Set<number>()
  for (const pr of listed.map(object)) {
    const url = object(object(pr?.base)?.repo)?.url
    if (typeof url === 'string' && url.toLowerCase().endsWith(suffix) && typeof pr?.number === 'number' && Number.isSafeInteger(pr.number) && pr.number > 0) numbers.add(pr.number)
  }
  const [pull, ...more] = [...numbers]
  if (pull === undefined || more.length > 0) {
    throw new UsageError(
      `The workflow run that started this one names ${pull === undefined ? 'no pull request' : `several pull requests (${[...numbers].map((n) => `#${n}`).join(', ')})`} of ${repository.owner}/${repository.repo}, so gitsm cannot tell which to judge. ` +
        'GitHub names none for pull requests from forks: their verdict comes from the pull_request_target run, which a new push or an edit of the pull request starts.',
    )
  }
  const head = commitId(run?.head_sha)
  return { pull, payloadShas: head === undefined ? [] : [head] }
}

/** The pull request's base commit for a validate run on a pull request event, when the payload names one. */
export function pullRequestBase(event: ActionEvent): string | undefined {
  if (event.name !== 'pull_request' && event.name !== 'pull_request_target') return undefined
  return commitId(object(object(event.payload?.pull_request)?.base)?.sha)
}

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined
}

function commitId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value) ? value : undefined
}
