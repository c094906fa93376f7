import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { declaresBody, prepareOperation, requestProblems, responseProblems } from '../github/openapi-conformance.js'
import { api, checkRunObject, commentObject, commitObject, defaultTime, fileObject, publicComment, reviewObject, type CommitSeed, type FileSeed, type Json, type ReviewSeed } from '../github/rest-objects.js'
import { idFor, pullRequestTemplate, userObject } from '../github/webhook-seeds.js'

export type { CommitSeed, FileSeed, ReviewSeed, WebhookReviewState } from '../github/rest-objects.js'

/**
 * A local stand-in for the GitHub REST API: the endpoints gitsm uses, served from memory on 127.0.0.1 with real
 * pagination (`per_page`, `page`, `Link` exactly as GitHub writes it), token checks, and faults per route. Every
 * body it sends (and every body it receives) is checked against GitHub's OpenAPI description; `close()` rejects when
 * any did not conform, so the fake cannot drift from the real API.
 */

export type TeamMembershipState = 'active' | 'pending'
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** A commit of a seeded pull request; `date` (RFC 3339) sets its author and committer dates (default: the fixed time). */
export interface DatedCommitSeed extends CommitSeed {
  date?: string
}

export interface PullRequestSeed {
  owner: string
  repo: string
  number: number
  author: string
  authorType?: 'User' | 'Bot'
  createdAt?: string
  baseSha: string
  baseRef?: string
  /** Default: the last commit. */
  headSha?: string
  headRef?: string
  commits: DatedCommitSeed[]
  files: (string | FileSeed)[]
  reviews?: ReviewSeed[]
  /** Merged: the commit GitHub made of it on the base branch (`merge_commit_sha`: a merge or squash commit), and when. */
  merged?: { commit: string; at?: string }
}

export interface TeamMemberSeed {
  login: string
  state?: TeamMembershipState
  role?: 'member' | 'maintainer'
}

export type Fault =
  | { kind: 'status'; status: number; message?: string; times?: number }
  | { kind: 'delay'; ms: number; times?: number }
  | { kind: 'rate-limit'; resetInSeconds: number; times?: number }
  | { kind: 'secondary-rate-limit'; retryAfterSeconds: number; times?: number }
  /** Page `page` holds only `keep` items while its Link header still promises more. */
  | { kind: 'short-page'; page: number; keep: number; times?: number }
  /** The list stops at page `page`: no `next` there, as if it had no more items. */
  | { kind: 'end-early'; page: number; times?: number }
  /** Runs before the request is answered (a push while gitsm reads, say). */
  | { kind: 'before'; run: () => void; times?: number }

export interface LoggedRequest {
  method: string
  route: string
  path: string
  /** 0 until the answer is sent. */
  status: number
}

interface PullState {
  pr: Json
  commits: Json[]
  files: Json[]
  reviews: Json[]
}

interface RepoState {
  id: number
  owner: string
  name: string
  pulls: Map<number, PullState>
  permissions: Map<string, Role>
  comments: Json[]
  statuses: Json[]
  checkRuns: Json[]
  annotations: Map<number, Json[]>
}

interface TeamState {
  org: string
  slug: string
  id: number
  members: Required<TeamMemberSeed>[]
  /** Whether the members list also shows pending members (GitHub's list does not; a test can make it). */
  listPending: boolean
}

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

interface Context {
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  route: Route
  origin: string
}

interface Route {
  method: string
  template: string
  pattern: RegExp
  names: string[]
  handle: (ctx: Context) => Answer
  /** The whole list behind a paged answer; absent for single objects. */
  list?: (ctx: Context) => ListAnswer | undefined
}

interface ListAnswer {
  items: Json[]
  /** The address GitHub names the list by in Link headers. */
  canonical: string
  /** GitHub lists at most this many items. */
  cap?: number
}

