import type { ItsmRecord } from '../model/record.js'
import { text } from './data.js'
import { isTeamHandle, loginKey, mentions } from './handles.js'
import type { Standing } from './reviews.js'
import type { TeamDirectory } from './teams.js'

/**
 * Why an approver may not approve this particular change: they requested it, or (with separation of duties) they
 * implement it, alone or as a member of the implementing team. Both versions are read, so editing `requested_by`
 * or `implementer` in the pull request cannot make the real requester count. Returns the reason, or undefined.
 */
export function changeExclusion(
  id: string,
  approver: Standing,
  versions: readonly (ItsmRecord | undefined)[],
  separationOfDuties: boolean,
  teams: TeamDirectory,
): string | undefined {
  for (const record of versions) {
    const requester = text(record?.data.requested_by)
    if (requester && loginKey(requester) === approver.key) return `they requested ${id}`
  }
  if (!separationOfDuties) return undefined
  for (const record of versions) {
    const implementer = text(record?.data.implementer)
    if (!implementer) continue
    if (!isTeamHandle(implementer) && loginKey(implementer) === approver.key) return `they implement ${id} (separation of duties)`
    if (isTeamHandle(implementer) && teams.members(implementer)?.has(approver.key)) {
      return `they are in ${mentions([implementer])}, which implements ${id} (separation of duties)`
    }
  }
  return undefined
}

/** The implementing teams whose members the snapshot does not know (so cannot be kept from approving). */
export function unknownImplementers(versions: readonly (ItsmRecord | undefined)[], separationOfDuties: boolean, teams: TeamDirectory): string[] {
  if (!separationOfDuties) return []
  const out = new Set<string>()
  for (const record of versions) {
    const implementer = text(record?.data.implementer)
    if (implementer && isTeamHandle(implementer) && !teams.members(implementer)) out.add(implementer)
  }
  return [...out]
}
