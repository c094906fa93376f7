import { readFileSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import * as core from '@actions/core'
import { GitsmError, InfrastructureError, UsageError } from '../index.js'
import type { StepContext } from './context.js'
import type { ActionEvent } from './event.js'
import { policyFormats, runPolicyStep, type PolicyStepOptions } from './policy.js'
import { reportFormatList, runReportStep, type ReportStepOptions } from './report.js'
import { runValidateStep, validateFormats } from './validate.js'

const commands = ['validate', 'policy', 'report'] as const

/**
 * The Action: reads its inputs and the runner's environment once, runs the command, and turns every failure into a
 * failed step whose message says what to do. Nothing fails open: a failure the code does not know is reported as an
 * internal error, and the step fails.
 */
export async function run(): Promise<void> {
  const env = process.env
  try {
    const command = core.getInput('command').toLowerCase() || 'validate'
    if (!(commands as readonly string[]).includes(command)) throw new UsageError(`Unknown command "${command}". The Action runs: ${commands.join(', ')}.`)
    const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
    const root = resolve(workspace, core.getInput('path') || '.')
    const format = core.getInput('format').toLowerCase()
    if (command === 'report') reportFormatList(format)
    const formats: readonly string[] = command === 'validate' ? validateFormats : policyFormats
    if (command !== 'report' && !formats.includes(format)) throw new UsageError(`The format "${format}" does not apply to ${command}. Use one of: ${formats.filter(Boolean).join(', ')}, or leave it empty.`)
    const context: StepContext = {
      root,
      prefix: workspacePrefix(workspace, root),
      format,
      reportDir: resolve(workspace, core.getInput('report-dir') || 'gitsm-report'),
      hasSummary: Boolean(env.GITHUB_STEP_SUMMARY),
      event: readEvent(env),
      now: new Date(),
    }
    if (command === 'validate') await runValidateStep(context)
    else if (command === 'report') await runReportStep(context, reportOptions(env, core.getInput('token')))
    else await runPolicyStep(context, policyOptions(env, core.getInput('token')))
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

function policyOptions(env: NodeJS.ProcessEnv, token: string): PolicyStepOptions {
  const repository = repositoryOf(env)
  if (!repository) throw new UsageError('GITHUB_REPOSITORY is not OWNER/NAME, so the pull request cannot be found. Run the policy command as a step of a GitHub Actions job.')
  if (!token) throw new UsageError('The policy command reads the pull request from GitHub and needs the `token` input (its default is the job\'s GITHUB_TOKEN; it is empty here).')
  const { owner, repo } = repository
  const server = env.GITHUB_SERVER_URL
  const runUrl = server && env.GITHUB_RUN_ID ? `${server.replace(/\/+$/, '')}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  return { token, apiUrl: apiUrlOf(env), owner, repo, ...(runUrl === undefined ? {} : { runUrl }) }
}

/** The report reads reviews from GitHub when it has a token and knows the repository; else it says they were not checked. */
function reportOptions(env: NodeJS.ProcessEnv, token: string): ReportStepOptions {
  const repository = repositoryOf(env)
  if (!token || !repository) return {}
  return { github: { token, baseUrl: apiUrlOf(env), ...repository } }
}

/** The repository the job runs for, from GITHUB_REPOSITORY; undefined when it is not OWNER/NAME. */
function repositoryOf(env: NodeJS.ProcessEnv): { owner: string; repo: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '')
  return match ? { owner: match[1]!, repo: match[2]! } : undefined
}

function apiUrlOf(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL || 'https://api.github.com'
}

/** The event's name and payload; a payload that cannot be read is left undefined, for the command to judge. */
function readEvent(env: NodeJS.ProcessEnv): ActionEvent {
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (!env.GITHUB_EVENT_PATH) return { name, payload: undefined }
  let payload: unknown
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  } catch (error) {
    throw new InfrastructureError(`The event payload GITHUB_EVENT_PATH names cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return { name, payload: payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined }
}

/** Annotations and SARIF locations are relative to the workspace, not to `path`. */
function workspacePrefix(workspace: string, root: string): string {
  const path = relative(workspace, root).split(sep).join('/')
  return path === '' || path.startsWith('..') ? '' : `${path}/`
}

/** What the failed step says: the class of problem, then gitsm's message, which says what to do. */
function failureMessage(error: unknown): string {
  if (error instanceof InfrastructureError) return `gitsm could not finish, and fails closed: ${error.message}`
  if (error instanceof GitsmError) return `gitsm: ${error.exitCode === 2 ? 'configuration error: ' : ''}${error.message}`
  return `gitsm: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
}
