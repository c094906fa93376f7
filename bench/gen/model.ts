/** The in-memory organisation the generator writes: every record with its creation time and final state. */
import { Random } from './random.js'
import { berlinParts, berlinTime, DAY, floorTo, HOUR, MINUTE } from './time.js'
import { articleTopics, changeActions, components, customers, domains, firstNames, incidentSymptoms, infrastructure, organization, rootCauses, slugify, standardModels, tags as tagPool, titleCase, vendors } from './vocabulary.js'

export type Risk = 'low' | 'medium' | 'high' | 'critical'
export const riskOrder: readonly Risk[] = ['low', 'medium', 'high', 'critical']

export interface Service {
  id: string
  title: string
  description: string
  domain: string
  team: string
  tech: string
  tier: number
  lifecycle: 'pipeline' | 'live' | 'retired'
  dependsOn: string[]
  supportHours: string
  maintenance: boolean
  runbooks: string[]
  created: number
}

export interface Sla {
  id: string
  title: string
  agreement: 'SLA' | 'OLA' | 'UC'
  customer: string
  services: string[]
  calendar: string
  period: 'week' | 'month' | 'quarter'
  availability: number
  tier: number
  reviewBy: number
  created: number
}

export interface StandardModel {
  id: string
  title: string
  services: string[]
  maxRisk: Risk
  created: number
}

export interface Window {
  start: number
  end: number
  expectedDowntime?: boolean
}

export interface Change {
  id: string
  path: string
  title: string
  type: 'standard' | 'normal' | 'emergency'
  model?: string
  status: string
  services: string[]
  requestedBy: string
  implementer: string
  risk: Risk
  window?: Window
  incidents: string[]
  problems: string[]
  review?: { outcome: string; completedAt: number }
  created: number
  seed: number
}

export interface Incident {
  id: string
  path: string
  format: 'yaml' | 'markdown'
  title: string
  services: string[]
  priority: string
  status: string
  openedAt: number
  acknowledgedAt?: number
  resolvedAt?: number
  closedAt?: number
  /** When the incident went to `pending`, and when it came back (absent while it still waits). */
  pending?: { from: number; to?: number }
  downtime?: [number, number]
  timeline: boolean
  causedBy?: string
  problem?: string
  satisfaction?: number
  actions: { title: string; owner: string; due: number; done: boolean }[]
  rootCause: string
  seed: number
}

export interface Problem {
  id: string
  path: string
  format: 'yaml' | 'markdown'
  title: string
  status: 'open' | 'known_error' | 'resolved' | 'closed'
  services: string[]
  incidents: string[]
  rootCause?: string
  workaround?: string
  fix?: string
  created: number
  updated: number
  seed: number
}

export interface Article {
  id: string
  path: string
  title: string
  type: string
  status: 'draft' | 'published' | 'retired'
  team: string
  services: string[]
  created: number
  reviewedAt: number
  tags: string[]
  links: string[]
  targetLines: number
  seed: number
}

export interface Organisation {
  start: number
  end: number
  teams: Map<string, string[]>
  services: Service[]
  slas: Sla[]
  models: StandardModel[]
  changes: Change[]
  incidents: Incident[]
  problems: Problem[]
  articles: Article[]
  scheduler: Scheduler
  rng: Random
}

export interface Counts {
  services: number
  slas: number
  models: number
  changes: number
  incidents: number
  problems: number
  articles: number
}

/** Record counts for a repository of `files` record files, in the proportions of a large organisation. */
export function countsFor(files: number): Counts {
  const services = Math.max(12, Math.round(files * 0.015))
  const slas = Math.max(2, Math.round(files * 0.003))
  const models = Math.min(standardModels.length, Math.max(3, Math.round(files * 0.0015)))
  const incidents = Math.round(files * 0.25)
  const problems = Math.max(2, Math.round(files * 0.03))
  const articles = Math.round(files * 0.25)
  const changes = Math.max(1, files - services - slas - models - incidents - problems - articles)
  return { services, slas, models, changes, incidents, problems, articles }
}