export interface GitHubServer {
  /** The API root to pass as baseUrl. */
  url: string
  token: string
  addRepository(owner: string, repo: string): void
  addPullRequest(seed: PullRequestSeed): Json
  addReview(owner: string, repo: string, pull: number, seed: ReviewSeed): Json
  /** Moves the head of a pull request (a push): a new commit on top, and `commits` counts it. */
  push(owner: string, repo: string, pull: number, commit: CommitSeed): void
  addTeam(org: string, slug: string, members: TeamMemberSeed[], options?: { listPending?: boolean }): void
  setPermission(owner: string, repo: string, login: string, role: Role): void
  addComment(owner: string, repo: string, issue: number, login: string, body: string, type?: 'User' | 'Bot'): Json
  comments(owner: string, repo: string, issue: number): Json[]
  statuses(owner: string, repo: string, sha: string): Json[]
  checkRuns(owner: string, repo: string): Json[]
  annotations(owner: string, repo: string, checkRunId: number): Json[]
  /** Queues a fault for a route (`GET /repos/{owner}/{repo}/pulls/{pull_number}/files`); faults run in order. */
  fault(route: string, fault: Fault): void
  readonly requests: LoggedRequest[]
  /** Bodies that did not match GitHub's OpenAPI description. */
  readonly violations: string[]
  close(): Promise<void>
}

