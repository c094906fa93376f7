import type { Diagnostic, RecordPath } from '../diagnostics/diagnostic.js'
import type { Weekday } from '../model/config.js'
import { isTimeZone, parseClockTime, parseDuration, parseTimestamp } from '../time/timestamp.js'
import { map, show, stringItems, text } from './data.js'

export const risks = ['low', 'medium', 'high', 'critical'] as const
export type Risk = (typeof risks)[number]
const weekdays: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** One approval requirement; `label` is how results name it: `@acme/cab`, `owners`, `any`. */
export type Requirement = { count: number; label: string } & ({ kind: 'team'; team: string } | { kind: 'owners' } | { kind: 'any' })

export interface ApprovalRule {
  index: number
  name?: string
  type?: string
  risks?: readonly string[]
  require: Requirement[]
}

interface FreezeScope {
  index: number
  name: string
  allow: readonly string[]
  tiers?: readonly number[]
  services?: readonly string[]
}
export type Freeze = FreezeScope &
  ({ kind: 'absolute'; start: number; end: number; startText: string; endText: string } | { kind: 'weekly'; days: readonly Weekday[]; start: number; end: number; timezone: string })

/** The change policy of gitsm.yaml, read into the engine's terms with FORMAT.md's defaults applied. */
export interface Policy {
  /** False when gitsm.yaml has no `policy` section: no approval can then be judged. */
  configured: boolean
  separationOfDuties: boolean
  staleApprovals: 'dismiss' | 'keep'
  /** Minutes per change type. */
  leadTime: Readonly<Record<string, number>>
  freezes: readonly Freeze[]
  riskFloor: Readonly<Record<number, Risk>>
  governance?: Requirement[]
  approvals?: ApprovalRule[]
  /** Minutes after `window.end` by which an emergency change needs its review. */
  reviewWithin?: number
}

/**
 * Reads the raw, schema-checked `policy` section. The schema makes the problems below impossible in practice; they
 * are still reported (rule `policy/config`, which rejects) so that a policy the engine cannot read never passes.
 */
export function readPolicy(raw: Record<string, unknown> | undefined): { policy: Policy; problems: Diagnostic[] } {
  const problems: Diagnostic[] = []
  const problem = (path: RecordPath, message: string): void => {
    problems.push({ ruleId: 'policy/config', severity: 'error', file: 'gitsm.yaml', path: ['policy', ...path], message: `\`policy.${path.join('.')}\` ${message}` })
  }
  const p = raw ?? {}
  const sod = p.separation_of_duties ?? true
  if (typeof sod !== 'boolean') problem(['separation_of_duties'], 'must be true or false.')
  const stale = p.stale_approvals ?? 'dismiss'
  if (stale !== 'dismiss' && stale !== 'keep') problem(['stale_approvals'], 'must be `dismiss` or `keep`.')
  const policy: Policy = {
    configured: raw !== undefined,
    separationOfDuties: sod !== false,
    staleApprovals: stale === 'keep' ? 'keep' : 'dismiss',
    leadTime: readDurations(map(p.lead_time) ?? {}, ['lead_time'], problem),
    freezes: Array.isArray(p.freeze) ? p.freeze.flatMap((f: unknown, i) => readFreeze(f, i, problem)) : [],
    riskFloor: readRiskFloor(map(p.risk_floor) ?? {}, problem),
  }
  if (p.governance !== undefined) policy.governance = readRequirements(p.governance, ['governance'], problem)
  if (p.approvals !== undefined) policy.approvals = readRules(p.approvals, problem)
  const within = map(p.emergency)?.review_within
  if (within !== undefined) policy.reviewWithin = readDurations({ review_within: within }, ['emergency'], problem).review_within
  return { policy, problems }
}

type Problem = (path: RecordPath, message: string) => void

