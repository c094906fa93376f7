import type { Severity } from '../diagnostics/diagnostic.js'
import type { Kind } from './kinds.js'

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

/** A named clock for SLAs and support hours. `24x7` is built in. */
export interface Calendar {
  timezone: string
  /** Per weekday, one or more `HH:MM-HH:MM` ranges separated by commas; a missing day has no hours. */
  hours: Partial<Record<Weekday, string>>
  holidays: string[]
}

export interface RecordPaths {
  services: string
  slas: string
  changes: string
  standard_changes: string
  incidents: string
  problems: string
  knowledge: string
}

/** The repository configuration (`gitsm.yaml`) with every default applied. */
export interface Config {
  organization?: string
  timezone: string
  paths: RecordPaths
  calendars: Record<string, Calendar>
  teams: Record<string, string[]>
  knowledge: {
    sections: Record<string, string[]>
    review_interval: string
    expiring_within: string
  }
  incidents: {
    postmortem: { required_for: string[]; due: string; sections: string[] }
  }
  /** The change policy, as written; checked by the schema, interpreted by the policy engine. */
  policy?: Record<string, unknown>
  /** Globs (relative to the root) of files under the record folders that are not records. */
  ignore: string[]
  /** Per-rule severity overrides; `off` turns a rule off. */
  rules: Record<string, Severity | 'off'>
}

/** The folder (from the config) where each kind's records live. */
export function kindFolder(config: Config, kind: Kind): string {
  switch (kind) {
    case 'Service':
      return config.paths.services
    case 'SLA':
      return config.paths.slas
    case 'StandardChange':
      return config.paths.standard_changes
    case 'Change':
      return config.paths.changes
    case 'Incident':
      return config.paths.incidents
    case 'Problem':
      return config.paths.problems
    case 'Article':
      return config.paths.knowledge
  }
}
