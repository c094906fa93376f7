import { resolve } from 'node:path'
import { evaluatePolicy, formatPolicyJson, judgeLivePullRequest, formatPolicyMarkdown, formatPolicyPretty, readPolicySnapshot, UsageError, type PolicyReport, type PullRequestFacts } from '../index.js'
import { commitFromRest, readRestList, reviewFromRest } from '../io/pr-files.js'
import { policyHelp } from './help.js'
import type { CliIo } from './io.js'
import { parseCommandArgs } from './main.js'
import { nowOption, repositoryOption, timestampOption } from './options.js'

const formats = ['pretty', 'json', 'markdown'] as const
type Format = (typeof formats)[number]

export async function runPolicy(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      base: { type: 'string' },
      head: { type: 'string' },
      reviews: { type: 'string' },
      commits: { type: 'string' },
      author: { type: 'string' },
      'opened-at': { type: 'string' },
      repo: { type: 'string' },
      pr: { type: 'string' },
      format: { type: 'string', short: 'f' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'policy',
  )
  if (values.help) {
    io.stdout.write(policyHelp)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`policy takes one DIR, got ${positionals.length}: ${positionals.join(' ')}. See \`gitsm policy --help\`.`)
  const live = values.repo !== undefined || values.pr !== undefined
  if (!live && (!values.base || !values.head)) throw new UsageError('policy needs --base REV and --head REV: the pull request\'s base and head commits. See `gitsm policy --help`.')
  const format = (values.format ?? 'pretty') as Format
  if (!formats.includes(format)) throw new UsageError(`Unknown --format "${values.format}". Use one of: ${formats.join(', ')}.`)
  const now = nowOption(values.now)
  const root = resolve(io.cwd, positionals[0] ?? '.')
  let report: PolicyReport
  if (live) {
    const offline = (['reviews', 'commits', 'author', 'opened-at'] as const).filter((name) => values[name] !== undefined)
    if (offline.length > 0) throw new UsageError(`--repo/--pr read the pull request from GitHub; ${offline.map((o) => `--${o}`).join(', ')} would contradict it. Use one or the other.`)
    const { owner, repo, pull } = pullRequestOf(values.repo, values.pr)
    const token = io.env.GITHUB_TOKEN
    if (!token) throw new UsageError('--repo/--pr read the pull request from GitHub and need a token in GITHUB_TOKEN.')
    const { result, snapshot } = await judgeLivePullRequest({ root, token, baseUrl: io.env.GITHUB_API_URL || undefined, owner, repo, pull, base: values.base, head: values.head, now })
    report = { result, base: snapshot.base.sha, head: snapshot.head.sha }
  } else {
    const pr = await offlineFacts(values, io.cwd)
    const snapshot = await readPolicySnapshot({ root, base: values.base!, head: values.head!, pr })
    report = { result: evaluatePolicy(snapshot, now), base: snapshot.base.sha, head: snapshot.head.sha }
  }
  const { result } = report
  io.stdout.write(format === 'json' ? formatPolicyJson(report) : format === 'markdown' ? formatPolicyMarkdown(report) : formatPolicyPretty(report))
  return result.decision === 'approved' ? 0 : 1
}

function pullRequestOf(repoOption: string | undefined, prOption: string | undefined): { owner: string; repo: string; pull: number } {
  if (repoOption === undefined) throw new UsageError('--repo must be OWNER/NAME, such as acme/itsm.')
  const { owner, repo } = repositoryOption(repoOption, '--repo')
  const pull = Number(prOption)
  if (!/^[1-9]\d*$/.test(prOption ?? '') || !Number.isSafeInteger(pull)) throw new UsageError(`--pr must be a pull request number${prOption === undefined ? '' : `; got "${prOption}"`}.`)
  return { owner, repo, pull }
}

interface OfflineValues {
  reviews?: string
  commits?: string
  author?: string
  'opened-at'?: string
}

/** The pull request's facts from files holding GitHub's API responses, as DESIGN.md defines them. */
async function offlineFacts(values: OfflineValues, cwd: string): Promise<PullRequestFacts> {
  const missing = (['reviews', 'commits', 'author', 'opened-at'] as const).filter((name) => values[name] === undefined)
  if (missing.length > 0) {
    throw new UsageError(
      `Offline, policy needs ${missing.map((m) => `--${m}`).join(', ')}: without them it cannot know who may approve. ` +
        '(--reviews: GitHub\'s "list reviews for a pull request" JSON; --commits: "list commits on a pull request" JSON.)',
    )
  }
  const [reviews, commits] = await Promise.all([readRestList(resolve(cwd, values.reviews!), reviewFromRest), readRestList(resolve(cwd, values.commits!), commitFromRest)])
  return { author: values.author!.replace(/^@/, ''), openedAt: timestampOption(values['opened-at']!, '--opened-at'), commits, reviews }
}
