/** The files of a realistic pull request on top of the generated history: edits of existing records and new ones. */
import { emitYaml } from './emit.js'
import { riskFloor, type Article, type Change, type Incident, type Organisation, type Service } from './model.js'
import { scheduleWindow } from './schedule.js'
import { Random } from './random.js'
import type { Renderer } from './render.js'
import { DAY, formatDate, HOUR, MINUTE } from './time.js'
import { changeActions, incidentSymptoms, slugify } from './vocabulary.js'

export interface PullRequestFile {
  path: string
  text: string
  added: boolean
}

const nextId = (prefix: string, existing: readonly { id: string }[], offset: number): string => {
  const last = existing[existing.length - 1]?.id ?? `${prefix}-0000`
  const width = last.length - prefix.length - 1
  return `${prefix}-${String(Number(last.slice(prefix.length + 1)) + offset).padStart(width, '0')}`
}

/**
 * About `count` changed files, three fifths edits and two fifths additions, all valid: changes approved, closed with
 * their review or re-planned; articles reviewed again; incidents rated; new changes, incidents and articles.
 */
export function pullRequestFiles(org: Organisation, renderer: Renderer, count: number, seed: number): PullRequestFile[] {
  const rng = new Random(seed ^ 0x5eed)
  const { end } = org
  const out: PullRequestFile[] = []
  const taken = new Set<string>()
  const edit = (path: string, text: string): void => {
    if (taken.has(path)) return
    taken.add(path)
    out.push({ path, text, added: false })
  }
  const edits = Math.round(count * 0.6)
  const additions = count - edits

  const future = rng.sample(org.changes.filter((c) => c.status === 'submitted' || c.status === 'approved'), Math.round(edits * 0.25))
  for (const c of future) {
    const copy: Change = { ...c, status: 'approved' }
    const map = renderer.changeMap(copy, 'final')
    if (c.status === 'approved') map.test_plan = `${String(map.test_plan ?? '')}Also run the load test profile "evening peak" against staging first.\n`
    edit(c.path, emitYaml(map))
  }
  const implemented = rng.sample(org.changes.filter((c) => c.status === 'implemented' && !c.review && c.window), Math.round(edits * 0.15))
  for (const c of implemented) {
    const window = c.window as NonNullable<Change['window']>
    const copy: Change = { ...c, status: 'closed', review: { outcome: 'successful', completedAt: Math.min(end, window.end + 2 * HOUR) } }
    edit(c.path, emitYaml(renderer.changeMap(copy, 'final')))
  }
  const rated = rng.sample(org.incidents.filter((i) => i.status === 'closed' && i.satisfaction === undefined && i.format === 'yaml'), Math.round(edits * 0.15))
  for (const i of rated) edit(i.path, emitYaml(renderer.incidentMap({ ...i, satisfaction: rng.int(3, 5) }, true)))
  const services = rng.sample(org.services.filter((s) => s.lifecycle === 'live'), Math.round(edits * 0.1))
  for (const s of services) {
    const copy: Service = { ...s, description: `${s.description} Reviewed in the yearly catalog audit.` }
    const history = renderer.service(copy)
    edit(`services/${s.id}.yaml`, (history.versions[history.versions.length - 1] as { text: string }).text)
  }
  const published = org.articles.filter((a) => a.status === 'published')
  for (const a of rng.sample(published, published.length)) {
    if (out.length >= edits) break
    const copy: Article = { ...a, reviewedAt: end - HOUR }
    edit(a.path, renderer.articleText(copy, 'final', 'Reviewed again after the latest release; the steps below still apply.'))
  }

  // Additions: new changes planned after "now", new incidents of the last hours, new how-to articles.
  const live = org.services.filter((s) => s.lifecycle === 'live')
  const newChanges = Math.round(additions * 0.5)
  const newIncidents = Math.round(additions * 0.25)
  const newArticles = additions - newChanges - newIncidents
  for (let k = 1; k <= newChanges; k++) {
    const service = rng.pick(live)
    const title = rng.pick(changeActions)(service.title, service.tech)
    const id = nextId('CHG', org.changes, k)
    const window = scheduleWindow(rng, org.scheduler, [service.id], service.maintenance, end + 3 * DAY)
    const risk = riskFloor([service]) === 'medium' ? 'medium' : rng.pick(['low', 'medium'] as const)
    const team = org.teams.get(service.team) ?? ['admin']
    const change: Change = { id, path: `changes/${id}-${slugify(title)}.yaml`, title, type: 'normal', status: 'submitted', services: [service.id], requestedBy: team[0] as string, implementer: (team[1] ?? team[0]) as string, risk, window, incidents: [], problems: [], created: end, seed: rng.int(0, 2 ** 31) }
    out.push({ path: change.path, text: emitYaml(renderer.changeMap(change, 'final')), added: true })
  }
  for (let k = 1; k <= newIncidents; k++) {
    const service = rng.pick(live)
    const id = nextId('INC', org.incidents, k)
    const title = rng.pick(incidentSymptoms)(service.title)
    const openedAt = end - (k + 1) * 20 * MINUTE
    const incident: Incident = { id, path: `incidents/${id}-${slugify(title)}.yaml`, format: 'yaml', title, services: [service.id], priority: rng.pick(['P3', 'P4']), status: 'acknowledged', openedAt, acknowledgedAt: openedAt + 10 * MINUTE, timeline: true, actions: [], rootCause: '', seed: rng.int(0, 2 ** 31) }
    out.push({ path: incident.path, text: emitYaml(renderer.incidentMap(incident, true)), added: true })
  }
  for (let k = 1; k <= newArticles; k++) {
    const service = rng.pick(live)
    const id = nextId('KB', org.articles, k)
    const title = `Configure alert routing for ${service.title}`
    const article: Article = { id, path: `kb/${id}-${slugify(title)}.md`, title, type: 'how_to', status: 'published', team: service.team, services: [service.id], created: end - DAY, reviewedAt: end - HOUR, tags: ['alerts'], links: [], targetLines: rng.int(30, 60), seed: rng.int(0, 2 ** 31) }
    out.push({ path: article.path, text: renderer.articleText(article, 'final'), added: true })
  }
  return out
}

export { formatDate }
