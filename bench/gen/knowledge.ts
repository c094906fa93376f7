/** Problems grouping recurring incidents, and the knowledge base that grows over the years. */
import type { Article, Counts, Incident, Organisation, Problem, Service } from './model.js'
import { DAY, floorTo, HOUR } from './time.js'
import { articleTopics, slugify, tags as tagPool } from './vocabulary.js'

export function buildProblemsAndArticles(org: Organisation, counts: Counts, live: Service[], byId: Map<string, Service>): void {
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
  // Teams give two articles on one topic titles that tell them apart (gitsm reports duplicate titles).
  const titles = new Map<string, number>()
  plans.forEach((plan, i) => {
    const id = `KB-${String(i + 1).padStart(articleWidth, '0')}`
    const topic = rng.pick(articleTopics[plan.type] ?? [])(plan.service.title)
    const seen = titles.get(topic.toLowerCase()) ?? 0
    titles.set(topic.toLowerCase(), seen + 1)
    const title = seen === 0 ? topic : `${topic} (${seen + 1})`
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