export const handle = (login: string): string => `@${login}`
export const teamHandle = (team: string): string => `@${organization}/${team}`

/** Freezes: the year-end freeze of every year, and no Friday changes (any time) for non-emergency work. */
export function inYearEndFreeze(start: number, end: number): boolean {
  for (const year of [berlinParts(start).year - 1, berlinParts(start).year, berlinParts(end).year]) {
    const from = berlinTime(year, 12, 18)
    const to = berlinTime(year + 1, 1, 4)
    if (start < to && end > from) return true
  }
  return false
}

/** Keeps change windows on the same service from overlapping. */
export class Scheduler {
  private readonly busy = new Map<string, [number, number][]>()

  isFree(services: readonly string[], start: number, end: number): boolean {
    return services.every((s) => (this.busy.get(s) ?? []).every(([a, b]) => end <= a || start >= b))
  }

  reserve(services: readonly string[], start: number, end: number): void {
    for (const s of services) {
      const list = this.busy.get(s)
      if (list) list.push([start, end])
      else this.busy.set(s, [[start, end]])
    }
  }
}

/**
 * A window for a non-emergency change at or after `earliest`: on services with maintenance windows inside one of
 * them (Tuesday or Thursday evening, Saturday night), else on a Monday to Thursday; never on a Friday or in the
 * year-end freeze, and never overlapping another change on the same service.
 */
export function scheduleWindow(rng: Random, scheduler: Scheduler, services: readonly string[], maintenance: boolean, earliest: number): Window {
  const first = berlinParts(earliest)
  for (let offset = 1; offset < 400; offset++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset))
    const weekday = date.getUTCDay()
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
    if (rng.chance(0.35)) continue
    let start: number
    let end: number
    if (maintenance) {
      if (weekday === 6) {
        start = berlinTime(y, m, d, 2, rng.pick([0, 15, 30, 60]))
        end = Math.min(start + rng.pick([30, 60, 90, 120]) * MINUTE, berlinTime(y, m, d, 5))
      } else if (weekday === 2 || weekday === 4) {
        start = berlinTime(y, m, d, 21, rng.pick([0, 15, 30, 45]))
        end = Math.min(start + rng.pick([30, 45, 60, 90, 120]) * MINUTE, berlinTime(y, m, d, 23, 30))
      } else continue
    } else {
      if (weekday === 0 || weekday === 5 || weekday === 6) continue
      const hour = rng.pick([6, 9, 10, 11, 13, 14, 15, 19, 20, 21])
      start = berlinTime(y, m, d, hour, rng.pick([0, 15, 30, 45]))
      end = Math.min(start + rng.pick([30, 60, 90, 120, 180]) * MINUTE, berlinTime(y, m, d, 23, 30))
    }
    if (end <= start || inYearEndFreeze(start, end) || !scheduler.isFree(services, start, end)) continue
    scheduler.reserve(services, start, end)
    return { start, end }
  }
  throw new Error(`no free window for ${services.join(', ')}`)
}

/** A window for an emergency change: as soon as possible after `earliest`, any day, never overlapping. */
export function scheduleEmergency(rng: Random, scheduler: Scheduler, services: readonly string[], earliest: number): Window {
  let start = floorTo(earliest + rng.int(6, 48) * 5 * MINUTE, 5)
  const length = rng.pick([30, 45, 60, 90, 120]) * MINUTE
  while (!scheduler.isFree(services, start, start + length)) start += HOUR
  scheduler.reserve(services, start, start + length)
  return { start, end: start + length }
}

const maxRisk = (a: Risk, b: Risk): Risk => (riskOrder.indexOf(a) >= riskOrder.indexOf(b) ? a : b)

