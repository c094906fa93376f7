import * as core from '@actions/core'
import {
  createGitHubClient,
  escapeMarkdown,
  formatPolicyJson,
  formatPolicyMarkdown,
  formatPolicyPretty,
  GitHubApiError,
  InfrastructureError,
  judgeLivePullRequest,
  oneLine,
  policyCommentMarker,
  setCommitStatus,
  upsertStickyComment,
  type CommitStatusOptions,
  type GitHubClient,
  type PolicyDecision,
  type PolicyReport,
} from '../index.js'
import { annotateDiagnostics } from './annotate.js'
import { writeJobSummary, writeReportFile, type StepContext } from './context.js'
import { policyTarget, type PolicyTarget } from './event.js'

export const policyFormats = ['', 'markdown', 'json'] as const

export interface PolicyStepOptions {
  token: string
  /** GITHUB_API_URL. */
  apiUrl: string
  owner: string
  repo: string
  /** The workflow run's page, linked from the commit status. */
  runUrl?: string
}

/**
 * `command: policy`: judges the pull request the event names on GitHub's live state (never the payload's copies),
 * then annotates the violations, writes the job summary, the `decision` output, a `gitsm/policy` commit status on
 * the judged head (and on the merge group's commit), and the one sticky comment on the pull request. Fails the step
 * unless approved. When it cannot judge, it marks the payload's heads with an `error` status and throws.
 */
export async function runPolicyStep(context: StepContext, options: PolicyStepOptions): Promise<void> {
  const target = policyTarget(context.event, { owner: options.owner, repo: options.repo })
  const client = createGitHubClient({ token: options.token, baseUrl: options.apiUrl })
  const repo = { owner: options.owner, repo: options.repo }
  let report: PolicyReport
  try {
    const { result, snapshot } = await judgeLivePullRequest({ root: context.root, token: options.token, baseUrl: options.apiUrl, ...repo, pull: target.pull, now: context.now, client })
    report = { result, base: snapshot.base.sha, head: snapshot.head.sha }
  } catch (error) {
    const failure = explainFailure(error, target.pull)
    await writeJobSummary(context, `### gitsm change policy: not judged\n\n${escapeMarkdown(failure.message)}\n`)
    await markUnjudged(client, options, target)
    throw failure
  }

  const { result } = report
  annotateDiagnostics([...result.changes.flatMap((c) => c.violations), ...result.violations], context.prefix, 'the job summary and the pull request comment')
  const markdown = formatPolicyMarkdown(report, policyCommentMarker)
  await writeJobSummary(context, markdown)
  core.setOutput('decision', result.decision)
  if (context.format === 'json') await writeReportFile(context, 'policy.json', formatPolicyJson(report))

  const verdict = verdictLine(report)
  const state = statusState(result.decision, context.event.name === 'merge_group')
  for (const sha of new Set([report.head, ...(target.mergeGroupSha === undefined ? [] : [target.mergeGroupSha])])) {
    await write('the commit status', 'statuses: write', () => setCommitStatus(client, status(options, sha, state, verdict)))
  }
  await write('the pull request comment', 'pull-requests: write', () => upsertStickyComment(client, { ...repo, issue: target.pull, body: markdown, marker: policyCommentMarker, botsOnly: true }))

  if (result.decision === 'pending') core.setFailed(`gitsm: the change policy is not satisfied yet. ${verdict} The step passes once the approvals are given on the head commit; see the pull request comment.`)
  if (result.decision === 'rejected') core.setFailed(`gitsm: the pull request breaks the change policy. ${verdict} See the annotations and the pull request comment.`)
}

/** The last line of the terminal output says the verdict in words: `Pending: 1 approval is still missing.` */
function verdictLine(report: PolicyReport): string {
  const last = formatPolicyPretty(report).trimEnd().split('\n').at(-1) ?? ''
  return last.replace(/^\S+\s+/, '')
}

/** A merge queue cannot wait for approvals: there, missing approvals fail the group. */
function statusState(decision: PolicyDecision, mergeGroup: boolean): CommitStatusOptions['state'] {
  if (decision === 'approved') return 'success'
  return decision === 'pending' && !mergeGroup ? 'pending' : 'failure'
}

function status(options: PolicyStepOptions, sha: string, state: CommitStatusOptions['state'], description: string): CommitStatusOptions {
  return { owner: options.owner, repo: options.repo, sha, state, description, ...(options.runUrl === undefined ? {} : { targetUrl: options.runUrl }) }
}

/**
 * A judgement that failed must not leave an earlier `success` standing on the commits the event named: mark them
 * `error`. Best effort: the step fails anyway, with the reason it could not judge.
 */
async function markUnjudged(client: GitHubClient, options: PolicyStepOptions, target: PolicyTarget): Promise<void> {
  for (const sha of target.payloadShas) {
    try {
      await setCommitStatus(client, status(options, sha, 'error', 'gitsm could not judge the pull request: see the job log.'))
    } catch (error) {
      core.warning(`gitsm could not mark ${sha.slice(0, 7)} with an error status: ${oneLine(error instanceof Error ? error.message : String(error))}`)
    }
  }
}

/** Failures that are not GitHub's come from the checkout: say how to give gitsm the commits it judges. */
function explainFailure(error: unknown, pull: number): Error {
  if (!(error instanceof Error)) return new Error(String(error))
  if (!(error instanceof InfrastructureError) || error instanceof GitHubApiError) return error
  return new InfrastructureError(
    `${error.message} The policy judges the pull request's live head against its base, both read from the checkout: check out with actions/checkout, \`fetch-depth: 0\` and \`ref: refs/pull/${pull}/head\`, so that both commits are there.`,
    { cause: error },
  )
}

/** A refused write says which permission the job lacks. */
async function write(what: string, permission: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call()
  } catch (error) {
    if (!(error instanceof GitHubApiError) || (error.status !== 403 && error.status !== 404)) throw error
    throw new InfrastructureError(
      `gitsm judged the pull request but could not write ${what}: ${error.message} Give the job \`permissions: ${permission}\`. On pull requests from forks GITHUB_TOKEN can only read: judge them on pull_request_target (see the README).`,
      { cause: error },
    )
  }
}
