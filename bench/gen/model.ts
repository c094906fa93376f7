/** The in-memory organisation the generator writes: every record with its creation time and final state. */
import type { Random } from './random.js'
import type { Scheduler } from './schedule.js'
import { organization, standardModels } from './vocabulary.js'

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

export const maxRisk = (a: Risk, b: Risk): Risk => (riskOrder.indexOf(a) >= riskOrder.indexOf(b) ? a : b)

/** The lowest risk a change may declare on these services (policy.risk_floor: tier 1 is at least medium). */
export function riskFloor(services: readonly Service[]): Risk {
  return services.some((s) => s.tier === 1) ? 'medium' : 'low'
}
