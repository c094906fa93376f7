import type { RecordPath, RelatedLocation } from '../diagnostics/diagnostic.js'
import type { PullRequestFacts, RequirementResult } from '../model/policy.js'
import type { ApprovalNeed } from './approval-need.js'
import type { ChangeUnderReview } from './changes.js'
import type { Policy } from './policy-config.js'
import type { ReviewFacts } from './reviews.js'
import type { ServiceFact } from './services.js'
import type { TeamDirectory } from './teams.js'

/** What a clause reports; the engine turns it into a positioned Diagnostic on the change's verdict. */
export interface ClauseFinding {
  /** Stable id, `policy/what`. Every id rejects the change except the approval ones (see `decide`). */
  ruleId: string
  message: string
  /** Where in the record; the nearest existing ancestor is used. Default: the root. */
  path?: RecordPath
  /** Point at the key holding `path` rather than its value. */
  part?: 'key' | 'value'
  /** The version the path points into: the head by default (the base for a deleted change). */
  at?: 'base' | 'head'
  /** Another file to point at instead (`gitsm.yaml` for a policy problem), without a position. */
  file?: string
  related?: RelatedLocation[]
}

/** Everything a clause may read about one change, and the ways it reports. Read-only; no I/O. */
export interface ChangeContext {
  readonly change: ChangeUnderReview
  readonly policy: Policy
  readonly pr: PullRequestFacts
  /** Epoch milliseconds. */
  readonly now: number
  /** Why this pull request needs the policy's approvals for the change; undefined when it needs none. */
  readonly need: ApprovalNeed | undefined
  /** The services the head version names, with tier and owner. */
  readonly services: readonly ServiceFact[]
  readonly reviews: ReviewFacts
  readonly teams: TeamDirectory
  report(finding: ClauseFinding): void
  /** Records the requirements the change is judged by (the approvals clause). */
  requirements(results: RequirementResult[]): void
  /** Names an approval that does not count, and why. */
  ignore(login: string, reason: string): void
}

/** A policy clause: the same shape as a lint rule, run once per changed change record. */
export interface Clause {
  id: string
  description: string
  check(ctx: ChangeContext): void
}

/** Declares a clause; an identity function that keeps clause modules uniform and typed. */
export function defineClause(clause: Clause): Clause {
  return clause
}
