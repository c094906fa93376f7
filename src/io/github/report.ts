import { UsageError } from '../../errors.js'
import type { GitHubClient } from './client.js'
import { isGitHubStatus } from './github-error.js'
import { fetchAllPages } from './paginate.js'
import { integer, login, object } from './rest-shapes.js'

const listCommentsRoute = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
const createCommentRoute = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const updateCommentRoute = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
const deleteCommentRoute = 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}'
const statusRoute = 'POST /repos/{owner}/{repo}/statuses/{sha}'
const createCheckRoute = 'POST /repos/{owner}/{repo}/check-runs'
const updateCheckRoute = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'

/** The hidden marker that makes a comment gitsm's policy comment. */
export const policyCommentMarker = '<!-- gitsm:policy -->'
/** The context of gitsm's commit status and the name of its check run. */
export const policyContext = 'gitsm/policy'

/** GitHub's limits: comment bodies, check-run summary and text, status descriptions, annotations per request. */
const maxCommentLength = 65_536
const maxOutputLength = 65_535
const maxDescriptionLength = 140
const annotationsPerRequest = 50

export interface StickyCommentOptions {
  owner: string
  repo: string
  /** The pull request (or issue) number. */
  issue: number
  body: string
  /** An HTML comment; default `<!-- gitsm:policy -->`. The comment body starts with it. */
  marker?: string
  /**
   * Only comments by this login count as gitsm's (`github-actions[bot]` with the Actions token). Without it, any
   * comment that starts with the marker does.
   */
  author?: string
  /**
   * Only comments by bots (`user.type` Bot) count as gitsm's: whatever account the token is (the Actions token, a
   * GitHub App), a comment a person writes with the marker is never taken for gitsm's and never edited.
   */
  botsOnly?: boolean
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged'
  commentId: number
  /** Ids of extra marked comments that were deleted. */
  deleted: number[]
}

/**
 * Keeps exactly one marked comment on the pull request: reads ALL its comments, updates the first marked one in
 * place (or leaves it when the text is the same), deletes any other marked ones, and creates one only when none
 * exists. The body is cut to GitHub's 65 536 characters with a note, never rejected.
 */
export async function upsertStickyComment(client: GitHubClient, options: StickyCommentOptions): Promise<StickyCommentResult> {
  const marker = options.marker ?? policyCommentMarker
  if (!/^<!--(?:(?!-->)[\s\S])*-->$/.test(marker)) throw new UsageError(`The comment marker must be one HTML comment, like ${policyCommentMarker}; got ${JSON.stringify(marker.slice(0, 60))}.`)
  const body = fitComment(options.body.startsWith(marker) ? options.body : `${marker}\n${options.body}`)
  const params = { owner: options.owner, repo: options.repo }
  const author = options.author?.toLowerCase()

  const items = await fetchAllPages(client, listCommentsRoute, { ...params, issue_number: options.issue })
  const marked: { id: number; body: string }[] = []
  items.forEach((item, i) => {
    const comment = object(item, listCommentsRoute, `comment ${i}`)
    const text = typeof comment.body === 'string' ? comment.body : ''
    if (!text.trimStart().startsWith(marker)) return
    if (author !== undefined && login(comment.user, listCommentsRoute, `comment ${i}.user`).toLowerCase() !== author) return
    if (options.botsOnly && (comment.user as { type?: unknown } | null)?.type !== 'Bot') return
    marked.push({ id: integer(comment.id, listCommentsRoute, `comment ${i}.id`), body: text })
  })

  const [first, ...extra] = marked
  let action: StickyCommentResult['action']
  let commentId: number
  if (first === undefined) {
    const { data } = await client.request(createCommentRoute, { ...params, issue_number: options.issue, body })
    commentId = integer(object(data, createCommentRoute, 'the comment').id, createCommentRoute, 'id')
    action = 'created'
  } else {
    commentId = first.id
    action = first.body === body ? 'unchanged' : 'updated'
    if (action === 'updated') await client.request(updateCommentRoute, { ...params, comment_id: first.id, body })
  }
  const deleted: number[] = []
  for (const duplicate of extra) {
    try {
      await client.request(deleteCommentRoute, { ...params, comment_id: duplicate.id })
    } catch (error) {
      // Already gone (another run removed it): the goal is reached.
      if (!isGitHubStatus(error, 404)) throw error
    }
    deleted.push(duplicate.id)
  }
  return { action, commentId, deleted }
}

export interface CommitStatusOptions {
  owner: string
  repo: string
  /** The evaluated head commit. */
  sha: string
  state: 'success' | 'failure' | 'pending' | 'error'
  /** Cut to GitHub's 140 characters. */
  description: string
  targetUrl?: string
  /** Default `gitsm/policy`. */
  context?: string
}

