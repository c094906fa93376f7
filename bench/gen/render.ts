/** Turns the organisation into files: each record's text at each point of its life, for the git history. */
import { emitMarkdown, emitYaml, type YamlMap, type YamlValue } from './emit.js'
import { anchor, articleBody, incidentBody, problemBody, type LinkRef, type ServiceRef } from './markdown.js'
import { handle, teamHandle, type Article, type Change, type Incident, type Organisation, type Problem, type Service } from './model.js'
import { Random } from './random.js'
import { berlinParts, DAY, formatBerlin, formatDate, formatUtc, HOUR, MINUTE } from './time.js'
import { organization } from './vocabulary.js'

export interface Version {
  at: number
  text: string
  author: string
}

export interface FileHistory {
  path: string
  versions: Version[]
}

export const requiredSections: Readonly<Record<string, readonly string[]>> = {
  known_error: ['Symptoms', 'Cause', 'Workaround'],
  troubleshooting: ['Symptoms', 'Resolution'],
  runbook: ['Procedure', 'Rollback'],
  how_to: ['Steps'],
}

const postmortemSections = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items']

/** `YYYY-MM-DD` plus a number of calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function header(kind: string, id: string, title: string): YamlMap {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) >>> 0
  // A fifth of the records name the format version explicitly, as the format allows.
  return hash % 5 === 0 ? { apiVersion: 'gitsm/v1', kind, id, title } : { kind, id, title }
}

const text = (...lines: string[]): string => `${lines.join('\n')}\n`

export class Renderer {
  readonly services: Map<string, Service>
  readonly articles: Map<string, Article>
  readonly changes: Map<string, Change>
  readonly problems: Map<string, Problem>

  constructor(readonly org: Organisation) {
    this.services = new Map(org.services.map((s) => [s.id, s]))
    this.articles = new Map(org.articles.map((a) => [a.id, a]))
    this.changes = new Map(org.changes.map((c) => [c.id, c]))
    this.problems = new Map(org.problems.map((p) => [p.id, p]))
  }

  serviceRef(id: string): ServiceRef {
    const s = this.services.get(id) as Service
    return { id: s.id, title: s.title, tech: s.tech, team: teamHandle(s.team) }
  }

  member(team: string, seed: number): string {
    const people = this.org.teams.get(team) ?? ['admin']
    return people[seed % people.length] as string
  }

  /** Every file of the repository with its versions, oldest first. */
  files(): FileHistory[] {
    const out: FileHistory[] = [this.config(), ...this.extras()]
    for (const s of this.org.services) out.push(this.service(s))
    for (const s of this.org.slas) {
      const map: YamlMap = {
        ...header('SLA', s.id, s.title),
        agreement: s.agreement,
        customer: s.customer,
        services: s.services,
        calendar: s.calendar,
        period: s.period,
        targets: slaTargets(s.tier, s.calendar, s.availability),
        review_by: formatDate(s.reviewBy),
      }
      out.push({ path: `slas/${s.id}.yaml`, versions: [{ at: s.created, text: emitYaml(map), author: this.member('cab', s.created) }] })
    }
    for (const m of this.org.models) {
      const map: YamlMap = {
        kind: 'StandardChange',
        id: m.id,
        title: m.title,
        services: m.services,
        max_risk: m.maxRisk,
        approved_by: [teamHandle('cab')],
        approved_at: formatDate(m.created),
        procedure: text('1. Check the service dashboard and confirm the service is healthy.', '2. Announce the change in the team channel.', `3. ${m.title}, following the linked runbook.`, '4. Verify health checks and error rates for 15 minutes.'),
        rollback_plan: text('Revert to the previous state with the same procedure in reverse', 'and confirm the health checks pass.'),
      }
      out.push({ path: `changes/standard/${m.id}.yaml`, versions: [{ at: m.created, text: emitYaml(map), author: this.member('cab', m.created) }] })
    }
    for (const c of this.org.changes) out.push(this.change(c))
    for (const i of this.org.incidents) out.push(this.incident(i))
    for (const p of this.org.problems) out.push(this.problem(p))
    for (const a of this.org.articles) out.push(this.article(a))
    return out
  }

  private extras(): FileHistory[] {
    const at = this.org.start
    const author = this.member('cab', 1)
    return [
      {
        path: 'README.md',
        versions: [{ at, author, text: text('# ITSM records', '', `Service catalog, SLAs, changes, incidents, problems and knowledge base of ${organization},`, 'kept as code and checked by gitsm on every pull request.') }],
      },
      {
        path: '.markdownlint.jsonc',
        versions: [{ at, author, text: text('{', '  // The title is in the front matter and repeated as the first heading.', '  "MD025": { "front_matter_title": "" }', '}') }],
      },
    ]
  }

  config(): FileHistory {
    const { start, end } = this.org
    const first = berlinParts(start).year
    const last = berlinParts(end).year + 1
    const holidays: string[] = []
    for (let y = first; y <= last; y++) holidays.push(`${y}-01-01`, `${y}-05-01`, `${y}-10-03`, `${y}-12-24`, `${y}-12-25`, `${y}-12-26`)
    const render = (untilYear: number): string => {
      const freezes: YamlValue[] = []
      for (let y = first; y <= untilYear; y++) {
        freezes.push({ name: `Year-end freeze ${y}`, start: `${y}-12-18T00:00:00+01:00`, end: `${y + 1}-01-04T00:00:00+01:00`, allow: ['emergency'] })
      }
      freezes.push({ name: 'No Friday evening changes to tier-1', days: ['fri'], start: '16:00', end: '23:59', timezone: 'Europe/Berlin', tiers: [1], allow: ['emergency'] })
      const teams: YamlMap = {}
      for (const team of ['cab', 'ecab']) teams[teamHandle(team)] = (this.org.teams.get(team) ?? []).map(handle)
      return emitYaml({
        organization,
        timezone: 'Europe/Berlin',
        calendars: {
          'business-hours': {
            timezone: 'Europe/Berlin',
            hours: { mon: '08:00-18:00', tue: '08:00-18:00', wed: '08:00-18:00', thu: '08:00-18:00', fri: '08:00-17:00' },
            holidays,
          },
        },
        teams,
        knowledge: {
          sections: { known_error: ['Symptoms', 'Cause', 'Workaround'], troubleshooting: ['Symptoms', 'Resolution'], runbook: ['Procedure', 'Rollback'], how_to: ['Steps'] },
          review_interval: '180d',
          expiring_within: '30d',
        },
        incidents: { postmortem: { required_for: ['P1', 'P2'], due: '5d', sections: postmortemSections } },
        policy: {
          separation_of_duties: true,
          stale_approvals: 'dismiss',
          lead_time: { normal: '48h' },
          freeze: freezes,
          risk_floor: { 1: 'medium' },
          governance: [{ team: teamHandle('cab'), count: 2 }],
          approvals: [
            { match: { type: 'normal', risk: ['high', 'critical'] }, require: [{ team: teamHandle('cab'), count: 2 }, { owners: true, count: 1 }] },
            { match: { type: 'normal' }, require: [{ owners: true, count: 1 }] },
            { match: { type: 'emergency' }, require: [{ team: teamHandle('ecab'), count: 1 }] },
            { match: { type: 'standard' }, require: [{ any: true, count: 1 }] },
          ],
          emergency: { review_within: '72h' },
        },
      })
    }
    const versions: Version[] = [{ at: start, text: render(first), author: this.member('cab', 0) }]
    for (let y = first + 1; y <= berlinParts(end).year; y++) {
      const at = Date.UTC(y, 10, 20, 9)
      if (at > start && at <= end) versions.push({ at, text: render(y), author: this.member('cab', y) })
    }
    return { path: 'gitsm.yaml', versions }
  }

  service(s: Service): FileHistory {
    const render = (runbooks: string[]): string =>
      emitYaml({
        ...header('Service', s.id, s.title),
        description: s.description,
        owner: teamHandle(s.team),
        tier: s.tier,
        lifecycle: s.lifecycle,
        depends_on: s.dependsOn.length > 0 ? s.dependsOn : undefined,
        support_hours: s.supportHours,
        maintenance_windows: s.maintenance
          ? [
              { days: ['sat'], start: '02:00', end: '05:00', timezone: 'Europe/Berlin' },
              { days: ['tue', 'thu'], start: '21:00', end: '23:30', timezone: 'Europe/Berlin' },
            ]
          : undefined,
        runbooks: runbooks.length > 0 ? runbooks : undefined,
        links: { repo: `https://github.com/${organization}/${s.id}`, dashboard: `https://grafana.${organization}.example/d/${s.id}` },
      })
    const author = this.member(s.team, s.created)
    const versions: Version[] = [{ at: s.created, text: render([]), author }]
    if (s.runbooks.length > 0) {
      const at = Math.max(...s.runbooks.map((id) => this.articles.get(id)?.created ?? s.created)) + HOUR
      versions.push({ at: Math.max(at, s.created), text: render(s.runbooks), author })
    }
    return { path: `services/${s.id}.yaml`, versions }
  }

  changeMap(c: Change, stage: 'initial' | 'final'): YamlMap {
    const rng = new Random(c.seed)
    const primary = this.services.get(c.services[0] as string) as Service
    const isFinal = stage === 'final'
    const status = isFinal ? c.status : c.status === 'draft' ? 'draft' : 'submitted'
    const needsPlans = c.type !== 'standard'
    const map: YamlMap = {
      ...header('Change', c.id, c.title),
      type: c.type,
      model: c.model,
      status,
      services: c.services,
      requested_by: handle(c.requestedBy),
      implementer: handle(c.implementer),
      risk: c.risk,
      impact: text(`${primary.title} (tier ${primary.tier}) ${c.window?.expectedDowntime ? 'is unavailable during the window' : 'stays available; requests may be slower for a few minutes'}.`, rng.pick(['Callers retry automatically.', 'No customer-facing impact is expected.', 'Batch jobs are paused during the window.', 'The status page announces the work a day ahead.'])),
      window: c.window ? { start: formatBerlin(c.window.start), end: formatBerlin(c.window.end), expected_downtime: c.window.expectedDowntime } : undefined,
      plan: needsPlans || rng.chance(0.3) ? text(`1. Announce the start in #${primary.team}-changes.`, `2. ${c.title}.`, '3. Watch error rates and latency on the dashboard for 15 minutes.', '4. Announce the end and update this record.') : undefined,
      test_plan: needsPlans && rng.chance(0.7) ? text('Run the smoke tests of the service and check the synthetic probes.') : undefined,
      rollback_plan: needsPlans || rng.chance(0.3) ? text('Redeploy the previous version from the release history and', 'restore the configuration from the last commit before the change.') : undefined,
    }
    if (isFinal && (c.incidents.length > 0 || c.problems.length > 0)) {
      map.related = { incidents: c.incidents.length > 0 ? c.incidents : undefined, problems: c.problems.length > 0 ? c.problems : undefined }
    }
    if (isFinal && c.review) {
      map.review = {
        outcome: c.review.outcome,
        completed_at: formatBerlin(c.review.completedAt),
        notes: text(
          c.review.outcome === 'successful' ? 'Completed as planned; no alerts during or after the window.' : c.review.outcome === 'partial' ? 'Completed on two of three clusters; the rest follows in a new change.' : 'Health checks failed after the change; the previous version was restored.',
        ),
      }
    }
    if (rng.chance(0.05)) map.x = { ticket: `OPS-${1000 + (c.seed % 9000)}` }
    return map
  }

  change(c: Change): FileHistory {
    const author = c.requestedBy
    const versions: Version[] = [{ at: c.created, text: emitYaml(this.changeMap(c, 'initial')), author }]
    const finalText = emitYaml(this.changeMap(c, 'final'))
    if (finalText !== versions[0]?.text) {
      let at = c.created + HOUR
      if (c.review) at = c.review.completedAt
      else if (c.window && c.status !== 'approved' && c.status !== 'cancelled') at = Math.min(c.window.end, c.status === 'in_progress' ? c.window.start : c.window.end)
      else if (c.window) at = c.created + (c.window.start - c.created) / 2
      for (const id of c.problems) at = Math.max(at, this.problems.get(id)?.created ?? 0)
      for (const id of c.incidents) at = Math.max(at, this.org.incidents.find((i) => i.id === id)?.openedAt ?? 0)
      versions.push({ at: Math.min(Math.max(at, c.created + MINUTE), this.org.end), text: finalText, author: c.implementer })
    }
    return { path: c.path, versions }
  }

  incidentMap(i: Incident, final: boolean): YamlMap {
    const map: YamlMap = { ...header('Incident', i.id, i.title), services: i.services, priority: i.priority, status: final ? i.status : 'open', opened_at: formatUtc(i.openedAt) }
    if (!final) return map
    map.acknowledged_at = i.acknowledgedAt === undefined ? undefined : formatUtc(i.acknowledgedAt)
    map.resolved_at = i.resolvedAt === undefined ? undefined : formatUtc(i.resolvedAt)
    map.closed_at = i.closedAt === undefined ? undefined : formatUtc(i.closedAt)
    if (i.downtime) map.downtime = [{ start: formatUtc(i.downtime[0]), end: formatUtc(i.downtime[1]) }]
    map.caused_by = i.causedBy
    map.problem = i.problem
    map.satisfaction = i.satisfaction
    if (i.timeline) {
      const entries: YamlMap[] = [{ at: formatUtc(i.openedAt), status: 'open' }]
      if (i.acknowledgedAt !== undefined) entries.push({ at: formatUtc(i.acknowledgedAt), status: 'acknowledged' })
      if (i.pending) {
        entries.push({ at: formatUtc(i.pending.from), status: 'pending', note: 'waiting for a vendor' })
        if (i.pending.to !== undefined) entries.push({ at: formatUtc(i.pending.to), status: 'acknowledged' })
      }
      if (i.resolvedAt !== undefined) entries.push({ at: formatUtc(i.resolvedAt), status: 'resolved' })
      if (i.closedAt !== undefined) entries.push({ at: formatUtc(i.closedAt), status: 'closed' })
      map.timeline = entries
    }
    if (i.actions.length > 0) map.actions = [...i.actions].sort((x, y) => x.due - y.due).map((a) => ({ title: a.title, owner: a.owner, due: formatDate(a.due), done: a.done }))
    return map
  }

  incidentBody(i: Incident, final: boolean): string {
    const rng = new Random(i.seed)
    const fmt = (t: number): string => `${formatUtc(t).slice(0, 16).replace('T', ' ')} UTC`
    const events = [{ at: fmt(i.openedAt), text: 'Alert fired and the on-call engineer was paged.' }]
    if (final) {
      if (i.acknowledgedAt !== undefined) events.push({ at: fmt(i.acknowledgedAt), text: 'Acknowledged; investigation started in the incident channel.' })
      if (i.pending?.to !== undefined) events.push({ at: fmt(i.pending.from), text: 'Waiting for the vendor to confirm the fault.' })
      if (i.resolvedAt !== undefined) events.push({ at: fmt(i.resolvedAt), text: 'Mitigation confirmed, error rates back to normal.' })
    }
    const links: LinkRef[] = []
    if (final && i.causedBy) {
      const change = this.changes.get(i.causedBy)
      if (change) links.push({ href: `../${change.path}`, text: `${change.id}: ${change.title}` })
    }
    if (final && i.problem) {
      const problem = this.problems.get(i.problem)
      if (problem) links.push({ href: `../${problem.path}`, text: `${problem.id}: ${problem.title}` })
    }
    const resolved = final && i.resolvedAt !== undefined
    return incidentBody(rng, {
      id: i.id,
      title: i.title,
      service: this.serviceRef(i.services[0] as string),
      priority: i.priority,
      events,
      rootCause: i.rootCause,
      actions: i.actions.map((a) => ({ title: a.title, owner: a.owner, due: formatDate(a.due), done: a.done })),
      links,
      resolved,
      postmortem: resolved && (i.priority === 'P1' || i.priority === 'P2'),
      sections: postmortemSections,
    })
  }

  incident(i: Incident): FileHistory {
    const team = (this.services.get(i.services[0] as string) as Service).team
    const author = this.member(team, i.seed)
    const render = (final: boolean): string => (i.format === 'markdown' ? emitMarkdown(this.incidentMap(i, final), this.incidentBody(i, final)) : emitYaml(this.incidentMap(i, final)))
    const versions: Version[] = [{ at: i.openedAt, text: render(false), author }]
    const finalText = render(true)
    if (finalText !== versions[0]?.text) {
      let at = i.closedAt ?? i.resolvedAt ?? i.pending?.from ?? i.acknowledgedAt ?? i.openedAt + MINUTE
      if (i.problem) at = Math.max(at, this.problems.get(i.problem)?.created ?? at)
      versions.push({ at: Math.min(Math.max(at, i.openedAt + MINUTE), this.org.end), text: finalText, author })
    }
    return { path: i.path, versions }
  }

  problemMap(p: Problem, final: boolean): YamlMap {
    const map: YamlMap = { ...header('Problem', p.id, p.title), status: final ? p.status : 'open', services: p.services, incidents: p.incidents }
    if (final) {
      map.root_cause = p.rootCause ? text(p.rootCause) : undefined
      map.workaround = p.workaround
      map.fix = p.fix
    }
    return map
  }

  problem(p: Problem): FileHistory {
    const team = (this.services.get(p.services[0] as string) as Service).team
    const author = this.member(team, p.seed)
    const render = (final: boolean): string => {
      const map = this.problemMap(p, final)
      if (p.format === 'yaml') return emitYaml(map)
      const links: LinkRef[] = []
      if (final && p.workaround) {
        const kb = this.articles.get(p.workaround)
        if (kb) links.push({ href: `../${kb.path}#workaround`, text: `Workaround: ${kb.title}` })
      }
      if (final && p.fix) {
        const change = this.changes.get(p.fix)
        if (change) links.push({ href: `../${change.path}`, text: `Fix: ${change.title}` })
      }
      return emitMarkdown(map, problemBody(new Random(p.seed), { id: p.id, title: p.title, service: this.serviceRef(p.services[0] as string), rootCause: final ? p.rootCause : undefined, links }))
    }
    const versions: Version[] = [{ at: p.created, text: render(false), author }]
    const finalText = render(true)
    if (finalText !== versions[0]?.text) versions.push({ at: Math.min(Math.max(p.updated, p.created + HOUR), this.org.end), text: finalText, author })
    return { path: p.path, versions }
  }

  articleText(a: Article, stage: 'initial' | 'final', extraParagraph?: string): string {
    const reviewedAt = stage === 'final' ? a.reviewedAt : a.created
    const reviewed = formatDate(reviewedAt)
    const map: YamlMap = {
      ...header('Article', a.id, a.title),
      type: a.type,
      status: stage === 'final' ? a.status : 'draft',
      owner: teamHandle(a.team),
      services: a.services,
      reviewed_at: reviewed,
      review_by: addDays(reviewed, 180),
      tags: a.tags.length > 0 ? a.tags : undefined,
    }
    const links: LinkRef[] = []
    const rng = new Random(a.seed)
    for (const id of a.links) {
      const target = this.articles.get(id)
      if (!target) continue
      const sections = requiredSections[target.type]
      const fragment = sections && rng.chance(0.5) ? `#${anchor(rng.pick(sections))}` : ''
      links.push({ href: `${target.path.slice('kb/'.length)}${fragment}`, text: target.title })
    }
    if (rng.chance(0.3)) links.push({ href: `../services/${a.services[0]}.yaml`, text: `Service record of ${a.services[0]}` })
    let body = articleBody(rng, { title: a.title, type: a.type, required: requiredSections[a.type] ?? [], service: this.serviceRef(a.services[0] as string), links, targetLines: a.targetLines })
    if (extraParagraph) body = body.replace(/\n(## [^\n]+\n\n)/, `\n${extraParagraph}\n\n$1`)
    return emitMarkdown(map, body)
  }

  article(a: Article): FileHistory {
    const author = this.member(a.team, a.seed)
    const versions: Version[] = [{ at: a.created, text: this.articleText(a, 'initial'), author }]
    if (a.reviewedAt > a.created + DAY || a.status !== 'draft') {
      versions.push({ at: Math.max(a.reviewedAt, a.created + HOUR), text: this.articleText(a, 'final'), author })
    }
    return { path: a.path, versions }
  }
}

function slaTargets(tier: number, calendar: string, availability: number): YamlMap {
  const table: Record<number, [Record<string, string>, Record<string, string>]> = {
    1: [{ P1: '15m', P2: '30m', P3: '4h', P4: '1d' }, { P1: '4h', P2: '8h', P3: '3d', P4: '10d' }],
    2: [{ P1: '30m', P2: '1h', P3: '8h', P4: '2d' }, { P1: '8h', P2: '1d', P3: '5d', P4: '15d' }],
    3: [{ P1: '1h', P2: '4h', P3: '1d', P4: '3d' }, { P1: '1d', P2: '3d', P3: '10d', P4: '20d' }],
  }
  const [response, resolution] = table[Math.min(3, tier)] as [Record<string, string>, Record<string, string>]
  const targets: YamlMap = { availability, response, resolution }
  if (calendar !== '24x7') targets.clock = { P1: '24x7' }
  return targets
}

