import { mentions } from './handles.js'
import type { Requirement } from './policy-config.js'
import type { Pool } from './requirements.js'
import type { ServiceFact } from './services.js'
import { peopleOf, type TeamDirectory } from './teams.js'

/** A team whose members the snapshot does not hold, and the requirement or service that named it. */
export interface UnknownTeam {
  team: string
  service?: ServiceFact
}

/**
 * Makes each requirement concrete: the members of its team, the owners of the change's services (a person, or the
 * members of a team), or anyone. A team the snapshot does not know contributes no one, and is returned to be
 * reported: it never counts as satisfied.
 */
export function buildPools(requirements: readonly Requirement[], services: readonly ServiceFact[], teams: TeamDirectory): { pools: Pool[]; unknown: UnknownTeam[] } {
  const unknown: UnknownTeam[] = []
  const pools = requirements.map((r): Pool => {
    if (r.kind === 'any') return { label: r.label, need: r.count, members: 'anyone', from: 'anyone with write access' }
    if (r.kind === 'team') {
      const members = teams.members(r.team)
      if (!members && !unknown.some((u) => u.team === r.team && !u.service)) unknown.push({ team: r.team })
      return { label: r.label, need: r.count, members: members ?? new Set(), from: r.team }
    }
    const members = new Set<string>()
    const owned = services.filter((s) => s.owner !== undefined)
    for (const service of owned) {
      const people = peopleOf(service.owner!, teams)
      if (!people) unknown.push({ team: service.owner!, service })
      for (const person of people ?? []) members.add(person)
    }
    const names = owned.map((s) => `${s.id} (${mentions([s.owner!])})`)
    const from = names.length === 0 ? 'an owner of its services (none is known)' : `an owner of ${names.join(' or ')}`
    return { label: r.label, need: r.count, members, from }
  })
  return { pools, unknown }
}
