import { InfrastructureError } from '../errors.js'
import { canWrite, createGitHubClient, fetchPermission, fetchPullRequestFacts, fetchTeamMembers, TeamUnreadableError, type GitHubClient, type LivePullRequest } from '../io/github/index.js'
import { resolveCommit } from '../io/git-rev.js'
import type { PolicyResult, PolicySnapshot, Review } from '../model/policy.js'
import { evaluatePolicy } from '../policy/index.js'
import { readPolicySnapshot } from './policy-snapshot.js'

export interface LivePolicyOptions {
  /** The repository checkout holding both commits (fetch-depth: 0). */
  root: string
  token: string
  /** GitHub's API address (`GITHUB_API_URL`); default https://api.github.com. */
  baseUrl?: string
  owner: string
  repo: string
  pull: number
  /** The head to judge (a REV); it must be the pull request's head now. Default: the pull request's head. */
  head?: string
  /** The base to judge against (a REV). Default: the pull request's base commit as GitHub reports it. */
  base?: string
  now: Date
  /** An existing client (the Action shares one); default: a new one from `token` and `baseUrl`. */
  client?: GitHubClient
}

export interface LivePolicyOutcome {
  result: PolicyResult
  snapshot: PolicySnapshot
  live: LivePullRequest
}

/**
 * Judges a pull request on GitHub's live state, never on an event's copy of it: the pull request, its commits,
 * files and reviews, each reviewer's permission and the teams' active members are read now. Throws
 * InfrastructureError (exit 3) when GitHub cannot answer or the head moved; ConfigError (exit 2) when a team can
 * be read neither from GitHub nor from `teams:` at the base commit.
 */
export async function judgeLivePullRequest(options: LivePolicyOptions): Promise<LivePolicyOutcome> {
  const client = options.client ?? createGitHubClient({ token: options.token, baseUrl: options.baseUrl })
  const live = await fetchPullRequestFacts(client, { owner: options.owner, repo: options.repo, pull: options.pull })
  const head = options.head === undefined ? live.headSha : await resolveCommit(options.root, options.head)
  if (head !== live.headSha) {
    throw new InfrastructureError(
      `The pull request's head is now ${live.headSha.slice(0, 7)}, but ${options.head} is ${head.slice(0, 7)}: judging an old head could approve commits nobody reviewed. Fetch the pull request's head and run again.`,
    )
  }
  const reviews = await withPermissions(client, options.owner, options.repo, live.facts.reviews)
  const reviewers = [...new Set(reviews.map((r) => r.login.toLowerCase()))]
  const snapshot = await readPolicySnapshot({
    root: options.root,
    base: options.base ?? live.baseSha,
    head,
    pr: { ...live.facts, reviews },
    fetchTeam: async (team) => {
      const [org, slug] = team.replace(/^@/, '').split('/')
      try {
        return await fetchTeamMembers(client, org!, slug!, { candidates: reviewers })
      } catch (error) {
        // The token cannot read the team: `teams:` in the base gitsm.yaml answers, or it is a configuration error.
        if (error instanceof TeamUnreadableError) return undefined
        throw error
      }
    },
  })
  return { result: evaluatePolicy(snapshot, options.now), snapshot, live }
}

/**
 * `author_association` says how someone relates to the repository, not whether they may write to it (an
 * organization member may have read access only). For the reviews that can count or block, ask GitHub for the
 * reviewer's permission: without write access a review does not count; with it, it does, whatever the association.
 */
async function withPermissions(client: GitHubClient, owner: string, repo: string, reviews: readonly Review[]): Promise<Review[]> {
  const logins = [...new Set(reviews.filter((r) => r.state !== 'COMMENTED' && r.state !== 'PENDING' && !r.isBot).map((r) => r.login))]
  const writers = new Set<string>()
  for (const login of logins) if (canWrite(await fetchPermission(client, owner, repo, login))) writers.add(login.toLowerCase())
  const writeAssociations = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])
  return reviews.map((r) => {
    if (!writers.has(r.login.toLowerCase())) return { ...r, authorAssociation: 'NONE' }
    // Write access through a team shows as CONTRIBUTOR or NONE; the permission is what counts.
    return writeAssociations.has(r.authorAssociation) ? r : { ...r, authorAssociation: 'COLLABORATOR' }
  })
}