/** The lowest risk a change may declare on these services (policy.risk_floor: tier 1 is at least medium). */
export function riskFloor(services: readonly Service[]): Risk {
  return services.some((s) => s.tier === 1) ? 'medium' : 'low'
}

/** Builds the whole organisation, deterministically from the seed. */
export function buildOrganisation(options: { files: number; seed: number; years: number; end: number }): Organisation {
  const rng = new Random(options.seed)
  const end = options.end
  const span = options.years * 365 * DAY
  const start = end - span
  const counts = countsFor(options.files)
  const activity = start + span * 0.05
  const when = (): number => activity + (end - activity) * Math.sqrt(rng.next())
  const org: Organisation = {
    start,
    end,
    teams: new Map(),
    services: [],
    slas: [],
    models: [],
    changes: [],
    incidents: [],
    problems: [],
    articles: [],
    scheduler: new Scheduler(),
    rng,
  }

  buildServices(org, counts.services)
  const live = org.services.filter((s) => s.lifecycle === 'live')
  const byId = new Map(org.services.map((s) => [s.id, s]))

  // Teams and their people.
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  let personIndex = 0
  const person = (): string => {
    const name = firstNames[personIndex % firstNames.length] as string
    const suffix = letters[Math.floor(personIndex / firstNames.length) % letters.length] as string
    personIndex++
    return `${name}-${suffix}`
  }
  for (const s of org.services) if (!org.teams.has(s.team)) org.teams.set(s.team, Array.from({ length: rng.int(3, 7) }, person))
  org.teams.set('cab', Array.from({ length: 5 }, person))
  org.teams.set('ecab', Array.from({ length: 3 }, person))
  const member = (team: string): string => rng.pick(org.teams.get(team) ?? ['admin'])

  // SLAs: per domain, covering the domain's live services.
  const liveByDomain = new Map<string, Service[]>()
  for (const s of live) {
    const list = liveByDomain.get(s.domain)
    if (list) list.push(s)
    else liveByDomain.set(s.domain, [s])
  }
  const domainList = [...liveByDomain.keys()].sort((a, b) => ((liveByDomain.get(a)?.[0]?.tier ?? 4) - (liveByDomain.get(b)?.[0]?.tier ?? 4)))
  const slaIds = new Set<string>()
  for (let i = 0; org.slas.length < counts.slas && i < counts.slas * 10; i++) {
    const domain = domainList[i % domainList.length] as string
    const covered = liveByDomain.get(domain) ?? []
    const tier = Math.min(...covered.map((s) => s.tier))
    const agreement = rng.weighted({ SLA: 70, OLA: 25, UC: 5 })
    const level = agreement === 'OLA' ? 'ola' : agreement === 'UC' ? 'uc' : (['gold', 'silver', 'bronze'][Math.min(2, tier - 1)] as string)
    let id = `${domain}-${level}`
    for (let n = 2; slaIds.has(id); n++) id = `${domain}-${level}-${n}`
    slaIds.add(id)
    org.slas.push({
      id,
      title: `${titleCase(domain)} - ${agreement === 'SLA' ? titleCase(level) : agreement}`,
      agreement,
      customer: agreement === 'OLA' ? `${titleCase(covered[0]?.team ?? domain)} team` : agreement === 'UC' ? rng.pick(vendors) : rng.pick(customers),
      services: rng.sample(covered, rng.int(1, Math.min(6, covered.length))).map((s) => s.id).sort(),
      calendar: tier <= 2 ? '24x7' : 'business-hours',
      period: rng.weighted({ month: 80, quarter: 15, week: 5 }),
      availability: ([99.95, 99.9, 99.5, 99][tier - 1] as number),
      tier,
      reviewBy: end + rng.int(40, 400) * DAY,
      created: floorTo(start + span * 0.04 + rng.next() * span * 0.1, 1),
    })
  }

  // Standard change models.
  for (const template of standardModels.slice(0, counts.models)) {
    const any = rng.chance(0.3)
    const services = any ? [] : rng.sample(live, rng.int(2, 8)).sort((a, b) => a.id.localeCompare(b.id))
    const riskCap: Risk = any || services.some((s) => s.tier === 1) ? 'medium' : rng.weighted({ low: 3, medium: 1 })
    org.models.push({ id: template.id, title: template.title, services: services.map((s) => s.id), maxRisk: riskCap, created: floorTo(start + span * 0.03 + rng.next() * span * 0.05, 1) })
  }

  buildChanges(org, counts.changes, live, byId, member, when)
  buildIncidents(org, counts.incidents, live, byId, when)
  buildProblemsAndArticles(org, counts, live, byId)
  return org
}

