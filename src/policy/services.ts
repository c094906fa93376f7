import type { RecordPath } from '../diagnostics/diagnostic.js'
import { normalizeId } from '../lint/record-index.js'
import type { ItsmRecord } from '../model/record.js'
import type { PolicySnapshot } from '../model/policy.js'
import { stringItems, text } from './data.js'
import { risks, type Policy, type Risk } from './policy-config.js'

/** A service a change names, as the base commit knows it (or the head, for a service this pull request adds). */
export interface ServiceFact {
  id: string
  /** Where the change names it: `['services', i]`. */
  path: RecordPath
  record?: ItsmRecord
  tier?: number
  owner?: string
}

export type ServiceCatalog = (id: string) => ItsmRecord | undefined

/** Looks services up by id (case-folded, like every id), at the base first and at the head for new ones. */
export function serviceCatalog(snapshot: Pick<PolicySnapshot, 'base' | 'head'>): ServiceCatalog {
  const index = (services: ReadonlyMap<string, ItsmRecord>): Map<string, ItsmRecord> => {
    const out = new Map<string, ItsmRecord>()
    for (const [id, record] of services) out.set(normalizeId(record.id ?? id), record)
    return out
  }
  const base = index(snapshot.base.services)
  const head = index(snapshot.head.services)
  return (id) => base.get(normalizeId(id)) ?? head.get(normalizeId(id))
}

export function serviceFacts(change: ItsmRecord | undefined, catalog: ServiceCatalog): ServiceFact[] {
  return stringItems(change?.data.services).map(({ value, index }) => {
    const record = catalog(value)
    const fact: ServiceFact = { id: value, path: ['services', index] }
    if (!record) return fact
    fact.record = record
    const tier = record.data.tier
    if (typeof tier === 'number') fact.tier = tier
    const owner = text(record.data.owner)
    if (owner) fact.owner = owner
    return fact
  })
}

/**
 * The risk the policy judges a change by: the higher of its declared risk and the `risk_floor` of every tier it
 * touches (with floors that rise with criticality, as they should, that is the floor of the most critical tier; with
 * any other floors, the highest one still applies). An undeclared risk reads as `low`, which the author could have
 * written anyway; a value that is not a risk reads as `critical`. A service of unknown tier counts as tier 1.
 */
export function effectiveRisk(declared: unknown, services: readonly ServiceFact[], policy: Policy): Risk {
  let risk: Risk = declared === undefined ? 'low' : (risks as readonly unknown[]).includes(declared) ? (declared as Risk) : 'critical'
  for (const service of services) {
    const floor = policy.riskFloor[service.tier ?? 1]
    if (floor && risks.indexOf(floor) > risks.indexOf(risk)) risk = floor
  }
  return risk
}
