import { expect } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import { validateConfig } from '../../src/config/validate.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { classifyRecord } from '../../src/lint/classify.js'
import type { Config } from '../../src/model/config.js'
import type { PolicyResult, PolicySnapshot, PullRequestCommit, Review } from '../../src/model/policy.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { parseRecordFile, parseYaml } from '../../src/parse/index.js'
import { evaluatePolicy } from '../../src/policy/index.js'

export const headSha = '4f1c0de5e1a9b7c3d2e8f6a4b2c0d9e7f5a3b1c9'
export const oldSha = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b'
export const baseSha = '1111111111111111111111111111111111111111'

/** The policy of FORMAT.md, without freezes (the freeze tests add their own). */
export const standardPolicy = `
separation_of_duties: true
stale_approvals: dismiss
lead_time: { normal: 48h }
risk_floor: { 1: medium }
governance:
  - { team: "@acme/cab", count: 2 }
approvals:
  - match: { type: normal, risk: [high, critical] }
    require: [ { team: "@acme/cab", count: 2 }, { owners: true, count: 1 } ]
  - match: { type: normal }
    require: [ { owners: true, count: 1 } ]
  - match: { type: emergency }
    require: [ { team: "@acme/ecab", count: 1 } ]
  - match: { type: standard }
    require: [ { any: true, count: 1 } ]
emergency: { review_within: 72h }
`

/** Who is who in the scenarios: alex opens the pull request, dana requests the change, erik implements it. */
export const defaultTeams: Record<string, string[]> = {
  '@acme/cab': ['alice', 'bob', 'carol'],
  '@acme/ecab': ['erin', 'bob'],
  '@acme/payments': ['pat', 'paula'],
  '@acme/data': ['dora'],
}

export interface ServiceSpec {
  owner: string
  tier: number
}

/** payments-api is tier 1 (floor medium), postgres-main tier 2, reports tier 3 and owned by one person. */
export const defaultServices: Record<string, ServiceSpec> = {
  'payments-api': { owner: '@acme/payments', tier: 1 },
  'postgres-main': { owner: '@acme/data', tier: 2 },
  reports: { owner: '@ruth', tier: 3 },
}

/** The fields of a change; `undefined` leaves a field out. Lists and maps are written in flow style, one line each. */
export interface ChangeFields {
  id?: string
  type?: string
  status?: string
  services?: string[]
  requested_by?: string
  implementer?: string
  risk?: string
  window?: { start: string; end: string } | undefined
  plan?: string
  rollback_plan?: string
  review?: { outcome: string; completed_at: string } | undefined
  title?: string
}

export const defaultChange: Required<Omit<ChangeFields, 'review'>> = {
  id: 'CHG-0042',
  title: 'Upgrade reports',
  type: 'normal',
  status: 'submitted',
  services: ['reports'],
  requested_by: '@dana',
  implementer: '@erik',
  risk: 'low',
  window: { start: '2026-12-03T22:00:00+01:00', end: '2026-12-04T01:00:00+01:00' },
  plan: 'Upgrade in place.',
  rollback_plan: 'Restore the snapshot.',
}

/** A change record's YAML text: one field a line, in a fixed order, so tests can find a field's line. */
export function changeText(fields: ChangeFields = {}): string {
  const f: ChangeFields = { ...defaultChange, ...fields }
  const out = ['kind: Change']
  for (const key of ['id', 'title', 'type', 'status', 'services', 'requested_by', 'implementer', 'risk', 'window', 'plan', 'rollback_plan', 'review'] as const) {
    const value = f[key]
    if (value === undefined) continue
    if (Array.isArray(value)) out.push(`${key}: [${value.join(', ')}]`)
    else if (typeof value === 'object') out.push(`${key}:`, ...Object.entries(value).map(([k, v]) => `  ${k}: ${String(v)}`))
    else out.push(`${key}: ${/^@/.test(value) ? JSON.stringify(value) : value}`)
  }
  return `${out.join('\n')}\n`
}

export function serviceText(id: string, spec: ServiceSpec): string {
  return `kind: Service\nid: ${id}\ntitle: ${id}\nowner: "${spec.owner}"\ntier: ${spec.tier}\nlifecycle: live\n`
}

/** Parses and classifies a record as the engine does; fails the test if it does not parse. */
export function recordOf(file: string, text: string): ItsmRecord {
  const parsed = parseRecordFile({ path: file, text })
  if (!parsed.ok) throw new Error(`${file} did not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`)
  const record = classifyRecord(parsed.value, defaultConfig())
  if (!record) throw new Error(`${file} has no kind`)
  return record
}