function buildServices(org: Organisation, count: number): void {
  const { rng, start, end } = org
  const span = end - start
  const infra = infrastructure.slice(0, Math.min(infrastructure.length, Math.max(6, Math.round(count * 0.07))))
  const services: Service[] = []
  infra.forEach((item, i) => {
    services.push({
      id: item.id,
      title: item.title,
      description: `${item.title} based on ${item.tech}, shared by every product team.`,
      domain: item.id,
      team: item.team,
      tech: item.tech,
      tier: i < 12 ? 1 : 2,
      lifecycle: 'live',
      dependsOn: rng.sample(services.slice(0, i), rng.int(0, Math.min(2, i))).map((s) => s.id).sort(),
      supportHours: '24x7',
      maintenance: true,
      runbooks: [],
      created: start,
    })
  })
  const techs = ['Java', 'Go', 'Node.js', 'Python', 'Kotlin', 'Rust']
  for (let round = 0; services.length < count; round++) {
    for (const domain of domains) {
      if (services.length >= count) break
      const tier = rng.weighted({ 1: 15, 2: 30, 3: 35, 4: 20 } as Record<'1' | '2' | '3' | '4', number>)
      const name = round === 0 ? domain : `${domain}-${['core', 'edge', 'internal', 'legacy'][round % 4]}${round >= 4 ? round : ''}`
      const tech = rng.pick(techs)
      const own: Service[] = []
      for (const component of components) {
        if (services.length >= count) break
        if (!rng.chance(component.p)) continue
        const lifecycle = rng.weighted({ live: 92, pipeline: 4, retired: 4 })
        const liveOwn = own.filter((s) => s.lifecycle === 'live')
        const deps = new Set<string>(rng.sample(liveOwn, rng.int(0, Math.min(2, liveOwn.length))).map((s) => s.id))
        const platform = services.filter((s) => s.domain !== domain && s.lifecycle === 'live')
        for (const dep of rng.sample(platform.slice(0, infra.length), rng.int(1, 2))) deps.add(dep.id)
        if (rng.chance(0.3)) {
          const other = platform.slice(infra.length)
          if (other.length > 0) deps.add(rng.pick(other).id)
        }
        const id = `${name}-${component.suffix}`
        const title = `${titleCase(name)} ${component.title}`
        const t = Number(tier)
        const service: Service = {
          id,
          title,
          description: `${title}: ${component.suffix === 'db' ? 'the system of record' : 'part of the product'} for ${titleCase(domain).toLowerCase()}, written in ${tech}.`,
          domain: name,
          team: domain,
          tech: component.suffix === 'db' ? 'PostgreSQL' : component.suffix === 'cache' ? 'Redis' : tech,
          tier: t,
          lifecycle: lifecycle as Service['lifecycle'],
          dependsOn: [...deps].sort(),
          supportHours: t <= 2 ? '24x7' : 'business-hours',
          maintenance: t <= 2 && rng.chance(0.7),
          runbooks: [],
          created: floorTo(start + span * 0.005 + (span * 0.3 * services.length) / count, 1),
        }
        services.push(service)
        own.push(service)
      }
    }
  }
  org.services = services
}

