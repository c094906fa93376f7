/**
 * An independent check that a generated repository follows FORMAT.md: every file parses the same as YAML 1.2 and
 * as the YAML 1.1-era loader of the peer tools, ids and file names agree, references resolve, the service graph is
 * acyclic, timestamps are real and ordered, changes carry the fields their type and status need, windows avoid the
 * freezes and each other, knowledge articles have their sections, postmortems exist, and links resolve.
 * It shares no code with gitsm, so a disagreement between the two points at one of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { parseDocument } from 'yaml'

type Data = Record<string, unknown>
interface Loaded {
  file: string
  data: Data
  body?: string
}

const require = createRequire(import.meta.url)
const jsYaml = require(require.resolve('js-yaml', { paths: [require.resolve('ajv-cli/package.json')] })) as {
  load: (text: string, options: { schema: unknown }) => unknown
  CORE_SCHEMA: unknown
}

const rfc3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/
const datePattern = /^(\d{4})-(\d\d)-(\d\d)$/
const idPatterns: Record<string, RegExp> = {
  Change: /^CHG-[0-9]{4,}$/,
  Incident: /^INC-[0-9]{4,}$/,
  Problem: /^PRB-[0-9]{4,}$/,
  Article: /^KB-[0-9]{4,}$/,
}
const slug = /^[a-z][a-z0-9-]{1,62}$/
const riskOrder = ['low', 'medium', 'high', 'critical']
const sectionsByType: Record<string, string[]> = {
  known_error: ['Symptoms', 'Cause', 'Workaround'],
  troubleshooting: ['Symptoms', 'Resolution'],
  runbook: ['Procedure', 'Rollback'],
  how_to: ['Steps'],
}
const postmortem = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items']

function instant(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN
  const m = rfc3339.exec(value)
  if (!m) return Number.NaN
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  const probe = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s))
  if (probe.getUTCDate() !== d || probe.getUTCHours() !== h || s === 60) return Number.NaN
  return Date.parse(value)
}

function walk(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name
    if (statSync(join(dir, rel)).isDirectory()) out.push(...walk(dir, rel))
    else out.push(rel)
  }
  return out
}

function headings(body: string, level: number): string[] {
  const out: string[] = []
  let fenced = false
  const marker = `${'#'.repeat(level)} `
  for (const line of body.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced
    else if (!fenced && line.startsWith(marker)) out.push(line.slice(marker.length).trim())
  }
  return out
}

const anchorOf = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')

/** Every way the repository at `dir` departs from FORMAT.md, as `file: message` lines (empty when it follows it). */
export function checkRepository(dir: string, now: string): string[] {
  const problems: string[] = []
  const nowMs = Date.parse(now)
  const fail = (file: string, message: string): void => {
    problems.push(`${file}: ${message}`)
  }
  const parse = (file: string, text: string): Data | undefined => {
    const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, merge: false })
    if (doc.errors.length > 0 || doc.warnings.length > 0) {
      fail(file, `YAML: ${[...doc.errors, ...doc.warnings].map((e) => e.message).join('; ')}`)
      return undefined
    }
    if (/(^|[\s[{,])[&*!][^\s]/m.test(text.replace(/"[^"\n]*"/g, '""'))) fail(file, 'anchor, alias or tag')
    const data = doc.toJS() as Data
    const legacy = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(legacy)), JSON.parse(JSON.stringify(data)))) fail(file, 'reads differently in a YAML 1.1-era loader')
    return data
  }

  const config = parse('gitsm.yaml', readFileSync(join(dir, 'gitsm.yaml'), 'utf8')) ?? {}
  const folders: Record<string, string> = { services: 'Service', slas: 'SLA', 'changes/standard': 'StandardChange', changes: 'Change', incidents: 'Incident', problems: 'Problem', kb: 'Article' }
  const records = new Map<string, Map<string, Loaded>>()
  const all: (Loaded & { kind: string })[] = []
  for (const file of walk(dir).filter((f) => !f.startsWith('.git/'))) {
    const folder = Object.keys(folders).find((f) => file.startsWith(`${f}/`) && !file.slice(f.length + 1).includes('/'))
    if (!folder) continue
    const kind = folders[folder] as string
    const text = readFileSync(join(dir, file), 'utf8')
    let data: Data | undefined
    let body: string | undefined
    if (file.endsWith('.md')) {
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text)
      if (!m) {
        fail(file, 'no front matter')
        continue
      }
      data = parse(file, `${m[1]}\n`)
      body = text.slice(m[0].length)
    } else if (/\.ya?ml$/.test(file)) data = parse(file, text)
    else fail(file, 'unexpected extension')
    if (!data) continue
    if (data.kind !== kind) fail(file, `kind ${String(data.kind)} in the ${folder} folder`)
    const id = String(data.id)
    const pattern = idPatterns[kind] ?? slug
    if (!pattern.test(id)) fail(file, `id ${id} does not match ${pattern}`)
    const name = file.split('/').pop() as string
    if (!name.startsWith(`${id}.`) && !name.startsWith(`${id}-`)) fail(file, `file name does not start with id ${id}`)
    if (typeof data.title !== 'string' || data.title === '') fail(file, 'no title')
    if (data.apiVersion !== undefined && data.apiVersion !== 'gitsm/v1') fail(file, 'apiVersion')
    const byId = records.get(kind) ?? new Map<string, Loaded>()
    records.set(kind, byId)
    if (byId.has(id)) fail(file, `duplicate id ${id}`)
    const loaded: Loaded = body === undefined ? { file, data } : { file, data, body }
    byId.set(id, loaded)
    all.push({ ...loaded, kind })
  }

  const has = (kind: string, id: unknown): boolean => typeof id === 'string' && (records.get(kind)?.has(id) ?? false)
  const ref = (file: string, kind: string, value: unknown, field: string): void => {
    for (const id of Array.isArray(value) ? value : value === undefined ? [] : [value]) if (!has(kind, id)) fail(file, `${field}: unknown ${kind} ${String(id)}`)
  }
  const services = records.get('Service') ?? new Map<string, Loaded>()
  const tierOf = (id: string): number => Number(services.get(id)?.data.tier ?? 4)
  const freezes = ((config.policy as Data | undefined)?.freeze as Data[] | undefined) ?? []
  const windows = new Map<string, [number, number, string][]>()
  const handle = /^@[A-Za-z0-9-]+(\/[a-z0-9-]+)?$/

  for (const { file, data, body, kind } of all) {
    const at = (field: string, value: unknown): number => {
      const t = instant(value)
      if (Number.isNaN(t)) fail(file, `${field}: not an RFC 3339 timestamp with offset: ${String(value)}`)
      return t
    }
    for (const [k, v] of Object.entries(data)) {
      if (['owner', 'requested_by', 'implementer'].includes(k) && !handle.test(String(v))) fail(file, `${k}: not a GitHub handle`)
      if (['reviewed_at', 'review_by', 'approved_at'].includes(k) && !datePattern.test(String(v))) fail(file, `${k}: not a date`)
    }
    if (kind === 'Service') {
      ref(file, 'Service', data.depends_on, 'depends_on')
      ref(file, 'Article', data.runbooks, 'runbooks')
      if (![1, 2, 3, 4].includes(Number(data.tier))) fail(file, 'tier')
    } else if (kind === 'SLA' || kind === 'StandardChange') {
      ref(file, 'Service', data.services, 'services')
    } else if (kind === 'Change') {
      ref(file, 'Service', data.services, 'services')
      const status = String(data.status)
      const type = String(data.type)
      const window = data.window as Data | undefined
      if (!window && status !== 'draft' && status !== 'cancelled') fail(file, 'window required')
      if (type === 'standard') {
        ref(file, 'StandardChange', data.model, 'model')
        const model = records.get('StandardChange')?.get(String(data.model))?.data
        const allowed = (model?.services as string[] | undefined) ?? []
        for (const s of data.services as string[]) if (allowed.length > 0 && !allowed.includes(s)) fail(file, `service ${s} outside model ${String(data.model)}`)
        if (riskOrder.indexOf(String(data.risk)) > riskOrder.indexOf(String(model?.max_risk))) fail(file, 'risk above the model max_risk')
      } else if (!data.plan || !data.rollback_plan) fail(file, 'plan and rollback_plan required')
      const floor = (data.services as string[]).some((s) => tierOf(s) === 1) ? 1 : 0
      if (riskOrder.indexOf(String(data.risk)) < floor) fail(file, 'risk below the tier-1 floor')
      if (status === 'closed' && !data.review) fail(file, 'review required before closed')
      const related = (data.related as Data | undefined) ?? {}
      ref(file, 'Incident', related.incidents, 'related.incidents')
      ref(file, 'Problem', related.problems, 'related.problems')
      if (window) {
        const start = at('window.start', window.start)
        const end = at('window.end', window.end)
        if (!(start < end)) fail(file, 'window ends before it starts')
        const review = data.review as Data | undefined
        if (review && !(at('review.completed_at', review.completed_at) >= end)) fail(file, 'review before the window ends')
        if (type === 'emergency' && end + 72 * 3600_000 < nowMs && !review && ['implemented', 'failed', 'rolled_back', 'closed'].includes(status)) fail(file, 'emergency review overdue')
        if (type !== 'emergency') {
          for (const f of freezes) {
            if (typeof f.start === 'string' && f.start.includes('T') && start < instant(f.end) && end > instant(f.start)) fail(file, `window inside ${String(f.name)}`)
          }
          const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(new Date(start))
          if (weekday === 'Fri' && (data.services as string[]).some((s) => tierOf(s) === 1)) fail(file, 'tier-1 window on a Friday')
        }
        for (const s of data.services as string[]) {
          const list = windows.get(s) ?? []
          windows.set(s, list)
          for (const [a, b, other] of list) if (start < b && end > a) fail(file, `window overlaps ${other} on ${s}`)
          list.push([start, end, String(data.id)])
        }
      }
    } else if (kind === 'Incident') {
      ref(file, 'Service', data.services, 'services')
      ref(file, 'Change', data.caused_by, 'caused_by')
      ref(file, 'Problem', data.problem, 'problem')
      const order = ['opened_at', 'acknowledged_at', 'resolved_at', 'closed_at'].filter((k) => data[k] !== undefined).map((k) => at(k, data[k]))
      for (let i = 1; i < order.length; i++) if ((order[i] as number) < (order[i - 1] as number)) fail(file, 'timestamps out of order')
      if (order.some((t) => t > nowMs)) fail(file, 'timestamp after now')
      for (const d of (data.downtime as Data[] | undefined) ?? []) if (!(at('downtime.start', d.start) < at('downtime.end', d.end))) fail(file, 'downtime ends before it starts')
      const timeline = (data.timeline as Data[] | undefined) ?? []
      let last = -Infinity
      for (const entry of timeline) {
        const t = at('timeline.at', entry.at)
        if (t < last) fail(file, 'timeline out of order')
        last = t
        const field = { open: 'opened_at', acknowledged: 'acknowledged_at', resolved: 'resolved_at', closed: 'closed_at' }[String(entry.status)]
        if (field && entry.status !== 'acknowledged' && instant(data[field]) !== t) fail(file, `timeline ${String(entry.status)} disagrees with ${field}`)
      }
      if (timeline.length > 0 && timeline[timeline.length - 1]?.status !== data.status) fail(file, 'last timeline status differs from status')
      if (['P1', 'P2'].includes(String(data.priority)) && data.resolved_at !== undefined) {
        const found = body === undefined ? [] : headings(body, 2)
        for (const s of postmortem) if (!found.includes(s)) fail(file, `postmortem section ${s} missing`)
      }
      if (data.caused_by && (records.get('Change')?.get(String(data.caused_by))?.data.window as Data | undefined)?.start !== undefined) {
        const cause = records.get('Change')?.get(String(data.caused_by))?.data.window as Data
        if (instant(cause.start) > instant(data.opened_at)) fail(file, 'caused by a change that started later')
      }
    } else if (kind === 'Problem') {
      ref(file, 'Service', data.services, 'services')
      ref(file, 'Incident', data.incidents, 'incidents')
      ref(file, 'Article', data.workaround, 'workaround')
      ref(file, 'Change', data.fix, 'fix')
      for (const id of (data.incidents as string[] | undefined) ?? []) {
        const back = records.get('Incident')?.get(id)?.data.problem
        if (back !== data.id) fail(file, `incident ${id} names problem ${String(back)}`)
      }
    } else if (kind === 'Article') {
      ref(file, 'Service', data.services, 'services')
      const required = sectionsByType[String(data.type)] ?? []
      const found = headings(body ?? '', 2)
      for (const s of required) if (!found.includes(s)) fail(file, `section ${s} missing`)
      const lines = (body ?? '').split('\n').length
      if (lines < 30 || lines > 130) fail(file, `body has ${lines} lines`)
      if (data.status === 'published' && Date.parse(String(data.review_by)) < nowMs + 30 * 86400_000) fail(file, 'review_by expired or expiring')
      if (!(String(data.reviewed_at) < String(data.review_by))) fail(file, 'review_by before reviewed_at')
    }
    if (body !== undefined) {
      const base = file.slice(0, file.lastIndexOf('/'))
      for (const m of body.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1] as string
        if (/^[a-z]+:/.test(target)) continue
        const [path, fragment] = target.split('#') as [string, string | undefined]
        const resolved = path === '' ? file : join(base, path).replace(/\\/g, '/')
        let text: string
        try {
          text = readFileSync(join(dir, resolved), 'utf8')
        } catch {
          fail(file, `link to missing ${target}`)
          continue
        }
        if (fragment && !text.split('\n').some((l) => /^#{1,6} /.test(l) && anchorOf(l.replace(/^#+ /, '')) === fragment)) fail(file, `link to missing anchor ${target}`)
      }
    }
  }

  // The service graph has no cycle.
  const state = new Map<string, number>()
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 2) return
    if (state.get(id) === 1) {
      fail(`services/${id}.yaml`, `depends_on cycle ${[...path, id].join(' -> ')}`)
      return
    }
    state.set(id, 1)
    for (const dep of (services.get(id)?.data.depends_on as string[] | undefined) ?? []) visit(dep, [...path, id])
    state.set(id, 2)
  }
  for (const id of services.keys()) visit(id, [])
  return problems
}