/** A gitsm.yaml with this policy section (`null`: none), checked like the real one. */
export function configOf(policy: string | null): Config {
  const body = policy === null ? '' : `policy:\n${policy.replace(/^\n/, '').replace(/^(?=.)/gm, '  ')}`
  const text = `organization: acme\ntimezone: Europe/Berlin\n${body}`
  const parsed = parseYaml(text, { file: 'gitsm.yaml' })
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '))
  const { config, diagnostics } = validateConfig(parsed.value.data, parsed.value.locate, 'gitsm.yaml')
  if (diagnostics.length > 0) throw new Error(`test config is invalid: ${diagnostics.map((d) => `${d.ruleId} ${d.message}`).join('; ')}`)
  return config
}

export interface ChangeSpec {
  file?: string
  /** A record's text, or fields over `defaultChange`; `null` where the version does not exist. */
  base?: string | ChangeFields | null
  head?: string | ChangeFields | null
}

export interface Scenario {
  policy?: string | null
  services?: Record<string, ServiceSpec>
  /** Services that exist only at the head (added by the pull request). */
  newServices?: Record<string, ServiceSpec>
  changes?: ChangeSpec[]
  reviews?: Review[]
  commits?: PullRequestCommit[]
  author?: string
  openedAt?: string
  /** Changed files besides the change records. */
  files?: string[]
  teams?: Record<string, string[]>
  headDiagnostics?: Diagnostic[]
}

/** The text of one version of a change, as the scenario gives it. */
export function versionText(spec: string | ChangeFields | null | undefined): string | undefined {
  if (spec === null || spec === undefined) return undefined
  return typeof spec === 'string' ? spec : changeText(spec)
}

export function snapshotOf(scenario: Scenario): PolicySnapshot {
  const services = scenario.services ?? defaultServices
  const serviceMap = (specs: Record<string, ServiceSpec>): Map<string, ItsmRecord> =>
    new Map(Object.entries(specs).map(([id, spec]) => [id, recordOf(`services/${id}.yaml`, serviceText(id, spec))]))
  const changes = (scenario.changes ?? []).map((spec) => {
    const file = spec.file ?? 'changes/CHG-0042.yaml'
    const base = versionText(spec.base)
    const head = versionText(spec.head)
    return { file, base: base === undefined ? undefined : recordOf(file, base), head: head === undefined ? undefined : recordOf(file, head) }
  })
  return {
    base: { sha: baseSha, config: configOf(scenario.policy === undefined ? standardPolicy : scenario.policy), services: serviceMap(services) },
    head: { sha: headSha, services: serviceMap({ ...services, ...scenario.newServices }) },
    changedFiles: [...changes.map((c) => c.file), ...(scenario.files ?? [])],
    changes,
    headDiagnostics: scenario.headDiagnostics ?? [],
    pr: {
      number: 7,
      author: scenario.author ?? 'alex',
      openedAt: Date.parse(scenario.openedAt ?? '2026-11-20T09:00:00Z'),
      commits: scenario.commits ?? [{ sha: headSha, author: 'alex', committer: 'alex' }],
      reviews: scenario.reviews ?? [],
    },
    teams: new Map(Object.entries(scenario.teams ?? defaultTeams)),
  }
}

export const defaultNow = '2026-11-20T12:00:00Z'

export function evaluate(scenario: Scenario, now = defaultNow): PolicyResult {
  return evaluatePolicy(snapshotOf(scenario), new Date(now))
}

let reviewIds = 1000

export interface ReviewOptions {
  state?: Review['state']
  commit?: string
  at?: string
  id?: number
  association?: string
  bot?: boolean
}

/** A review on the head commit by someone with write access, approving unless told otherwise. */
export function review(login: string, options: ReviewOptions = {}): Review {
  return {
    login,
    state: options.state ?? 'APPROVED',
    commitId: options.commit ?? headSha,
    submittedAt: options.at ?? '2026-11-20T10:00:00Z',
    id: options.id ?? reviewIds++,
    authorAssociation: options.association ?? 'MEMBER',
    isBot: options.bot ?? false,
  }
}

export function approvals(...logins: string[]): Review[] {
  return logins.map((login) => review(login))
}

/** A scenario with one change moving from `base` to `head` (fields over the default change). */
export function oneChange(base: ChangeFields | null, head: ChangeFields | null, rest: Omit<Scenario, 'changes'> = {}): Scenario {
  return { ...rest, changes: [{ base, head }] }
}

/** The rule ids of a result's violations, those of every change and those of the pull request. */
export function ruleIds(result: PolicyResult): string[] {
  return [...result.changes.flatMap((c) => c.violations), ...result.violations].map((d) => d.ruleId).sort()
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  if (index < 0) throw new Error(`${needle} not in ${text}`)
  return index + 1
}

/** Every violation is an error with a file-free message. */
export function expectWellFormed(result: PolicyResult): void {
  for (const d of [...result.changes.flatMap((c) => c.violations), ...result.violations]) {
    expect(d.severity).toBe('error')
    expect(d.ruleId).toMatch(/^[a-z]+\/[a-z-]+$/)
    expect(d.message).not.toMatch(/\.(ya?ml|md):\d/)
  }
}