export async function startGitHubServer(options: { token?: string } = {}): Promise<GitHubServer> {
  const token = options.token ?? 'gitsm-test-token'
  const repos = new Map<string, RepoState>()
  const teams = new Map<string, TeamState>()
  const faults = new Map<string, (Fault & { left: number })[]>()
  const requests: LoggedRequest[] = []
  const violations: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  let nextId = 5_000_000

  const repoState = (owner: string, name: string, create = false): RepoState | undefined => {
    const key = `${owner}/${name}`.toLowerCase()
    let repo = repos.get(key)
    if (!repo && create) {
      repo = { id: idFor(key), owner, name, pulls: new Map(), permissions: new Map(), comments: [], statuses: [], checkRuns: [], annotations: new Map() }
      repos.set(key, repo)
    }
    return repo
  }

  const pull = (owner: string, name: string, number: number): PullState | undefined => repoState(owner, name)?.pulls.get(number)

  const server: GitHubServer = {
    url: '',
    token,
    addRepository(owner, repo) {
      repoState(owner, repo, true)
    },
    addPullRequest(seed) {
      const repo = repoState(seed.owner, seed.repo, true)!
      const pr = pullRequestTemplate(repo.owner, repo.name, seed.number)
      const headSha = seed.headSha ?? seed.commits.at(-1)?.sha
      if (!headSha) throw new Error('a pull request needs a commit')
      pr.id = idFor(`${seed.owner}/${seed.repo}#${seed.number}`)
      pr.user = userObject(seed.author, seed.authorType ?? 'User')
      pr.created_at = seed.createdAt ?? defaultTime
      pr.updated_at = seed.createdAt ?? defaultTime
      pr.head = { ...(pr.head as Json), sha: headSha, ref: seed.headRef ?? 'change', label: `${repo.owner}:${seed.headRef ?? 'change'}` }
      pr.base = { ...(pr.base as Json), sha: seed.baseSha, ref: seed.baseRef ?? 'main', label: `${repo.owner}:${seed.baseRef ?? 'main'}` }
      const commits: Json[] = []
      seed.commits.forEach((c, i) => {
        const commit = commitObject(repo, c, i === 0 ? seed.baseSha : seed.commits[i - 1]!.sha)
        if (c.date !== undefined) {
          const inner = commit.commit as Json
          inner.author = { ...(inner.author as Json), date: c.date }
          inner.committer = { ...(inner.committer as Json), date: c.date }
        }
        commits.push(commit)
      })
      if (seed.merged) {
        const at = seed.merged.at ?? defaultTime
        Object.assign(pr, { state: 'closed', merged: true, merged_at: at, closed_at: at, updated_at: at, merge_commit_sha: seed.merged.commit, merged_by: userObject('web-flow') })
      }
      const files = seed.files.map((f, i) => fileObject(repo, f, i))
      pr.commits = commits.length
      pr.changed_files = files.length
      pr.additions = files.length
      pr.deletions = 0
      const state: PullState = { pr, commits, files, reviews: [] }
      repo.pulls.set(seed.number, state)
      for (const review of seed.reviews ?? []) state.reviews.push(reviewObject(pr, review, nextId++))
      return pr
    },
    addReview(owner, repo, number, seed) {
      const state = pull(owner, repo, number)
      if (!state) throw new Error(`no pull request ${owner}/${repo}#${number}`)
      const review = reviewObject(state.pr, seed, nextId++)
      state.reviews.push(review)
      return review
    },
    push(owner, repo, number, commit) {
      const state = pull(owner, repo, number)!
      const head = state.pr.head as Json
      state.commits.push(commitObject(repoState(owner, repo)!, commit, String(head.sha)))
      state.pr.head = { ...head, sha: commit.sha }
      state.pr.commits = state.commits.length
    },
    addTeam(org, slug, members, teamOptions = {}) {
      teams.set(`${org}/${slug}`.toLowerCase(), {
        org,
        slug,
        id: idFor(`${org}/${slug}`),
        members: members.map((m) => ({ login: m.login, state: m.state ?? 'active', role: m.role ?? 'member' })),
        listPending: teamOptions.listPending ?? false,
      })
    },
    setPermission(owner, repo, login, role) {
      repoState(owner, repo, true)!.permissions.set(login.toLowerCase(), role)
    },
    addComment(owner, repo, issue, login, body, type = 'User') {
      const state = repoState(owner, repo, true)!
      const comment = commentObject(state, issue, nextId++, body, userObject(login, type))
      state.comments.push(comment)
      return comment
    },
    comments: (owner, repo, issue) => (repoState(owner, repo)?.comments ?? []).filter((c) => c.issue_number_ === issue).map(publicComment),
    statuses: (owner, repo, sha) => (repoState(owner, repo)?.statuses ?? []).filter((s) => s.sha_ === sha),
    checkRuns: (owner, repo) => repoState(owner, repo)?.checkRuns ?? [],
    annotations: (owner, repo, id) => repoState(owner, repo)?.annotations.get(id) ?? [],
    fault(route, fault) {
      if (!routes.some((r) => `${r.method} ${r.template}` === route)) throw new Error(`the fake GitHub has no route ${route}`)
      const queue = faults.get(route) ?? []
      queue.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY })
      faults.set(route, queue)
    },
    requests,
    violations,
    async close() {
      for (const timer of timers) clearTimeout(timer)
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      if (violations.length > 0) throw new Error(`The fake GitHub sent or received bodies that do not match GitHub's OpenAPI description:\n${violations.join('\n')}`)
    },
  }

  const notFound: Answer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } }
  const needPull = (ctx: Context): PullState | undefined => pull(ctx.params.owner!, ctx.params.repo!, Number(ctx.params.pull_number))
  const needRepo = (ctx: Context): RepoState | undefined => repoState(ctx.params.owner!, ctx.params.repo!)
  const needTeam = (ctx: Context): TeamState | undefined => teams.get(`${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase())
  const repoPath = (ctx: Context, rest: string) => `/repositories/${needRepo(ctx)!.id}${rest}`

  const routes: Route[] = [
    route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (ctx) => {
      const state = needPull(ctx)
      return state ? { status: 200, body: state.pr } : notFound
    }),
    listRoute('/repos/{owner}/{repo}/pulls/{pull_number}/commits', (ctx) => {
      const state = needPull(ctx)
      return state && { items: state.commits, canonical: repoPath(ctx, `/pulls/${ctx.params.pull_number}/commits`), cap: 250 }
    }),
    listRoute('/repos/{owner}/{repo}/pulls/{pull_number}/files', (ctx) => {
      const state = needPull(ctx)
      return state && { items: state.files, canonical: repoPath(ctx, `/pulls/${ctx.params.pull_number}/files`), cap: 3000 }
    }),
    listRoute('/repos/{owner}/{repo}/pulls/{pull_number}/reviews', (ctx) => {
      const state = needPull(ctx)
      return state && { items: state.reviews, canonical: repoPath(ctx, `/pulls/${ctx.params.pull_number}/reviews`) }
    }),
    // GitHub lists the merged pull request that brought a commit to the default branch (also for a branch commit of
    // a merge); the fake lists those whose merge commit or commits include it.
    listRoute('/repos/{owner}/{repo}/commits/{commit_sha}/pulls', (ctx) => {
      const repo = needRepo(ctx)
      const commit = ctx.params.commit_sha!
      if (!repo) return undefined
      const items = [...repo.pulls.values()].filter((p) => p.pr.merge_commit_sha === commit || p.commits.some((c) => c.sha === commit)).map((p) => p.pr)
      return { items, canonical: repoPath(ctx, `/commits/${commit}/pulls`) }
    }),
    listRoute('/orgs/{org}/teams/{team_slug}/members', (ctx) => {
      const team = needTeam(ctx)
      if (!team) return undefined
      const role = ctx.query.get('role') ?? 'all'
      const shown = team.members.filter((m) => (m.state === 'active' || team.listPending) && (role === 'all' || m.role === role))
      return { items: shown.map((m) => ({ ...userObject(m.login), role: m.role, inherited: false })), canonical: `/organizations/${idFor(team.org)}/team/${team.id}/members` }
    }),
    route('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', (ctx) => {
      const team = needTeam(ctx)
      if (!team) return notFound
      const member = team.members.find((m) => m.login.toLowerCase() === ctx.params.username!.toLowerCase())
      // The description declares this 404 without a body.
      if (!member) return { status: 404 }
      return { status: 200, body: { url: `${api}/teams/${team.id}/memberships/${member.login}`, role: member.role, state: member.state } }
    }),
    route('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', (ctx) => {
      const repo = needRepo(ctx)
      if (!repo) return notFound
      const role = repo.permissions.get(ctx.params.username!.toLowerCase()) ?? 'none'
      const legacy = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
      const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role)
      const permissions = { pull: rank >= 1, triage: rank >= 2, push: rank >= 3, maintain: rank >= 4, admin: rank >= 5 }
      return { status: 200, body: { permission: legacy, role_name: role, user: { ...userObject(ctx.params.username!), permissions, role_name: role } } }
    }),
    listRoute('/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
      const repo = needRepo(ctx)
      const issue = Number(ctx.params.issue_number)
      return repo && { items: repo.comments.filter((c) => c.issue_number_ === issue).map(publicComment), canonical: repoPath(ctx, `/issues/${issue}/comments`) }
    }),
    route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
      const repo = needRepo(ctx)
      if (!repo) return notFound
      const comment = commentObject(repo, Number(ctx.params.issue_number), nextId++, String((ctx.body as Json).body), userObject('github-actions[bot]', 'Bot'))
      repo.comments.push(comment)
      return { status: 201, body: publicComment(comment) }
    }),
    route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
      const comment = needRepo(ctx)?.comments.find((c) => c.id === Number(ctx.params.comment_id))
      if (!comment) return notFound
      comment.body = String((ctx.body as Json).body)
      comment.updated_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
      return { status: 200, body: publicComment(comment) }
    }),
    route('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
      const repo = needRepo(ctx)
      const index = repo?.comments.findIndex((c) => c.id === Number(ctx.params.comment_id)) ?? -1
      if (!repo || index < 0) return notFound
      repo.comments.splice(index, 1)
      return { status: 204 }
    }),
    route('POST', '/repos/{owner}/{repo}/statuses/{sha}', (ctx) => {
      const repo = needRepo(ctx)
      if (!repo) return notFound
      const body = ctx.body as Json
      const id = nextId++
      const status = {
        url: `${api}/repos/${repo.owner}/${repo.name}/statuses/${ctx.params.sha}`,
        avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
        id,
        node_id: `SC_${id}`,
        state: body.state,
        description: body.description ?? null,
        target_url: body.target_url ?? null,
        context: body.context ?? 'default',
        created_at: defaultTime,
        updated_at: defaultTime,
        creator: userObject('github-actions[bot]', 'Bot'),
      }
      repo.statuses.push({ ...status, sha_: ctx.params.sha })
      return { status: 201, body: status }
    }),
    route('POST', '/repos/{owner}/{repo}/check-runs', (ctx) => {
      const repo = needRepo(ctx)
      if (!repo) return notFound
      const body = ctx.body as Json
      const id = nextId++
      const run = checkRunObject(repo, id, body)
      repo.checkRuns.push(run)
      repo.annotations.set(id, [...(((body.output as Json | undefined)?.annotations as Json[] | undefined) ?? [])])
      return { status: 201, body: publicCheckRun(repo, run) }
    }),
    route('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (ctx) => {
      const repo = needRepo(ctx)
      const id = Number(ctx.params.check_run_id)
      const run = repo?.checkRuns.find((r) => r.id === id)
      if (!repo || !run) return notFound
      const body = ctx.body as Json
      if (body.status !== undefined) run.status = body.status
      if (body.conclusion !== undefined) {
        run.conclusion = body.conclusion
        run.status = 'completed'
        run.completed_at = defaultTime
      }
      const output = body.output as Json | undefined
      if (output) {
        run.output = { ...(run.output as Json), title: output.title, summary: output.summary, text: output.text ?? null }
        repo.annotations.get(id)!.push(...((output.annotations as Json[] | undefined) ?? []))
      }
      return { status: 200, body: publicCheckRun(repo, run) }
    }),
  ]

  const http = createServer((req, res) => {
    void answer(req, res).catch((error: unknown) => {
      violations.push(`the fake GitHub failed: ${error instanceof Error ? error.stack : String(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`
    const url = new URL(req.url ?? '/', origin)
    const method = req.method ?? 'GET'
    const raw = await readBody(req)
    let found: { route: Route; params: Record<string, string> } | undefined
    for (const r of routes) {
      const match = r.method === method ? r.pattern.exec(url.pathname) : null
      if (match) found = { route: r, params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) }
      if (found) break
    }
    const key = found ? `${found.route.method} ${found.route.template}` : `${method} ${url.pathname}`
    // Logged on arrival, so a request the client gave up on still counts as an attempt.
    const logged: LoggedRequest = { method, route: found ? key : `unknown ${url.pathname}`, path: url.pathname + url.search, status: 0 }
    requests.push(logged)
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      logged.status = status
      if (found) for (const p of responseProblems(method, found.route.template, status, body)) violations.push(`${key} → ${status}: ${p}`)
      if (res.destroyed) return
      const text = body === undefined ? undefined : JSON.stringify(body)
      res.writeHead(status, {
        ...(text === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': `FAKE:${requests.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': '1',
        'x-ratelimit-resource': 'core',
        ...headers,
      })
      res.end(text)
    }
    if (!found) {
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
      return
    }
    const auth = req.headers.authorization ?? ''
    if (auth !== `token ${token}` && auth !== `bearer ${token}` && auth !== `Bearer ${token}`) {
      send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
      return
    }
    let body: unknown
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        send(400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' })
        return
      }
    }
    if (method === 'POST' || method === 'PATCH') {
      const problems = requestProblems(method, found.route.template, body ?? {})
      if (problems.length > 0) {
        violations.push(...problems.map((p) => `request to ${method} ${found.route.template}: ${p}`))
        send(422, { message: 'Invalid request.', documentation_url: 'https://docs.github.com/rest', errors: problems })
        return
      }
    }
    const ctx: Context = { params: found.params, query: url.searchParams, body, route: found.route, origin }
    const fault = takeFault(`${method} ${found.route.template}`, ctx)
    if (fault?.kind === 'before') fault.run()
    if (fault?.kind === 'delay') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer)
          resolve()
        }, fault.ms)
        timers.add(timer)
      })
    }
    if (fault?.kind === 'status') {
      if (!declaresBody(method, found.route.template, fault.status)) return send(fault.status, undefined)
      send(fault.status, { message: fault.message ?? (fault.status >= 500 ? 'Server Error' : 'Not Found'), documentation_url: 'https://docs.github.com/rest' })
      return
    }
    if (fault?.kind === 'rate-limit') {
      send(
        403,
        { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.resetInSeconds) },
      )
      return
    }
    if (fault?.kind === 'secondary-rate-limit') {
      send(
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
        { 'retry-after': String(fault.retryAfterSeconds) },
      )
      return
    }
    if (found.route.list) {
      const list = found.route.list(ctx)
      if (!list) {
        send(404, notFound.body)
        return
      }
      const page = pageOf(list, ctx, fault)
      send(200, page.items, page.link ? { link: page.link } : {})
      return
    }
    const result = found.route.handle(ctx)
    send(result.status, result.body, result.headers)
  }

  function takeFault(key: string, ctx: Context): Fault | undefined {
    const queue = faults.get(key)
    const page = Number(ctx.query.get('page') ?? '1')
    const index = queue?.findIndex((f) => f.left > 0 && ((f.kind !== 'short-page' && f.kind !== 'end-early') || f.page === page)) ?? -1
    if (!queue || index < 0) return undefined
    const fault = queue[index]!
    fault.left--
    return fault
  }

  function route(method: string, template: string, handle: (ctx: Context) => Answer): Route {
    const names = [...template.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!)
    const pattern = new RegExp(`^${template.replace(/\{[a-z_]+\}/g, '([^/]+)')}$`)
    return { method, template, pattern, names, handle }
  }

  function listRoute(template: string, list: (ctx: Context) => ListAnswer | undefined): Route {
    return { ...route('GET', template, () => notFound), list }
  }

  for (const r of routes) prepareOperation(r.method, r.template)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return server
}

