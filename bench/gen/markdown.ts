/** Markdown bodies for knowledge articles, postmortems and problems: headings, wrapped prose, lists, code, tables. */
import type { Random } from './random.js'

export interface ServiceRef {
  id: string
  title: string
  tech: string
  team: string
}

export interface LinkRef {
  /** Relative link target, with an anchor where it has one. */
  href: string
  text: string
}

const width = 78

/** Wraps text into lines of at most `width` columns; continuation lines get `indent`. */
export function wrap(text: string, first = '', indent = ''): string[] {
  const lines: string[] = []
  let line = first
  let empty = true
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else {
      line = empty ? line + word : `${line} ${word}`
    }
    empty = false
  }
  lines.push(line)
  return lines
}

/** GitHub's heading anchor for the simple headings this generator writes. */
export function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')
}

type Writer = (ctx: BodyContext) => string[]

interface BodyContext {
  rng: Random
  service: ServiceRef
  namespace: string
  links: readonly LinkRef[]
  headings: readonly string[]
}

const fill = (ctx: BodyContext, template: string): string =>
  template
    .replaceAll('{svc}', ctx.service.id)
    .replaceAll('{title}', ctx.service.title)
    .replaceAll('{tech}', ctx.service.tech)
    .replaceAll('{ns}', ctx.namespace)
    .replaceAll('{team}', ctx.service.team)
    .replaceAll('{n}', String(ctx.rng.int(2, 12)))
    .replaceAll('{pct}', String(ctx.rng.int(60, 95)))

const prose: readonly string[] = [
  'The {title} runs in the `{ns}` namespace and is owned by {team}.',
  'Most requests reach {svc} through the public API gateway; internal callers use the service mesh.',
  'Under normal load the service keeps p99 latency below 300 ms and error rates below 0.1 %.',
  'The on-call engineer should first check the service dashboard and the recent deployments.',
  'The {tech} layer is shared with other services, so coordinate with the platform team before restarting it.',
  'Keep the incident channel updated every 30 minutes while the problem lasts.',
  'Alerts fire when the error budget burn rate stays above {n} for more than 10 minutes.',
  'Configuration lives in the service repository and is deployed through the standard pipeline.',
  'Changes to production need a change record unless a standard change model covers them.',
  'Capacity was last reviewed in the quarterly planning and allows for {pct} % headroom.',
  'Logs are kept for 30 days in the central logging cluster and can be searched by request id.',
  'The service degrades gracefully: when a dependency fails it serves cached data where it can.',
  'Nightly batch jobs run between 01:00 and 04:00 and can slow down interactive traffic.',
  'Each replica holds a pool of {n} database connections; the database allows 500 in total.',
  'A rollout replaces one pod at a time and waits for its readiness probe before going on.',
]

const symptoms: readonly string[] = [
  'The `{svc}` dashboard shows error rates above {n} %.',
  'Clients receive `503 Service Unavailable` from the gateway.',
  'The alert `HighLatency{n}` fires for {svc}.',
  'Pods restart with exit code 137 (out of memory).',
  'Consumer lag on the `{svc}.events` topic keeps growing.',
  'Health checks time out after 5 seconds.',
  'Logs contain `connection pool exhausted` warnings.',
  'Users report that pages load slowly or not at all.',
  'Synthetic checks from two regions fail in a row.',
  'The database reports lock waits longer than {n} seconds.',
]

const causes: readonly string[] = [
  'The connection pool of {svc} is too small for the traffic at peak times, so requests queue up.',
  'A dependency returns slowly, and the retries of {svc} multiply the load on it.',
  'The cache entries expire at the same moment, so every replica reloads them at once.',
  'A long-running migration holds locks that block the normal queries of {svc}.',
  'The memory limit of the pods is lower than the heap size the {tech} runtime picks by default.',
  'Certificates are rotated by the platform, but {svc} reads them only at start-up.',
]

const commands: readonly string[] = [
  'kubectl -n {ns} get pods -l app={svc}',
  'kubectl -n {ns} rollout restart deployment/{svc}',
  'kubectl -n {ns} rollout status deployment/{svc} --timeout=10m',
  'kubectl -n {ns} logs deployment/{svc} --since=15m | grep -i error',
  'kubectl -n {ns} scale deployment/{svc} --replicas={n}',
  'kubectl -n {ns} describe pod -l app={svc} | grep -A5 Events',
  'curl -fsS https://{svc}.internal.acme.example/healthz',
  'psql -h postgres-main -c "select count(*) from pg_stat_activity;"',
  'kafka-consumer-groups --describe --group {svc}',
  'redis-cli -h redis-main info memory',
]