/** Sets gitsm's commit status on the evaluated head commit; returns the status id. */
export async function setCommitStatus(client: GitHubClient, options: CommitStatusOptions): Promise<{ id: number }> {
  const { data } = await client.request(statusRoute, {
    owner: options.owner,
    repo: options.repo,
    sha: options.sha,
    state: options.state,
    description: cut(options.description, maxDescriptionLength),
    context: options.context ?? policyContext,
    ...(options.targetUrl === undefined ? {} : { target_url: options.targetUrl }),
  })
  return { id: integer(object(data, statusRoute, 'the status').id, statusRoute, 'id') }
}

export interface CheckAnnotation {
  /** Repository-relative, forward slashes. */
  path: string
  /** 1-based. */
  startLine: number
  endLine?: number
  /** Only used when the annotation is on one line, as GitHub requires. */
  startColumn?: number
  endColumn?: number
  level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  rawDetails?: string
}

export interface CheckRunOptions {
  owner: string
  repo: string
  /** The evaluated head commit. */
  headSha: string
  /** Default `gitsm/policy`. */
  name?: string
  conclusion: 'success' | 'failure' | 'neutral' | 'action_required' | 'cancelled' | 'skipped' | 'timed_out'
  title: string
  /** Markdown, cut to 65 535 characters. */
  summary: string
  text?: string
  annotations?: readonly CheckAnnotation[]
  detailsUrl?: string
}

/**
 * Creates a completed check run on the evaluated head commit with all its annotations, 50 per request as the Checks
 * API requires: with more than 50, the run is created in progress with the first 50, updated with each further 50,
 * and concluded with the last batch, so it never shows a conclusion without all its annotations. Returns the run's
 * id and the number of requests made.
 */
export async function createCheckRun(client: GitHubClient, options: CheckRunOptions): Promise<{ id: number; requests: number }> {
  const batches: CheckAnnotation[][] = []
  const annotations = options.annotations ?? []
  for (let i = 0; i < annotations.length; i += annotationsPerRequest) batches.push(annotations.slice(i, i + annotationsPerRequest))
  const output = (batch: readonly CheckAnnotation[] | undefined) => ({
    title: cut(options.title, 255),
    summary: cut(options.summary, maxOutputLength),
    ...(options.text === undefined ? {} : { text: cut(options.text, maxOutputLength) }),
    ...(batch === undefined || batch.length === 0 ? {} : { annotations: batch.map(toRestAnnotation) }),
  })
  const params = { owner: options.owner, repo: options.repo }
  const done = { status: 'completed' as const, conclusion: options.conclusion }
  const { data } = await client.request(createCheckRoute, {
    ...params,
    name: options.name ?? policyContext,
    head_sha: options.headSha,
    ...(options.detailsUrl === undefined ? {} : { details_url: options.detailsUrl }),
    ...(batches.length <= 1 ? done : { status: 'in_progress' as const }),
    output: output(batches[0]),
  })
  const id = integer(object(data, createCheckRoute, 'the check run').id, createCheckRoute, 'id')
  for (let i = 1; i < batches.length; i++) {
    const last = i === batches.length - 1
    await client.request(updateCheckRoute, { ...params, check_run_id: id, ...(last ? done : {}), output: output(batches[i]) })
  }
  return { id, requests: Math.max(1, batches.length) }
}

function toRestAnnotation(a: CheckAnnotation) {
  const endLine = Math.max(a.endLine ?? a.startLine, a.startLine)
  const oneLine = endLine === a.startLine
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: endLine,
    ...(oneLine && a.startColumn !== undefined ? { start_column: a.startColumn } : {}),
    ...(oneLine && a.startColumn !== undefined && a.endColumn !== undefined ? { end_column: Math.max(a.endColumn, a.startColumn) } : {}),
    annotation_level: a.level,
    message: cut(a.message, maxOutputLength),
    ...(a.title === undefined ? {} : { title: cut(a.title, 255) }),
    ...(a.rawDetails === undefined ? {} : { raw_details: cut(a.rawDetails, maxOutputLength) }),
  }
}

function fitComment(body: string): string {
  if (body.length <= maxCommentLength) return body
  const note = '\n\n… (cut at GitHub\'s 65,536-character limit for comments; the job summary has everything)'
  return cut(body, maxCommentLength - note.length, '') + note
}

/** At most `max` UTF-16 units, never splitting a surrogate pair, ending in `tail` when cut. */
function cut(text: string, max: number, tail = '…'): string {
  if (text.length <= max) return text
  let end = max - tail.length
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return text.slice(0, end) + tail
}
