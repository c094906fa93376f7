import { isTeamHandle, loginKey, teamKey } from './handles.js'

/** Team members by team handle, compared case-insensitively. */
export interface TeamDirectory {
  /** The members' logins (lower case), or undefined when the snapshot does not know the team. */
  members(team: string): ReadonlySet<string> | undefined
}

export function teamDirectory(teams: ReadonlyMap<string, readonly string[]>): TeamDirectory {
  const known = new Map<string, Set<string>>()
  for (const [team, members] of teams) {
    const set = known.get(teamKey(team)) ?? new Set<string>()
    for (const member of members) set.add(loginKey(member))
    known.set(teamKey(team), set)
  }
  return { members: (team) => known.get(teamKey(team)) }
}

/**
 * The people a handle stands for: one login for `@login`, the members for `@org/team`; undefined for a team the
 * directory does not know (which never counts as anyone, and is reported).
 */
export function peopleOf(handle: string, teams: TeamDirectory): ReadonlySet<string> | undefined {
  return isTeamHandle(handle) ? teams.members(handle) : new Set([loginKey(handle)])
}