const steps: readonly string[] = [
  'Announce the work in the team channel and link this article.',
  'Check the dashboard and note the current error rate and latency.',
  'Confirm that no deployment of {svc} is running.',
  'Scale the deployment up by {n} replicas to absorb the load.',
  'Restart the pods one at a time and watch the readiness probes.',
  'Drain the affected node and wait until its pods run elsewhere.',
  'Switch traffic to the standby site with the traffic manager.',
  'Clear the cache entries of the affected tenant.',
  'Raise the connection pool size in the configuration and deploy it.',
  'Verify that error rates are back below the alert threshold.',
  'Update the incident or change record with what you did.',
  'Ask the owning team, {team}, to review the result.',
]

const rollbackSteps: readonly string[] = [
  'Revert the configuration commit and deploy the previous version.',
  'Scale the deployment back to its original replica count.',
  'Switch traffic back to the primary site.',
  'Restore the previous certificate from the vault.',
  'Re-enable the feature flag that was turned off.',
  'Confirm with {team} that the service is healthy again.',
]

const questions: readonly [string, string][] = [
  ['Who owns {svc}?', 'The team {team} owns it; page them through the on-call rotation.'],
  ['Where are the logs?', 'In the central logging cluster, index `{ns}-*`, kept for 30 days.'],
  ['How do I get access?', 'Request the `{ns}-reader` group through the access portal.'],
  ['How is it deployed?', 'Through the standard pipeline on every merge to the main branch.'],
  ['What are the limits?', 'Each tenant may send {n}00 requests per second before throttling starts.'],
  ['Where is the dashboard?', 'On the observability portal, under the `{svc}` folder.'],
]

function paragraph(ctx: BodyContext, pool: readonly string[], count: number): string[] {
  return wrap(ctx.rng.sample(pool, count).map((s) => fill(ctx, s)).join(' '))
}

function bullets(ctx: BodyContext, pool: readonly string[], count: number): string[] {
  return ctx.rng.sample(pool, count).flatMap((s) => wrap(fill(ctx, s), '- ', '  '))
}

function numbered(ctx: BodyContext, pool: readonly string[], count: number): string[] {
  return ctx.rng.sample(pool, count).flatMap((s, i) => wrap(fill(ctx, s), `${i + 1}. `, '   '))
}

/** A shell command, continued with backslashes so that no line passes the width. */
function commandLines(command: string): string[] {
  const lines: string[] = []
  let rest = command
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width - 2)
    if (cut <= 2) break
    lines.push(`${rest.slice(0, cut)} \\`)
    rest = `  ${rest.slice(cut + 1)}`
  }
  lines.push(rest)
  return lines
}

function code(ctx: BodyContext, count: number): string[] {
  return ['```bash', ...ctx.rng.sample(commands, count).flatMap((c) => commandLines(fill(ctx, c))), '```']
}

function join(...blocks: string[][]): string[] {
  const out: string[] = []
  for (const block of blocks) {
    if (block.length === 0) continue
    if (out.length > 0) out.push('')
    out.push(...block)
  }
  return out
}