function readDurations(values: Record<string, unknown>, path: RecordPath, problem: Problem): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(values)) {
    const minutes = parseDuration(value)
    if (minutes === undefined) problem([...path, key], 'is not a duration such as `48h`.')
    else out[key] = minutes
  }
  return out
}

function readRiskFloor(values: Record<string, unknown>, problem: Problem): Record<number, Risk> {
  const out: Record<number, Risk> = {}
  for (const [tier, risk] of Object.entries(values)) {
    if ((risks as readonly unknown[]).includes(risk) && /^[1-4]$/.test(tier)) out[Number(tier)] = risk as Risk
    else problem(['risk_floor', tier], 'must map a tier 1..4 to low, medium, high or critical.')
  }
  return out
}

function readRules(value: unknown, problem: Problem): ApprovalRule[] {
  if (!Array.isArray(value)) return (problem(['approvals'], 'must be a list of rules.'), [])
  return value.flatMap((item: unknown, index): ApprovalRule[] => {
    const rule = map(item)
    const match = map(rule?.match)
    if (!rule || !match) return (problem(['approvals', index], 'must have `match` and `require`.'), [])
    const out: ApprovalRule = { index, require: readRequirements(rule.require, ['approvals', index, 'require'], problem) }
    if (text(rule.name)) out.name = text(rule.name)
    if (match.type !== undefined) out.type = show(match.type)
    if (match.risk !== undefined) out.risks = Array.isArray(match.risk) ? match.risk.map(show) : [show(match.risk)]
    return [out]
  })
}

function readRequirements(value: unknown, path: RecordPath, problem: Problem): Requirement[] {
  if (!Array.isArray(value) || value.length === 0) return (problem(path, 'must list at least one requirement.'), [])
  return value.flatMap((item: unknown, index): Requirement[] => {
    const r = map(item)
    const count = r?.count
    const team = text(r?.team)
    const kinds = [team !== undefined, r?.owners === true, r?.any === true].filter(Boolean).length
    if (!r || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || kinds !== 1) {
      return (problem([...path, index], 'must be exactly one of `team`, `owners: true` or `any: true`, with a whole `count` of at least 1.'), [])
    }
    if (team !== undefined) return [{ kind: 'team', team, count, label: team }]
    return [r.owners === true ? { kind: 'owners', count, label: 'owners' } : { kind: 'any', count, label: 'any' }]
  })
}

function readFreeze(value: unknown, index: number, problem: Problem): Freeze[] {
  const f = map(value)
  const bad = (message: string): Freeze[] => (problem(['freeze', index], message), [])
  if (!f) return bad('must be a freeze with `name`, `start` and `end`.')
  const scope: FreezeScope = { index, name: text(f.name) ?? `#${index + 1}`, allow: stringItems(f.allow).map((a) => a.value) }
  if (f.tiers !== undefined) scope.tiers = Array.isArray(f.tiers) ? f.tiers.filter((t): t is number => typeof t === 'number') : []
  if (f.services !== undefined) scope.services = stringItems(f.services).map((s) => s.value)
  if (f.days === undefined) {
    const start = parseTimestamp(f.start)
    const end = parseTimestamp(f.end)
    if (start === undefined || end === undefined) return bad('needs `start` and `end` timestamps with an offset.')
    return [{ ...scope, kind: 'absolute', start, end, startText: String(f.start), endText: String(f.end) }]
  }
  const days = stringItems(f.days).map((d) => d.value as Weekday)
  const start = parseClockTime(f.start)
  const end = parseClockTime(f.end)
  if (days.length === 0 || !days.every((d) => weekdays.includes(d))) return bad('needs `days` such as `[fri]`.')
  if (start === undefined || end === undefined) return bad('needs `start` and `end` times such as `"16:00"`.')
  if (!isTimeZone(f.timezone)) return bad('needs a `timezone` such as `Europe/Berlin`.')
  return [{ ...scope, kind: 'weekly', days, start, end, timezone: f.timezone as string }]
}
