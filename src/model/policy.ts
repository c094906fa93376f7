import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Config } from './config.js'
import type { ItsmRecord } from './record.js'

/** A pull-request review as GitHub's REST API reports it (states upper case; webhook payloads use lower case). */
export interface Review {
  /** The reviewer's login. */
  login: string
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED' | 'COMMENTED' | 'PENDING'
  /** The commit the review was given on. */
  commitId: string
  /** RFC 3339; reviews are ordered by this, then by `id`. */
  submittedAt: string
  id: number
  /** OWNER, MEMBER and COLLABORATOR have write access; the others do not. */
  authorAssociation: string
  /** A GitHub App or bot account (`type: Bot`, or a login ending in `[bot]`). */
  isBot: boolean
}

/** A commit of the pull request: its author and committer logins where GitHub knows them. */
export interface PullRequestCommit {
  sha: string
  author?: string
  committer?: string
}

/** What GitHub says about the pull request being judged. */
export interface PullRequestFacts {
  number?: number
  author: string
  /** Epoch milliseconds. */
  openedAt: number
  commits: PullRequestCommit[]
  reviews: Review[]
}

/** One record file as it is at the base and at the head commit (undefined where it does not exist). */
export interface RecordVersions {
  file: string
  base: ItsmRecord | undefined
  head: ItsmRecord | undefined
}

/**
 * Everything the policy is judged on, read once at the edge: the policy, teams and catalog come from the base
 * commit; the changed records from both; the pull-request facts from GitHub (or files, offline).
 */
export interface PolicySnapshot {
  base: { sha: string; config: Config; services: ReadonlyMap<string, ItsmRecord> }
  head: { sha: string; services: ReadonlyMap<string, ItsmRecord> }
  /** Every path that differs between base and head. */
  changedFiles: readonly string[]
  /** Each changed Change record (not standard change models), base and head versions. */
  changes: readonly RecordVersions[]
  /** Problems found reading the head versions of changed records (parse and schema errors): never a pass. */
  headDiagnostics: readonly Diagnostic[]
  pr: PullRequestFacts
  /** Members (logins, lower case) of every team the policy or the owners of touched services name. */
  teams: ReadonlyMap<string, readonly string[]>
}

export type PolicyDecision = 'approved' | 'pending' | 'rejected'

export interface RequirementResult {
  /** The requirement as written: `@acme/cab`, `owners`, `any`. */
  rule: string
  need: number
  /** Logins whose approvals count toward it. */
  have: string[]
  satisfied: boolean
}

/** The verdict on one changed change record. */
export interface ChangeVerdict {
  id: string
  file: string
  decision: PolicyDecision
  transition: { from: string | null; to: string | null }
  requirements: RequirementResult[]
  violations: Diagnostic[]
}

/** An approval that did not count, and why (author, requester, committer, bot, no write access, stale, ...). */
export interface IgnoredApproval {
  login: string
  reason: string
}

export interface PolicyResult {
  decision: PolicyDecision
  changes: ChangeVerdict[]
  /** Approvals for changes to gitsm.yaml or schemas, when the pull request makes any. */
  governance?: { requirements: RequirementResult[]; decision: PolicyDecision; files: string[] }
  ignored: IgnoredApproval[]
  /** Violations not tied to one change (a standing change request, unreadable head records). */
  violations: Diagnostic[]
}