/**
 * One page of a list, with the Link header GitHub writes: `prev`, `next`, `last`, `first` in that order, each present
 * only when it applies, on the canonical `/repositories/{id}/...` address with the query kept.
 */
function pageOf(list: ListAnswer, ctx: Context, fault: Fault | undefined): { items: Json[]; link?: string } {
  const perPage = Math.min(Math.max(Number(ctx.query.get('per_page') ?? '30') || 30, 1), 100)
  const page = Math.max(Number(ctx.query.get('page') ?? '1') || 1, 1)
  const all = list.cap === undefined ? list.items : list.items.slice(0, list.cap)
  let lastPage = Math.max(1, Math.ceil(all.length / perPage))
  if (fault?.kind === 'end-early') lastPage = fault.page
  let items = all.slice((page - 1) * perPage, page * perPage)
  if (fault?.kind === 'short-page') items = items.slice(0, fault.keep)
  if (all.length <= perPage && fault?.kind !== 'end-early') return { items }
  const at = (p: number) => {
    const query = new URLSearchParams(ctx.query)
    query.set('page', String(p))
    return `<${ctx.origin}${list.canonical}?${query.toString()}>`
  }
  const links: string[] = []
  if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`)
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`)
  if (page > 1) links.push(`${at(1)}; rel="first"`)
  return links.length > 0 ? { items, link: links.join(', ') } : { items }
}

function publicCheckRun(repo: RepoState, run: Json): Json {
  const id = run.id as number
  return {
    ...run,
    output: { ...(run.output as Json), annotations_count: repo.annotations.get(id)?.length ?? 0, annotations_url: `${api}/repos/${repo.owner}/${repo.name}/check-runs/${id}/annotations` },
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