function buildChanges(org: Organisation, count: number, live: Service[], byId: Map<string, Service>, member: (team: string) => string, when: () => number): void {
  const { rng, end } = org
  const times = Array.from({ length: count }, () => floorTo(when(), 1)).sort((a, b) => a - b)
  const width = Math.max(4, String(count + 200).length)
  times.forEach((created, i) => {
    const id = `CHG-${String(i + 1).padStart(width, '0')}`
    const type = rng.weighted({ standard: 45, normal: 48, emergency: 7 })
    let services: Service[]
    let model: StandardModel | undefined
    if (type === 'standard') {
      model = rng.pick(org.models)
      const pool = model.services.length > 0 ? model.services.map((s) => byId.get(s) as Service) : live
      const allowed = model.maxRisk === 'low' ? pool.filter((s) => s.tier !== 1) : pool
      services = rng.sample(allowed.length > 0 ? allowed : pool, rng.chance(0.8) ? 1 : 2)
    } else {
      const primary = rng.pick(live)
      const neighbours = primary.dependsOn.map((d) => byId.get(d) as Service).filter((s) => s.lifecycle === 'live')
      services = [primary, ...rng.sample(neighbours, rng.chance(0.7) ? 0 : rng.int(1, 2))]
    }
    services.sort((a, b) => a.id.localeCompare(b.id))
    const ids = services.map((s) => s.id)
    const floor = riskFloor(services)
    let risk: Risk =
      type === 'standard'
        ? (model?.maxRisk === 'low' ? 'low' : rng.weighted({ low: 2, medium: 1 }))
        : type === 'emergency'
          ? rng.weighted({ medium: 2, high: 3, critical: 1 })
          : rng.weighted({ low: 35, medium: 40, high: 20, critical: 5 })
    risk = maxRisk(risk, floor)
    const primary = services[0] as Service
    const requestedBy = member(primary.team)
    let implementer = member(primary.team)
    if (implementer === requestedBy) implementer = member('ecab')
    const change: Change = {
      id,
      path: '',
      title: model ? `${model.title}: ${primary.title}` : rng.pick(changeActions)(primary.title, primary.tech),
      type,
      status: 'submitted',
      services: ids,
      requestedBy,
      implementer,
      risk,
      incidents: [],
      problems: [],
      created,
      seed: rng.int(0, 2 ** 31),
    }
    if (model) change.model = model.id
    change.path = `changes/${id}${rng.chance(0.7) ? `-${slugify(change.title)}` : ''}.yaml`
    const draft = created > end - 20 * DAY && type !== 'emergency' && rng.chance(0.15)
    if (draft) {
      change.status = 'draft'
      org.changes.push(change)
      return
    }
    const maintenance = services.some((s) => s.maintenance)
    const lead = type === 'standard' ? rng.int(1, 5) * DAY : rng.int(3, 14) * DAY
    const window =
      type === 'emergency' ? scheduleEmergency(rng, org.scheduler, ids, created) : scheduleWindow(rng, org.scheduler, ids, maintenance, created + lead)
    if (rng.chance(0.15)) window.expectedDowntime = true
    else if (rng.chance(0.2)) window.expectedDowntime = false
    change.window = window
    change.status = changeStatus(rng, change, end)
    org.changes.push(change)
  })
}

