import { normalizeId } from '../lint/record-index.js'
import type { ItsmRecord } from '../model/record.js'
import { map, strings, text } from '../rules/util.js'
import { compare, recordsOf, statusOf, tally } from './record-facts.js'

/** A gap a service manager wants to see: what a service lacks, as a stable code and a sentence. */
export interface CatalogGap {
  service: string
  gap: 'no-sla' | 'no-runbook' | 'no-owner' | 'depends-on-retired'
  message: string
}

/** One service of the catalog, with what the other records say about it. */
export interface CatalogService {
  id: string
  title: string
  description: string | null
  owner: string | null
  tier: number | null
  lifecycle: string | null
  support_hours: string | null
  /** Services this one depends on directly, as it names them. */
  depends_on: string[]
  /** Services that name this one in `depends_on` (sorted ids). */
  depended_on_by: string[]
  /** SLAs (and OLAs, UCs) that name this service. */
  slas: string[]
  runbooks: string[]
  /** Problems naming this service whose status is `open` or `known_error`. */
  open_problems: string[]
  /** Incidents naming this service that are not resolved or closed. */
  open_incidents: string[]
  /** Maintenance windows as text: `sat 02:00-05:00 Europe/Berlin`. */
  maintenance_windows: string[]
  links: Record<string, string>
  gaps: CatalogGap['gap'][]
}

export interface Catalog {
  /** Sorted by tier (most critical first, no tier last), then id. */
  services: CatalogService[]
  by_tier: Record<string, number>
  by_lifecycle: Record<string, number>
  gaps: CatalogGap[]
}

const openProblem = new Set(['open', 'known_error'])
const settledIncident = new Set(['resolved', 'closed'])

/**
 * The service catalog: every service with its owners, both directions of its dependencies, the SLAs that cover it,
 * its runbooks and open problems, and the gaps of the catalog (a tier-1 service without an SLA or a runbook, a
 * service without an owner, a service still in use that depends on a retired one). Ids compare normalised, as the
 * reference rules do.
 */
export function buildCatalog(records: readonly ItsmRecord[]): Catalog {
  const services = recordsOf(records, 'Service')
  const named = (kind: ItsmRecord['kind'], field: string): Map<string, string[]> => {
    const byService = new Map<string, string[]>()
    for (const r of recordsOf(records, kind)) {
      for (const s of strings(r.data[field])) push(byService, normalizeId(s), r.id)
    }
    return byService
  }
  const slas = named('SLA', 'services')
  const dependents = named('Service', 'depends_on')
  const problems = new Map<string, string[]>()
  for (const p of recordsOf(records, 'Problem')) {
    if (openProblem.has(statusOf(p) ?? '')) for (const s of strings(p.data.services)) push(problems, normalizeId(s), p.id)
  }
  const incidents = new Map<string, string[]>()
  for (const i of recordsOf(records, 'Incident')) {
    if (!settledIncident.has(statusOf(i) ?? '')) for (const s of strings(i.data.services)) push(incidents, normalizeId(s), i.id)
  }
  const lifecycleOf = new Map(services.map((s) => [normalizeId(s.id), text(s.data.lifecycle)]))

  const entries = services.map((s): CatalogService => {
    const key = normalizeId(s.id)
    const tier = typeof s.data.tier === 'number' ? s.data.tier : null
    const lifecycle = text(s.data.lifecycle) ?? null
    const entry: CatalogService = {
      id: s.id,
      title: text(s.data.title) ?? s.id,
      description: text(s.data.description) ?? null,
      owner: text(s.data.owner) ?? null,
      tier,
      lifecycle,
      support_hours: text(s.data.support_hours) ?? null,
      depends_on: strings(s.data.depends_on),
      depended_on_by: sorted(dependents.get(key)),
      slas: sorted(slas.get(key)),
      runbooks: strings(s.data.runbooks),
      open_problems: sorted(problems.get(key)),
      open_incidents: sorted(incidents.get(key)),
      maintenance_windows: maintenanceText(s.data.maintenance_windows),
      links: stringMap(s.data.links),
      gaps: [],
    }
    const retired = lifecycle !== 'retired'
      ? entry.depends_on.filter((d) => lifecycleOf.get(normalizeId(d)) === 'retired')
      : []
    entry.gaps = [
      ...(tier === 1 && entry.slas.length === 0 ? (['no-sla'] as const) : []),
      ...(tier === 1 && entry.runbooks.length === 0 ? (['no-runbook'] as const) : []),
      ...(entry.owner === null ? (['no-owner'] as const) : []),
      ...(retired.length > 0 ? (['depends-on-retired'] as const) : []),
    ]
    return entry
  })
  entries.sort((a, b) => (a.tier ?? 99) - (b.tier ?? 99) || compare(a.id, b.id))

  const gaps: CatalogGap[] = []
  for (const e of entries) {
    for (const gap of e.gaps) gaps.push({ service: e.id, gap, message: gapMessage(e, gap, lifecycleOf) })
  }
  return {
    services: entries,
    by_tier: tally(entries.map((e) => (e.tier === null ? 'none' : String(e.tier)))),
    by_lifecycle: tally(entries.map((e) => e.lifecycle ?? 'none')),
    gaps,
  }
}

function gapMessage(e: CatalogService, gap: CatalogGap['gap'], lifecycleOf: Map<string, string | undefined>): string {
  switch (gap) {
    case 'no-sla':
      return `Tier-1 service ${e.id} is covered by no SLA: add it to an SLA's services.`
    case 'no-runbook':
      return `Tier-1 service ${e.id} lists no runbooks: link the articles on-call needs under runbooks.`
    case 'no-owner':
      return `Service ${e.id} has no owner.`
    case 'depends-on-retired': {
      const retired = e.depends_on.filter((d) => lifecycleOf.get(normalizeId(d)) === 'retired')
      return `Service ${e.id} is ${e.lifecycle ?? 'in use'} but depends on retired ${retired.join(', ')}.`
    }
  }
}

function maintenanceText(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((w) => {
    const m = map(w)
    if (!m) return []
    const days = strings(m.days).join(',')
    return [[days, `${text(m.start) ?? '?'}-${text(m.end) ?? '?'}`, text(m.timezone) ?? ''].filter((p) => p !== '').join(' ')]
  })
}

function stringMap(value: unknown): Record<string, string> {
  const m = map(value)
  if (!m) return {}
  const out: Record<string, string> = {}
  for (const key of Object.keys(m).sort(compare)) {
    const v = text(m[key])
    if (v !== undefined) out[key] = v
  }
  return out
}

function push(into: Map<string, string[]>, key: string, value: string): void {
  const list = into.get(key)
  if (list) list.push(value)
  else into.set(key, [value])
}

function sorted(values: string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort(compare)
}

