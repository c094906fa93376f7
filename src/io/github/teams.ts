import { ConfigError } from '../../errors.js'
import type { GitHubClient } from './client.js'
import { isGitHubStatus, unexpectedAnswer } from './github-error.js'
import { fetchAllPages } from './paginate.js'
import { login, object, string } from './rest-shapes.js'

const membersRoute = 'GET /orgs/{org}/teams/{team_slug}/members'
const membershipRoute = 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}'

/**
 * The token cannot read the team (GitHub answers 404 or 403 for a team it does not show): a configuration error,
 * exit 2, never "nobody needs to approve". Callers may fall back to `teams:` in the base gitsm.yaml.
 */
export class TeamUnreadableError extends ConfigError {
  readonly team: string
  constructor(team: string, endpoint: string, status: number, options?: { cause?: unknown }) {
    super(
      `Cannot read the members of ${team}: GitHub answered ${status} to ${endpoint}. The default GITHUB_TOKEN cannot read organization teams. ` +
        'Use a token that can: a personal access token with read:org, or a GitHub App installation token with the organization permission "Members: read"; ' +
        `or list the team under teams: in gitsm.yaml ("${team}": [logins]). A team that does not exist answers the same way, so check its name too.`,
      options,
    )
    this.team = team
  }
}

export interface TeamMembersOptions {
  /** Check only these logins (case-insensitive), typically the reviewers: one membership call each instead of one per member. */
  candidates?: Iterable<string>
  /** Membership checks in flight at once (default 4). */
  concurrency?: number
}

/**
 * The ACTIVE members of `@org/teamSlug`, lower-case logins, sorted (members of child teams included, as GitHub
 * counts them). The members list is read to its end, then each listed login (or each candidate on it) is confirmed
 * with the membership endpoint, whose `state` must be `active`: a pending membership (an invitation not yet
 * accepted) never counts, whatever the list shows. Throws TeamUnreadableError (exit 2) on 404/403, GitHubApiError
 * (exit 3) when GitHub fails.
 */
export async function fetchTeamMembers(client: GitHubClient, org: string, teamSlug: string, options: TeamMembersOptions = {}): Promise<string[]> {
  const team = `@${org}/${teamSlug}`
  let listed: unknown[]
  try {
    listed = await fetchAllPages(client, membersRoute, { org, team_slug: teamSlug })
  } catch (error) {
    if (isGitHubStatus(error, 403, 404)) throw new TeamUnreadableError(team, membersRoute, error.status!, { cause: error })
    throw error
  }
  const members = new Map<string, string>()
  listed.forEach((item, i) => {
    const name = login(object(item, membersRoute, `member ${i}`), membersRoute, `member ${i}`)
    members.set(name.toLowerCase(), name)
  })
  const wanted = options.candidates === undefined ? undefined : new Set([...options.candidates].map((c) => c.replace(/^@/, '').toLowerCase()))
  const toCheck = [...members.keys()].filter((name) => wanted === undefined || wanted.has(name)).sort()

  const active: string[] = []
  const queue = [...toCheck]
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      if (await isActiveMember(client, org, teamSlug, members.get(name)!, team)) active.push(name)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) }, worker))
  return active.sort()
}

async function isActiveMember(client: GitHubClient, org: string, teamSlug: string, username: string, team: string): Promise<boolean> {
  let data: unknown
  try {
    ;({ data } = await client.request(membershipRoute, { org, team_slug: teamSlug, username }))
  } catch (error) {
    // Listed a moment ago but no membership now: removed meanwhile, so not a member.
    if (isGitHubStatus(error, 404)) return false
    if (isGitHubStatus(error, 403)) throw new TeamUnreadableError(team, membershipRoute, 403, { cause: error })
    throw error
  }
  const state = string(object(data, membershipRoute, 'the membership').state, membershipRoute, 'state')
  if (state !== 'active' && state !== 'pending') throw unexpectedAnswer(membershipRoute, `the membership of ${username} has state "${state.slice(0, 40)}"`)
  return state === 'active'
}