function changeStatus(rng: Random, change: Change, end: number): string {
  const window = change.window as Window
  const review = (outcome: string, latest: number): void => {
    const completedAt = Math.min(window.end + rng.int(1, 48) * HOUR, latest)
    change.review = { outcome, completedAt: floorTo(Math.max(completedAt, window.end + MINUTE), 1) }
  }
  if (window.start > end) return rng.weighted({ approved: 45, submitted: 45, cancelled: 10 })
  if (window.end > end) return 'in_progress'
  const outcome = rng.weighted({ successful: 90, partial: 3, failed: 3, rolled_back: 4 })
  if (window.end + 10 * DAY < end) {
    if (rng.chance(0.03)) return 'cancelled'
    review(outcome, end)
    return 'closed'
  }
  // Recent: still open for review; emergencies must be reviewed within 72h of their window's end.
  const mustReview = change.type === 'emergency' && window.end + 60 * HOUR < end
  const state = outcome === 'successful' || outcome === 'partial' ? 'implemented' : outcome
  if (mustReview || rng.chance(0.4)) {
    review(outcome, Math.min(end, window.end + 60 * HOUR))
    if (change.review && change.review.completedAt > end) change.review.completedAt = end
    return rng.chance(0.5) ? 'closed' : state
  }
  return state
}

function buildIncidents(org: Organisation, count: number, live: Service[], byId: Map<string, Service>, when: () => number): void {
  const { rng, end } = org
  const width = Math.max(4, String(count + 200).length)
  const times = Array.from({ length: count }, () => floorTo(when(), 1)).sort((a, b) => a - b)
  const critical = live.filter((s) => s.tier <= 2)
  const changesByService = new Map<string, Change[]>()
  for (const change of org.changes) {
    if (!change.window || !['closed', 'implemented', 'failed', 'rolled_back'].includes(change.status)) continue
    for (const s of change.services) {
      const list = changesByService.get(s)
      if (list) list.push(change)
      else changesByService.set(s, [change])
    }
  }
  times.forEach((opened, i) => {
    const id = `INC-${String(i + 1).padStart(width, '0')}`
    const priority = rng.weighted({ P1: 3, P2: 10, P3: 37, P4: 50 })
    const primary = rng.pick(priority === 'P1' || priority === 'P2' ? critical : live)
    const services = [primary.id]
    const dep = primary.dependsOn.map((d) => byId.get(d) as Service).find((s) => s.lifecycle === 'live')
    if (dep && rng.chance(0.2)) services.push(dep.id)
    services.sort()
    const scale = { P1: 1, P2: 2, P3: 6, P4: 12 }[priority]
    const openedAt = Math.min(opened, end - 10 * MINUTE)
    const acknowledgedAt = openedAt + rng.int(1, 10 * scale) * MINUTE
    const resolvedAt = acknowledgedAt + rng.int(10, 120 * scale) * MINUTE
    const closedAt = resolvedAt + rng.int(1, 72) * HOUR
    const incident: Incident = {
      id,
      path: '',
      format: priority === 'P1' || priority === 'P2' || rng.chance(0.05) ? 'markdown' : 'yaml',
      title: rng.pick(incidentSymptoms)(primary.title),
      services,
      priority,
      status: 'open',
      openedAt,
      timeline: priority === 'P1' || priority === 'P2' || rng.chance(0.3),
      actions: [],
      rootCause: rng.pick(rootCauses),
      seed: rng.int(0, 2 ** 31),
    }
    if (acknowledgedAt <= end) {
      incident.acknowledgedAt = acknowledgedAt
      incident.status = 'acknowledged'
      if (rng.chance(0.1) && resolvedAt - acknowledgedAt > 20 * MINUTE) {
        const a = acknowledgedAt + Math.floor((resolvedAt - acknowledgedAt) / 4 / MINUTE) * MINUTE
        const b = acknowledgedAt + Math.floor((resolvedAt - acknowledgedAt) / 2 / MINUTE) * MINUTE
        if (b <= end) incident.pending = { from: a, to: b }
        else if (a <= end) {
          incident.pending = { from: a }
          incident.status = 'pending'
        }
      }
    }
    if (resolvedAt <= end) {
      incident.resolvedAt = resolvedAt
      incident.status = 'resolved'
      if (priority === 'P1' || priority === 'P2' || rng.chance(0.15)) {
        const downStart = openedAt - rng.int(0, 10) * MINUTE
        incident.downtime = [downStart, Math.min(resolvedAt, acknowledgedAt + rng.int(5, 60) * MINUTE)]
      }
    }
    if (closedAt <= end) {
      incident.closedAt = closedAt
      incident.status = 'closed'
      if (rng.chance(0.4)) incident.satisfaction = Number(rng.weighted({ 1: 1, 2: 2, 3: 4, 4: 8, 5: 6 } as Record<'1' | '2' | '3' | '4' | '5', number>))
    }
    if (incident.resolvedAt && incident.format === 'markdown' && (priority === 'P1' || priority === 'P2')) {
      const team = (byId.get(primary.id) as Service).team
      const people = org.teams.get(team) ?? []
      const titles = ['Alert on connection pool saturation', 'Add a runbook for this failure', 'Load test the new release', 'Raise the timeout to match the upstream', 'Automate certificate renewal checks', 'Add backoff to client retries']
      for (const title of rng.sample(titles, rng.int(2, 4))) {
        const due = incident.resolvedAt + rng.int(7, 30) * DAY
        incident.actions.push({ title, owner: handle(rng.pick(people)), due, done: due < end && rng.chance(0.8) })
      }
    }
    if (rng.chance(0.12)) {
      const candidates = (changesByService.get(primary.id) ?? []).filter((c) => c.window && c.window.start < openedAt && c.window.start > openedAt - 3 * DAY)
      const cause = candidates[candidates.length - 1]
      if (cause) {
        incident.causedBy = cause.id
        cause.incidents.push(id)
      }
    }
    incident.path = `incidents/${id}-${slugify(incident.title)}.${incident.format === 'markdown' ? 'md' : 'yaml'}`
    org.incidents.push(incident)
  })
}