const sections: Record<string, Writer> = {
  Symptoms: (c) => join(paragraph(c, prose, 1), bullets(c, symptoms, c.rng.int(2, 5))),
  Cause: (c) => join(paragraph(c, causes, c.rng.int(1, 2)), paragraph(c, prose, c.rng.int(1, 2))),
  Workaround: (c) => join(numbered(c, steps, c.rng.int(2, 4)), code(c, c.rng.int(1, 3))),
  Resolution: (c) => join(numbered(c, steps, c.rng.int(3, 6)), code(c, c.rng.int(2, 4)), paragraph(c, prose, 1)),
  Procedure: (c) => join(paragraph(c, prose, 1), numbered(c, steps, c.rng.int(4, 7)), code(c, c.rng.int(2, 4))),
  Rollback: (c) => join(numbered(c, rollbackSteps, c.rng.int(2, 4)), code(c, 1)),
  Steps: (c) => join(numbered(c, steps, c.rng.int(3, 6)), code(c, c.rng.int(1, 3))),
  Overview: (c) => join(paragraph(c, prose, c.rng.int(2, 4)), paragraph(c, prose, c.rng.int(1, 3))),
  Prerequisites: (c) => bullets(c, ['Access to the `{ns}` namespace.', 'A VPN connection.', 'Membership of {team} or the on-call group.', 'The `kubectl` and `psql` clients.'], c.rng.int(2, 4)),
  Diagnosis: (c) => join(paragraph(c, prose, 1), code(c, c.rng.int(2, 4)), paragraph(c, causes, 1)),
  Verification: (c) => join(paragraph(c, prose, 1), code(c, c.rng.int(1, 2))),
  Escalation: (c) => wrap(fill(c, 'If the steps above do not help within 30 minutes, page the secondary on-call of {team} and open a P2 incident.')),
  Configuration: (c) =>
    join(paragraph(c, prose, 1), [
      '| Setting | Default | Notes |',
      '| --- | --- | --- |',
      `| \`pool_size\` | ${c.rng.int(5, 40)} | per replica |`,
      `| \`timeout_ms\` | ${c.rng.int(2, 30) * 100} | upstream calls |`,
      `| \`replicas\` | ${c.rng.int(2, 12)} | autoscaled |`,
    ]),
  Endpoints: (c) =>
    join(paragraph(c, prose, 1), [
      '| Port | Protocol | Purpose |',
      '| --- | --- | --- |',
      '| 8080 | HTTP | public API |',
      '| 9090 | HTTP | metrics |',
      `| ${c.rng.int(5000, 5999)} | gRPC | internal calls |`,
    ]),
  Questions: (c) => c.rng.sample(questions, c.rng.int(3, 5)).flatMap(([q, a], i) => [...(i > 0 ? [''] : []), `### ${fill(c, q)}`, '', ...wrap(fill(c, a))]),
  Background: (c) => join(paragraph(c, prose, c.rng.int(2, 3)), paragraph(c, causes, 1)),
}

const extras: Record<string, readonly string[]> = {
  known_error: ['Overview', 'Diagnosis', 'Verification', 'Escalation'],
  troubleshooting: ['Overview', 'Diagnosis', 'Verification', 'Escalation'],
  runbook: ['Overview', 'Prerequisites', 'Verification', 'Escalation'],
  how_to: ['Overview', 'Prerequisites', 'Verification'],
  faq: ['Overview', 'Questions', 'Escalation'],
  reference: ['Overview', 'Configuration', 'Endpoints'],
}

/**
 * The body of a knowledge article: a title, an introduction, the required sections in a natural order, optional
 * sections until the body has about `targetLines` lines, and a list of related articles.
 */
export function articleBody(
  rng: Random,
  options: { title: string; type: string; required: readonly string[]; service: ServiceRef; links: readonly LinkRef[]; targetLines: number },
): string {
  const { service, links } = options
  const namespace = service.id.replace(/-(api|worker|ui|db|cache|consumer|scheduler|gateway|admin|etl)$/, '')
  const optional = extras[options.type] ?? ['Overview']
  // Types without required sections (faq, reference) lead with their characteristic section.
  const headings = options.required.length > 0 ? [...options.required] : [options.type === 'faq' ? 'Questions' : 'Configuration']
  const ctx: BodyContext = { rng, service, namespace, links, headings }
  const chosen: string[] = []
  const rendered = new Map<string, string[]>()
  const count = (): number =>
    [...rendered.values()].reduce((n, lines) => n + lines.length + 2, 4) + (links.length > 0 ? links.length + 2 : 0)
  for (const heading of headings) rendered.set(heading, sections[heading]?.(ctx) ?? paragraph(ctx, prose, 2))
  for (const heading of rng.sample(optional, optional.length)) {
    if (count() >= options.targetLines) break
    if (headings.includes(heading)) continue
    chosen.push(heading)
    rendered.set(heading, sections[heading]?.(ctx) ?? paragraph(ctx, prose, 2))
  }
  // Grow the required sections with more prose until the body is long enough.
  let guard = 0
  while (count() < options.targetLines && guard++ < 20) {
    const heading = rng.pick(headings)
    rendered.set(heading, join(rendered.get(heading) ?? [], paragraph(ctx, prose, rng.int(2, 4))))
  }
  const order = [...(chosen.includes('Overview') ? ['Overview'] : []), ...(chosen.includes('Prerequisites') ? ['Prerequisites'] : []), ...headings, ...chosen.filter((h) => h !== 'Overview' && h !== 'Prerequisites')]
  const out: string[] = [`# ${options.title}`, '', ...wrap(fill(ctx, rng.pick(prose)))]
  if (headings.includes('Symptoms') && rng.chance(0.5)) out.push('', ...wrap(`Start with the [symptoms](#symptoms) to confirm that this article applies.`))
  for (const heading of order) out.push('', `## ${heading}`, '', ...(rendered.get(heading) ?? []))
  if (links.length > 0) {
    out.push('', '## Related articles', '')
    for (const link of links) out.push(...wrap(`[${link.text}](${link.href})`, '- ', '  '))
  }
  return `${out.join('\n')}\n`
}

