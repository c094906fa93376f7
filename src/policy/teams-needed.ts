import type { PolicySnapshot } from '../model/policy.js'
import { changesUnderReview } from './changes.js'
import { text } from './data.js'
import { isTeamHandle, teamKey } from './handles.js'
import { readPolicy } from './policy-config.js'
import { serviceCatalog, serviceFacts } from './services.js'

/**
 * Every team whose members `evaluatePolicy` may look up for this pull request, as lower-case `@org/slug` handles:
 * the teams of `policy.approvals` and `policy.governance`, the owning teams of the services the changed changes
 * name, and their implementing teams. The front door resolves exactly these (from the API, else `teams:` in the
 * base gitsm.yaml) into `snapshot.teams`, and fails when one cannot be resolved.
 */
export function teamsNeeded(snapshot: Omit<PolicySnapshot, 'teams'>): string[] {
  const { policy } = readPolicy(snapshot.base.config.policy)
  const teams = new Set<string>()
  const add = (handle: string | undefined): void => {
    if (handle !== undefined && isTeamHandle(handle)) teams.add(teamKey(handle))
  }
  for (const requirement of [...(policy.approvals ?? []).flatMap((rule) => rule.require), ...(policy.governance ?? [])]) {
    if (requirement.kind === 'team') add(requirement.team)
  }
  const catalog = serviceCatalog(snapshot)
  for (const change of changesUnderReview(snapshot)) {
    for (const service of serviceFacts(change.head, catalog)) add(service.owner)
    for (const version of [change.base, change.head]) add(text(version?.data.implementer))
  }
  return [...teams].sort()
}
