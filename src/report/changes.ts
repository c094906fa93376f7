import { normalizeId } from '../lint/record-index.js'
import type { Config } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import { inScope } from '../policy/clauses/freeze.js'
import { freezeOverlap } from '../policy/freeze-windows.js'
import { approvedOrLater } from '../policy/lifecycle.js'
import { readPolicy, type Freeze } from '../policy/policy-config.js'
import { serviceFacts } from '../policy/services.js'
import { map, text } from '../rules/util.js'
import { findCollisions, type Collision } from './collisions.js'
import { servicesOutsideMaintenance } from './maintenance.js'
import { changeWindow, compare, recordsOf, share, statusOf, type ReportPeriod } from './record-facts.js'

/** The change figures of a report period. */
export interface ChangeSummary {
  /** Changes whose window starts in the period, whatever their status. */
  total: number
  by_type: { standard: number; normal: number; emergency: number }
  /** Share of the period's reviewed changes (with a `review.outcome`) whose outcome is `successful`; null if none. */
  success_rate: number | null
  /** Share of the period's implemented-or-later changes that some incident names in `caused_by`; null if none. */
  change_failure_rate: number | null
  collisions: Collision[]
  /** Approved-or-later changes whose window overlaps a freeze that covers them and does not allow their type. */
  in_freeze: string[]
  /** Share of emergency changes among `total`; null when there are none. */
  emergency_share: number | null
  /** Changes whose window is not wholly inside a maintenance window of each service that declares some. */
  outside_maintenance: { change: string; services: string[] }[]
  /** Emergency changes carried out, past `window.end` + `policy.emergency.review_within` at `now`, with no review. */
  overdue_reviews: string[]
  /** Changes without a readable window (drafts, cancelled ones): in no period, so in no figure above. */
  unscheduled: string[]
}

const implementedOrLater = new Set(['implemented', 'failed', 'rolled_back', 'closed'])
const carriedOut = new Set(['in_progress', ...implementedOrLater])
const types = ['standard', 'normal', 'emergency'] as const

/**
 * The change figures for the period `[from, to)`. A change belongs to the period when its `window.start` falls in
 * it; a change without a readable window belongs to no period and is only listed under `unscheduled`. Ids are
 * sorted. Cancelled changes count in `total` and `by_type` (they were requested) but never collide.
 */
export function summarizeChanges(records: readonly ItsmRecord[], config: Config, period: ReportPeriod): ChangeSummary {
  const all = recordsOf(records, 'Change')
  const services = recordsOf(records, 'Service')
  const inPeriod = all.filter((c) => {
    const window = changeWindow(c)
    return window !== undefined && period.from <= window.start && window.start < period.to
  })
  const byType = { standard: 0, normal: 0, emergency: 0 }
  for (const c of inPeriod) {
    const type = text(c.data.type)
    if (type !== undefined && (types as readonly string[]).includes(type)) byType[type as (typeof types)[number]]++
  }
  const outcomes = inPeriod.map((c) => text(map(c.data.review)?.outcome)).filter((o) => o !== undefined)
  const causes = new Set(recordsOf(records, 'Incident').flatMap((i) => (text(i.data.caused_by) ? [normalizeId(text(i.data.caused_by)!)] : [])))
  const implemented = inPeriod.filter((c) => implementedOrLater.has(statusOf(c) ?? ''))
  return {
    total: inPeriod.length,
    by_type: byType,
    success_rate: share(outcomes.filter((o) => o === 'successful').length, outcomes.length),
    change_failure_rate: share(implemented.filter((c) => causes.has(normalizeId(c.id))).length, implemented.length),
    collisions: findCollisions(inPeriod.filter((c) => statusOf(c) !== 'cancelled'), services),
    in_freeze: sortedIds(inPeriod.filter((c) => approvedOrLater.has(statusOf(c) ?? '') && inFreeze(c, config, services))),
    emergency_share: share(byType.emergency, inPeriod.length),
    outside_maintenance: outsideMaintenance(inPeriod, services, config.timezone),
    overdue_reviews: sortedIds(overdueReviews(inPeriod, config, period.now)),
    unscheduled: sortedIds(all.filter((c) => changeWindow(c) === undefined)),
  }
}

/** Whether the change's window overlaps a freeze of the policy that covers it, judged as the policy clause does. */
export function inFreeze(change: ItsmRecord, config: Config, services: readonly ItsmRecord[]): boolean {
  return freezesCovering(change, readPolicy(config.policy).policy.freezes, services).length > 0
}

/**
 * The freezes, in policy order, that hold the change back as the policy clause judges it: their scope covers the
 * change, they do not allow its type, and its window overlaps one of their periods. None for a change without a
 * readable window.
 */
export function freezesCovering(change: ItsmRecord, freezes: readonly Freeze[], services: readonly ItsmRecord[]): Freeze[] {
  const window = changeWindow(change)
  if (!window) return []
  const type = text(change.data.type)
  const catalog = new Map(services.filter((s) => s.id !== undefined).map((s) => [normalizeId(s.id!), s]))
  const facts = serviceFacts(change, (id) => catalog.get(normalizeId(id)))
  return freezes.filter((f) => !(type !== undefined && f.allow.includes(type)) && inScope(f, facts) && freezeOverlap(f, window.start, window.end) !== undefined)
}

function outsideMaintenance(changes: readonly (ItsmRecord & { id: string })[], services: readonly ItsmRecord[], timezone: string): ChangeSummary['outside_maintenance'] {
  return changes
    .flatMap((c) => {
      const window = changeWindow(c)
      const outside = window && statusOf(c) !== 'cancelled' ? servicesOutsideMaintenance(c, window, services, timezone) : []
      return outside.length > 0 ? [{ change: c.id, services: outside.sort() }] : []
    })
    .sort((a, b) => compare(a.change, b.change))
}

function overdueReviews(changes: readonly (ItsmRecord & { id: string })[], config: Config, now: number): ItsmRecord[] {
  const within = readPolicy(config.policy).policy.reviewWithin
  if (within === undefined) return []
  return changes.filter((c) => {
    const window = changeWindow(c)
    const reviewed = text(map(c.data.review)?.outcome) !== undefined
    return text(c.data.type) === 'emergency' && carriedOut.has(statusOf(c) ?? '') && !reviewed && window !== undefined && window.end + within * 60_000 < now
  })
}

function sortedIds(records: readonly ItsmRecord[]): string[] {
  return records.map((r) => r.id!).sort()
}
