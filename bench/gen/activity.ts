/** The organisation's activity over the years: changes with their windows and statuses, and incidents. */
import { handle, maxRisk, riskFloor, type Change, type Incident, type Organisation, type Risk, type Service, type StandardModel, type Window } from './model.js'
import type { Random } from './random.js'
import { scheduleEmergency, scheduleWindow } from './schedule.js'
import { DAY, floorTo, HOUR, MINUTE } from './time.js'
import { changeActions, incidentSymptoms, rootCauses, slugify } from './vocabulary.js'

export function buildChanges(org: Organisation, count: number, live: Service[], byId: Map<string, Service>, member: (team: string) => string, when: () => number): void {
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

export function buildIncidents(org: Organisation, count: number, live: Service[], byId: Map<string, Service>, when: () => number): void {
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
