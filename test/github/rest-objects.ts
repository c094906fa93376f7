import { restReviewFromWebhook, reviewTemplate, userObject } from './webhook-seeds.js'

/** GitHub's REST objects for the fake server, built in the shapes GitHub's OpenAPI description gives them. */

export type Json = Record<string, unknown>
export type WebhookReviewState = 'approved' | 'changes_requested' | 'commented' | 'dismissed' | 'pending'

export interface RepoName {
  owner: string
  name: string
}

export interface CommitSeed {
  sha: string
  /** GitHub login of the author; null when the git identity matches no account. */
  author?: string | null
  committer?: string | null
}

export interface FileSeed {
  filename: string
  previousFilename?: string
  status?: 'added' | 'removed' | 'modified' | 'renamed'
}

export interface ReviewSeed {
  login: string
  /** As webhooks spell it; the server answers in REST's upper case. */
  state: WebhookReviewState
  commitId?: string | null
  submittedAt?: string
  authorAssociation?: string
  type?: 'User' | 'Bot'
  id?: number
}

export const api = 'https://api.github.com'
export const defaultTime = '2026-11-20T09:00:00Z'

/** A commit as "list commits on a pull request" returns it. */
export function commitObject(repo: RepoName, seed: CommitSeed, parent: string): Json {
  const base = `${api}/repos/${repo.owner}/${repo.name}`
  const person = (login: string | null | undefined) => ({ name: login ?? 'Someone', email: `${login ?? 'someone'}@example.com`, date: defaultTime })
  return {
    url: `${base}/commits/${seed.sha}`,
    sha: seed.sha,
    node_id: `C_${seed.sha.slice(0, 16)}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${seed.sha}`,
    comments_url: `${base}/commits/${seed.sha}/comments`,
    commit: {
      url: `${base}/git/commits/${seed.sha}`,
      author: person(seed.author),
      committer: person(seed.committer),
      message: `Commit ${seed.sha.slice(0, 7)}`,
      comment_count: 0,
      tree: { sha: seed.sha.split('').reverse().join(''), url: `${base}/git/trees/${seed.sha}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: seed.author ? userObject(seed.author) : null,
    committer: seed.committer ? userObject(seed.committer) : null,
    parents: [{ sha: parent, url: `${base}/commits/${parent}`, html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${parent}` }],
  }
}

/** A changed file as "list pull request files" returns it. */
export function fileObject(repo: RepoName, seed: string | FileSeed, i: number): Json {
  const file = typeof seed === 'string' ? { filename: seed } : seed
  const status = file.status ?? (file.previousFilename ? 'renamed' : 'modified')
  const sha = (i + 1).toString(16).padStart(40, 'a')
  const blob = `https://github.com/${repo.owner}/${repo.name}/blob/${sha}/${file.filename}`
  return {
    sha,
    filename: file.filename,
    status,
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: blob,
    raw_url: blob.replace('/blob/', '/raw/'),
    contents_url: `${api}/repos/${repo.owner}/${repo.name}/contents/${file.filename}?ref=${sha}`,
    patch: '@@ -0,0 +1 @@\n+x',
    ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
  }
}

/** A review built the way a webhook carries it (lower-case state) from the webhook template, then converted to REST. */
export function reviewObject(pr: Json, seed: ReviewSeed, nextId: number): Json {
  const id = seed.id ?? nextId
  const htmlUrl = `${String(pr.html_url)}#pullrequestreview-${id}`
  const template = reviewTemplate()
  const webhookShaped = {
    ...template,
    id,
    node_id: `PRR_${id}`,
    user: userObject(seed.login, seed.type ?? 'User'),
    state: seed.state,
    commit_id: seed.commitId === undefined ? (pr.head as Json).sha : seed.commitId,
    submitted_at: seed.state === 'pending' ? undefined : (seed.submittedAt ?? defaultTime),
    author_association: seed.authorAssociation ?? 'COLLABORATOR',
    html_url: htmlUrl,
    pull_request_url: pr.url,
    _links: { html: { href: htmlUrl }, pull_request: { href: pr.url } },
  }
  if (webhookShaped.submitted_at === undefined) delete (webhookShaped as Json).submitted_at
  return restReviewFromWebhook(webhookShaped)
}

/** An issue comment; fields ending in `_` are the fake's own bookkeeping. */
export function commentObject(repo: RepoName, issue: number, id: number, body: string, user: Json): Json {
  const base = `${api}/repos/${repo.owner}/${repo.name}`
  return {
    id,
    node_id: `IC_${id}`,
    url: `${base}/issues/comments/${id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${issue}#issuecomment-${id}`,
    body,
    user,
    created_at: defaultTime,
    updated_at: defaultTime,
    issue_url: `${base}/issues/${issue}`,
    author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
    issue_number_: issue,
  }
}

/** A stored comment without the server's own bookkeeping fields (which end in `_`). */
export function publicComment(comment: Json): Json {
  return Object.fromEntries(Object.entries(comment).filter(([key]) => !key.endsWith('_')))
}

/** A check run as "create a check run" returns it, without its annotation count. */
export function checkRunObject(repo: RepoName, id: number, body: Json): Json {
  const output = (body.output as Json | undefined) ?? {}
  const completed = body.conclusion !== undefined
  return {
    id,
    node_id: `CR_${id}`,
    head_sha: body.head_sha,
    name: body.name,
    url: `${api}/repos/${repo.owner}/${repo.name}/check-runs/${id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/runs/${id}`,
    details_url: body.details_url ?? null,
    external_id: body.external_id ?? null,
    status: completed ? 'completed' : (body.status ?? 'queued'),
    conclusion: body.conclusion ?? null,
    started_at: defaultTime,
    completed_at: completed ? defaultTime : null,
    output: { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null },
    check_suite: { id: id + 1 },
    app: null,
    pull_requests: [],
  }
}