export interface PostmortemInput {
  id: string
  title: string
  service: ServiceRef
  priority: string
  events: readonly { at: string; text: string }[]
  rootCause: string
  actions: readonly { title: string; owner: string; due: string; done: boolean }[]
  links: readonly LinkRef[]
  resolved: boolean
  /** Whether the body is a postmortem (a resolved incident of a priority that needs one). */
  postmortem: boolean
  sections: readonly string[]
}

/** The Markdown body of an incident: a postmortem once resolved, else the running notes. */
export function incidentBody(rng: Random, input: PostmortemInput): string {
  const ctx: BodyContext = { rng, service: input.service, namespace: input.service.id, links: input.links, headings: [] }
  const out: string[] = [`# ${input.id}: ${input.title}`]
  const timeline = input.events.flatMap((e) => wrap(`${e.at}: ${e.text}`, '- ', '  '))
  if (!input.postmortem) {
    out.push('', input.resolved ? '## Resolution' : '## Current status', '', ...paragraph(ctx, prose, 2), '', '## Timeline', '', ...timeline)
    return `${out.join('\n')}\n`
  }
  const byName: Record<string, string[]> = {
    Summary: wrap(`${input.priority} incident on ${input.service.title}. ${fill(ctx, rng.pick(prose))} ${fill(ctx, rng.pick(prose))}`),
    Impact: join(wrap(fill(ctx, `Customers of {title} were affected while the incident lasted. About {pct} % of requests failed at the worst point.`)), bullets(ctx, symptoms, rng.int(2, 3))),
    Timeline: timeline,
    'Root cause': join(wrap(input.rootCause), paragraph(ctx, causes, 1)),
    'Action items': input.actions.flatMap((a) => wrap(`[${a.done ? 'x' : ' '}] ${a.title} (${a.owner}, due ${a.due})`, '- ', '  ')),
  }
  for (const section of input.sections) out.push('', `## ${section}`, '', ...(byName[section] ?? paragraph(ctx, prose, 2)))
  if (input.links.length > 0) {
    out.push('', '## References', '')
    for (const link of input.links) out.push(...wrap(`[${link.text}](${link.href})`, '- ', '  '))
  }
  return `${out.join('\n')}\n`
}

/** The Markdown body of a problem record. */
export function problemBody(rng: Random, input: { id: string; title: string; service: ServiceRef; rootCause?: string; links: readonly LinkRef[] }): string {
  const ctx: BodyContext = { rng, service: input.service, namespace: input.service.id, links: input.links, headings: [] }
  const out: string[] = [`# ${input.id}: ${input.title}`]
  if (input.rootCause) {
    // A resolved problem carries its postmortem: the sections incidents.postmortem.sections asks for.
    out.push('', '## Summary', '', ...paragraph(ctx, symptoms, 2), '', '## Impact', '', ...paragraph(ctx, prose, 2))
    out.push('', '## Timeline', '', ...paragraph(ctx, prose, 1), '', '## Root cause', '', ...wrap(input.rootCause), '', ...code(ctx, 2))
    out.push('', '## Action items', '', ...paragraph(ctx, prose, 1))
  } else {
    out.push('', '## Description', '', ...paragraph(ctx, symptoms, 2), '', ...paragraph(ctx, prose, 2))
    out.push('', '## Analysis', '', ...paragraph(ctx, causes, 1), '', ...code(ctx, 2))
  }
  if (input.links.length > 0) {
    out.push('', '## Related records', '')
    for (const link of input.links) out.push(...wrap(`[${link.text}](${link.href})`, '- ', '  '))
  }
  return `${out.join('\n')}\n`
}
