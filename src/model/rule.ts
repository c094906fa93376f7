import type { RecordPath, RelatedLocation } from '../diagnostics/diagnostic.js'
import type { Config } from './config.js'
import type { Kind } from './kinds.js'
import type { ItsmRecord } from './record.js'

/**
 * Every id the repository holds, per kind, including records that were not parsed in this run
 * (with `--changed-since`, file names carry the ids of the files left unparsed).
 */
export interface RecordIndex {
  /** Whether a record of this kind with this id exists anywhere in the repository. */
  has(kind: Kind, id: string): boolean
  /** The parsed record of this kind and id, if it was parsed in this run. */
  get(kind: Kind, id: string): ItsmRecord | undefined
  /** The files that define this kind and id (more than one is a duplicate). */
  files(kind: Kind, id: string): readonly string[]
}

/** What a rule reports: the record and where inside it; the engine turns it into a Diagnostic. */
export interface RuleReport {
  record: ItsmRecord
  /** Where in the record; the nearest existing ancestor is used when the path does not exist. Default: the root. */
  path?: RecordPath
  /** Point at the key holding `path` rather than its value. */
  part?: 'key' | 'value'
  message: string
  related?: RelatedLocation[]
  /** An explicit 1-based range, for findings in a Markdown body that have no YAML path. */
  range?: { line: number; column: number; endLine: number; endColumn: number }
}

export interface RuleContext {
  /** Every record parsed in this run, in file order. */
  readonly records: readonly ItsmRecord[]
  /** The parsed records of one kind. */
  byKind(kind: Kind): readonly ItsmRecord[]
  readonly index: RecordIndex
  /**
   * Every regular file of the repository (repository-relative paths), for checks of links to files that are not
   * records (images, docs). Empty when the caller did not list the repository.
   */
  readonly files: ReadonlySet<string>
  readonly config: Config
  /** "Now", when the caller fixed it (`--now`) or the front door supplied the clock; rules never read the clock. */
  readonly now: Date | undefined
  report(report: RuleReport): void
}

export interface Rule {
  /** Stable id, `area/what`, e.g. `ref/unknown-service`. */
  id: string
  description: string
  check(context: RuleContext): void
}

/** Declares a rule; an identity function that keeps rule modules uniform and typed. */
export function defineRule(rule: Rule): Rule {
  return rule
}
