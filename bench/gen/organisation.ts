/** Builds the organisation: the service catalog, teams, SLAs and standard change models, then its activity. */
import { buildChanges, buildIncidents } from './activity.js'
import { buildProblemsAndArticles } from './knowledge.js'
import { countsFor, type Organisation, type Risk, type Service } from './model.js'
import { Random } from './random.js'
import { Scheduler } from './schedule.js'
import { DAY, floorTo } from './time.js'
import { components, customers, domains, firstNames, infrastructure, standardModels, titleCase, vendors } from './vocabulary.js'

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