function buildProblemsAndArticles(org: Organisation, counts: Counts, live: Service[], byId: Map<string, Service>): void {
  const { rng, start, end } = org
  const span = end - start
  const incidentsByService = new Map<string, Incident[]>()
  for (const incident of org.incidents) {
    const s = incident.services[0] as string
    const list = incidentsByService.get(s)
    if (list) list.push(incident)
    else incidentsByService.set(s, [incident])
  }
  const busy = [...incidentsByService.entries()].filter(([, list]) => list.length >= 2)
  const problemWidth = Math.max(4, String(counts.problems + 200).length)
  const articleWidth = Math.max(4, String(counts.articles + 200).length)
  interface Draft { problem: Problem; workaroundNeeded: boolean }
  const drafts: Draft[] = []
  for (let i = 0; drafts.length < counts.problems && busy.length > 0 && i < counts.problems * 20; i++) {
    const [serviceId, list] = rng.pick(busy)
    const free = list.filter((inc) => !inc.problem)
    if (free.length < 2) continue
    const first = rng.int(0, free.length - 2)
    const linked = free.slice(first, first + rng.int(2, 6))
    const lastOpened = Math.max(...linked.map((inc) => inc.openedAt))
    const created = floorTo(lastOpened + rng.int(1, 10) * DAY, 1)
    if (created > end - DAY) continue
    const age = (end - created) / span
    const status: Problem['status'] = age > 0.15 ? rng.weighted({ closed: 50, resolved: 20, known_error: 20, open: 10 }) : rng.weighted({ open: 50, known_error: 40, resolved: 10 })
    const problem: Problem = {
      id: '',
      path: '',
      format: rng.chance(0.25) ? 'markdown' : 'yaml',
      title: `Recurring: ${(linked[0] as Incident).title}`,
      status,
      services: [serviceId],
      incidents: linked.map((inc) => inc.id),
      created,
      updated: created,
      seed: rng.int(0, 2 ** 31),
    }
    for (const inc of linked) inc.problem = 'pending'
    if (status !== 'open') problem.rootCause = (linked[0] as Incident).rootCause
    if (status === 'resolved' || status === 'closed') {
      const fix = org.changes.find((c) => c.services.includes(serviceId) && c.window && c.window.start > created && c.status === 'closed' && c.type !== 'emergency')
      if (fix) {
        problem.fix = fix.id
        problem.updated = Math.max(problem.updated, fix.review?.completedAt ?? fix.window?.end ?? created)
      } else problem.status = 'known_error'
    }
    drafts.push({ problem, workaroundNeeded: problem.status === 'known_error' || (problem.status !== 'open' && rng.chance(0.5)) })
  }
  drafts.sort((a, b) => a.problem.created - b.problem.created)
  const incidentById = new Map(org.incidents.map((x) => [x.id, x]))
  const changeById = new Map(org.changes.map((c) => [c.id, c]))
  drafts.forEach(({ problem }, i) => {
    problem.id = `PRB-${String(i + 1).padStart(problemWidth, '0')}`
    problem.path = `problems/${problem.id}-${slugify(problem.title.replace(/^Recurring: /, ''))}.${problem.format === 'markdown' ? 'md' : 'yaml'}`
    for (const incId of problem.incidents) {
      const inc = incidentById.get(incId)
      if (inc) inc.problem = problem.id
    }
    if (problem.fix) changeById.get(problem.fix)?.problems.push(problem.id)
    org.problems.push(problem)
  })
  for (const inc of org.incidents) if (inc.problem === 'pending') delete inc.problem

  // Articles: first the known errors behind problem workarounds, then the rest over the whole history.
  interface Plan { created: number; type: string; service: Service; problem?: Problem }
  const plans: Plan[] = []
  for (const { problem, workaroundNeeded } of drafts) {
    if (!workaroundNeeded || plans.length >= counts.articles) continue
    plans.push({ created: problem.created + HOUR, type: 'known_error', service: byId.get(problem.services[0] as string) as Service, problem })
  }
  while (plans.length < counts.articles) {
    const type = rng.weighted({ known_error: 15, troubleshooting: 25, runbook: 27, how_to: 20, faq: 6, reference: 7 })
    plans.push({ created: floorTo(start + rng.next() * (end - start - DAY), 1), type, service: rng.pick(live) })
  }
  plans.sort((a, b) => a.created - b.created)
  plans.forEach((plan, i) => {
    const id = `KB-${String(i + 1).padStart(articleWidth, '0')}`
    const title = rng.pick(articleTopics[plan.type] ?? [])(plan.service.title)
    const status = plan.problem ? 'published' : rng.weighted({ published: 86, draft: 9, retired: 5 })
    const sinceCreated = end - plan.created
    const reviewedAt = floorTo(end - rng.int(1, Math.max(1, Math.min(149, Math.floor(sinceCreated / DAY)))) * DAY - rng.int(0, 8) * HOUR, 1)
    const services = [plan.service.id]
    const dep = plan.service.dependsOn.map((d) => byId.get(d) as Service).find((s) => s.lifecycle === 'live')
    if (dep && rng.chance(0.2)) services.push(dep.id)
    const article: Article = {
      id,
      path: `kb/${id}-${slugify(title)}.md`,
      title,
      type: plan.type,
      status,
      team: plan.service.team,
      services,
      created: plan.created,
      reviewedAt: Math.max(reviewedAt, plan.created),
      tags: rng.sample(tagPool, rng.int(0, 3)).sort(),
      links: [],
      targetLines: rng.int(30, 100),
      seed: rng.int(0, 2 ** 31),
    }
    const earlier = org.articles.filter((a) => a.status !== 'retired')
    if (earlier.length > 0) article.links = rng.sample(earlier.slice(-400), rng.int(0, 3)).map((a) => a.id)
    if (plan.problem) {
      plan.problem.workaround = id
      plan.problem.updated = Math.max(plan.problem.updated, plan.created)
    }
    if (plan.type === 'runbook' && status === 'published' && plan.service.runbooks.length < 3) plan.service.runbooks.push(id)
    org.articles.push(article)
  })
}

export { Random }
