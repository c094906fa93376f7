import type { Review } from '../model/policy.js'
import type { ItsmRecord } from '../model/record.js'
import { joinAnd, loginKey } from '../policy/handles.js'
import { approvedOrLater } from '../policy/lifecycle.js'
import { map, text } from '../rules/util.js'
import { changeWindow, compare, statusOf } from './record-facts.js'

/** One version of a record file on the mainline: the commit that made it, and the record as that commit holds it. */
export interface RecordVersion {
  commit: string
  /** Committer time, epoch milliseconds. */
  committed_at: number
  /** The whole commit message. */
  message: string
  /** `Name <email>` of the commit's author. */
  author: string
  /** The record's data; null when the commit deleted the file, or this version cannot be read as a record. */
  data: Record<string, unknown> | null
}

/** What git's history says about one record file. */
export interface RecordHistory {
  /** Relative to the report's folder, forward slashes. */
  file: string
  /** The commits along first parents from HEAD that changed the file, oldest first. */
  mainline: RecordVersion[]
  /**
   * False when the first-parent line ends at a shallow clone's boundary commit that holds the file: `mainline[0]` is
   * then the file as that commit holds it, and whether that commit changed it is unknown.
   */
  mainline_complete: boolean
  /**
   * The earliest commit (by committer time) of the whole history reachable from HEAD that introduced the file, the
   * branch commits of merged pull requests included. Null when no commit holds the file, or when a shallow clone's
   * boundary hides its introduction (`complete` is false then).
   */
  first_commit: { commit: string; committed_at: number } | null
  /** False when a shallow clone's boundary hides part of the file's history (where it began, or `mainline[0]`). */
  complete: boolean
}

/** The history of record files, read from the git repository that holds them. */
export interface HistoryReading {
  /** The commit HEAD names; null in a repository without commits. */
  head: string | null
  /** The clone is shallow: history stops at its boundary commits. */
  shallow: boolean
  /** Per file (relative to the report's folder), for every file asked about. */
  histories: ReadonlyMap<string, RecordHistory>
}

/** What GitHub says about the pull request a commit came from (the one whose merge commit it is). */
export interface PullFacts {
  number: number
  /** The login of the pull request's author. */
  author: string
  /** The committer date of its earliest commit, epoch milliseconds; null when GitHub lists no commit. */
  firstCommitAt: number | null
  /** Every review, in GitHub's order. */
  reviews: readonly Review[]
}

/** The audit evidence of one change. */
export interface AuditEntry {
  change: string
  file: string
  /** Handles as the record writes them. */
  requested_by: string | null
  implementer: string | null
  /** The commit that made the change approved (or re-approved it), its pull request and its committer time. */
  approved_in: { commit: string; pull_request: number | null; at: string } | null
  /** Wall-clock minutes from the record's first commit to `approved_in`; null when either is unknown. */
  lead_time_minutes: number | null
  /** Reviewers whose standing review of `approved_in`'s pull request is an approval; null without GitHub facts. */
  approvals: { login: string; submitted_at: string }[] | null
  /** Stable codes, sorted: see {@link auditFlags}. */
  flags: string[]
  /** One plain sentence per flag, in the order of `flags`. */
  notes: string[]
}

/** The flags an audit entry can carry. */
export const auditFlags = [
  'approved-outside-pull-request',
  'edited-after-approval',
  'history-incomplete',
  'no-approval-in-history',
  'no-history',
  'separation-of-duties',
  'window-before-approval',
] as const

export type AuditFlag = (typeof auditFlags)[number]

/**
 * GitHub facts per commit: the pull request whose merge commit it is, or null when GitHub lists none. A commit that
 * is not in the map was not asked about: its commit message names the pull request, unverified.
 */
export type PullFactsByCommit = ReadonlyMap<string, PullFacts | null>

export interface AuditInput {
  changes: readonly ItsmRecord[]
  /** Undefined when the records are not in a git repository. */
  histories: HistoryReading | undefined
  /** Given when a GitHub token was: the facts of the commits {@link commitsToLookUp} names. */
  pulls?: PullFactsByCommit
}

/** Editing these fields of an approved change needs a new approval (FORMAT.md, "Change policy"). */
const guardedFields = ['window', 'plan', 'rollback_plan', 'services', 'risk', 'type'] as const
const fetchHint = 'fetch the full history: actions/checkout with fetch-depth: 0'

/**
 * The audit evidence of each change, in the order given (Change records only). For a change that is approved or
 * later now: the mainline commit that last made it so (from a version that was not, or from no file), its pull request
 * (from GitHub's facts when given, else from the commit message: `Merge pull request #12 from ...`, or a squash
 * subject ending in `(#12)`), the lead time from the record's first commit, and the flags of {@link auditFlags}.
 * A later mainline commit that edits the window, plan, rollback plan, services, risk or type is flagged
 * `edited-after-approval`, unless GitHub's facts show it came from a pull request with an approving review: that is a
 * new approval and becomes `approved_in`. Changes not approved now (draft, submitted, cancelled) get no approval and
 * no flags.
 */
export function auditChanges(input: AuditInput): AuditEntry[] {
  return input.changes.filter((c) => c.kind === 'Change').map((change) => auditChange(change, input.histories, input.pulls))
}

/**
 * The commits whose GitHub facts the audit uses: per approved-or-later change, the commit that approved it, the later
 * commits that edited its guarded fields (a re-approval?) and the commit that introduced it (a squash merge's
 * branch began earlier). Sorted, without duplicates.
 */
export function commitsToLookUp(changes: readonly ItsmRecord[], histories: HistoryReading | undefined): string[] {
  const commits = new Set<string>()
  for (const change of changes) {
    const history = histories?.histories.get(change.file)
    if (change.kind !== 'Change' || !history || !approvedOrLater.has(statusOf(change) ?? '')) continue
    const trail = approvalTrail(history)
    if (trail.kind !== 'found') continue
    commits.add(history.mainline[trail.index]!.commit)
    for (const edit of trail.edits) commits.add(history.mainline[edit]!.commit)
    if (history.first_commit) commits.add(history.first_commit.commit)
  }
  return [...commits].sort()
}

type Trail = { kind: 'found'; index: number; edits: number[] } | { kind: 'unknown' } | { kind: 'none' }

/**
 * Where the mainline shows the approval: the latest version that is approved or later after one that was not (or no
 * file), provided every version since is approved or later; and the later versions that change a guarded field.
 * `unknown` when the only candidate is a shallow boundary's version.
 */
function approvalTrail(history: RecordHistory): Trail {
  const versions = history.mainline
  const last = versions.at(-1)
  if (!last || !isApproved(last.data)) return { kind: 'none' }
  let index = versions.length - 1
  while (index > 0 && isApproved(versions[index - 1]!.data)) index--
  if (index === 0 && !history.mainline_complete) return { kind: 'unknown' }
  const edits: number[] = []
  for (let i = index + 1; i < versions.length; i++) {
    if (changedFields(versions[i - 1]!.data, versions[i]!.data).length > 0) edits.push(i)
  }
  return { kind: 'found', index, edits }
}

function isApproved(data: Record<string, unknown> | null): boolean {
  return data !== null && approvedOrLater.has(text(data.status) ?? '')
}

function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  return guardedFields.filter((field) => !sameValue(before?.[field], after?.[field]))
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  }
  const x = map(a)
  const y = map(b)
  if (!x || !y) return false
  const keys = Object.keys(x)
  return keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && sameValue(x[key], y[key]))
}

function auditChange(change: ItsmRecord, reading: HistoryReading | undefined, pulls: PullFactsByCommit | undefined): AuditEntry {
  const entry: AuditEntry = {
    change: change.id ?? '',
    file: change.file,
    requested_by: text(change.data.requested_by) ?? null,
    implementer: text(change.data.implementer) ?? null,
    approved_in: null,
    lead_time_minutes: null,
    approvals: null,
    flags: [],
    notes: [],
  }
  const found = new Map<AuditFlag, string>()
  if (approvedOrLater.has(statusOf(change) ?? '')) judgeApproval(change, entry, reading, pulls, found)
  entry.flags = [...found.keys()].sort()
  entry.notes = entry.flags.map((flag) => found.get(flag as AuditFlag)!)
  return entry
}

function judgeApproval(change: ItsmRecord, entry: AuditEntry, reading: HistoryReading | undefined, pulls: PullFactsByCommit | undefined, flags: Map<AuditFlag, string>): void {
  if (!reading || reading.head === null) {
    const why = reading ? 'its git repository has no commit yet' : 'its folder is not in a git repository'
    flags.set('no-history', `There is no git history to show who approved this change: ${why}.`)
    return
  }
  const history = reading.histories.get(change.file)
  const trail: Trail = history ? approvalTrail(history) : { kind: 'none' }
  if (trail.kind === 'unknown') {
    flags.set('history-incomplete', `The change was already approved where this shallow clone's history stops, so the commit that approved it is unknown; ${fetchHint}.`)
    return
  }
  if (trail.kind === 'none' || !history) {
    flags.set('no-approval-in-history', `The change is ${statusOf(change)} now, but no commit on the main line sets it to approved: the status was changed outside the history, or not committed.`)
    return
  }

  const versions = history.mainline
  let approval = versions[trail.index]!
  const unapproved: { version: RecordVersion; fields: string[]; facts: PullFacts | null | undefined }[] = []
  for (const i of trail.edits) {
    const version = versions[i]!
    const facts = pulls?.get(version.commit)
    // An earlier unapproved edit stays flagged: a later pull request's reviewers saw only their own diff.
    if (facts && approversOf(facts).length > 0) {
      approval = version
    } else {
      unapproved.push({ version, fields: changedFields(versions[i - 1]!.data, version.data), facts })
    }
  }

  const facts = pulls?.get(approval.commit)
  const pullRequest = facts === undefined ? pullRequestInMessage(approval.message) : (facts?.number ?? null)
  entry.approved_in = { commit: approval.commit, pull_request: pullRequest, at: rfc3339(approval.committed_at) }
  if (pulls) entry.approvals = facts ? approversOf(facts).map((r) => ({ login: r.login, submitted_at: r.submittedAt })) : []

  if (pullRequest === null) {
    const how =
      facts === null
        ? 'but GitHub knows no pull request that was merged as this commit: it was pushed without review'
        : 'and its message names no pull request, so it looks like a direct push (with a GitHub token gitsm would ask GitHub)'
    flags.set('approved-outside-pull-request', `Commit ${short(approval.commit)} set the change to approved, ${how}.`)
  }
  if (unapproved.length > 0) flags.set('edited-after-approval', editedNote(unapproved, pulls !== undefined))
  const window = changeWindow(change)
  if (window && window.start < approval.committed_at) {
    flags.set('window-before-approval', `The window starts at ${rfc3339(window.start)}, before the approval at ${rfc3339(approval.committed_at)}.`)
  }
  if (facts) {
    const breaches = separationBreaches(facts, change)
    if (breaches.length > 0) flags.set('separation-of-duties', `${joinAnd(breaches)} approved pull request #${facts.number}, which separation of duties forbids.`)
  }

  const first = firstCommitTime(history, pulls)
  if (first === undefined) {
    flags.set('history-incomplete', `This shallow clone's history stops before the record's first commit, so the lead time is unknown; ${fetchHint}.`)
  } else if (first !== null) {
    entry.lead_time_minutes = Math.max(0, approval.committed_at - first) / 60_000
  }
}

/** The record's first commit time; a squash-merged pull request's first commit counts when earlier. Undefined: cut off by a shallow clone. */
function firstCommitTime(history: RecordHistory, pulls: PullFactsByCommit | undefined): number | null | undefined {
  if (!history.first_commit) return history.complete ? null : undefined
  const branchStart = pulls?.get(history.first_commit.commit)?.firstCommitAt
  return typeof branchStart === 'number' ? Math.min(branchStart, history.first_commit.committed_at) : history.first_commit.committed_at
}

const fieldNames: Record<string, string> = { window: 'the window', plan: 'the plan', rollback_plan: 'the rollback plan', services: 'the services', risk: 'the risk', type: 'the type' }

function editedNote(edits: readonly { version: RecordVersion; fields: string[]; facts: PullFacts | null | undefined }[], withFacts: boolean): string {
  const parts = edits.map(({ version, fields, facts }) => {
    const what = `commit ${short(version.commit)} changed ${joinAnd(fields.map((f) => fieldNames[f] ?? f))}`
    if (!withFacts) return what
    return facts ? `${what} in pull request #${facts.number}, which has no approving review` : `${what} outside any pull request`
  })
  if (!withFacts) return `After the change was approved, ${joinAnd(parts)}; without a GitHub token gitsm cannot check whether that was approved again.`
  return `After the change was approved, ${joinAnd(parts)}, without a new approval.`
}

/** Reviewers whose standing review (their latest APPROVED, CHANGES_REQUESTED or DISMISSED one) is an approval, by login. */
function approversOf(facts: PullFacts): Review[] {
  const latest = new Map<string, Review>()
  for (const review of facts.reviews) {
    if (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED' && review.state !== 'DISMISSED') continue
    const key = loginKey(review.login)
    const current = latest.get(key)
    if (!current || compareReviews(review, current) > 0) latest.set(key, review)
  }
  return [...latest.entries()]
    .filter(([, review]) => review.state === 'APPROVED')
    .sort(([a], [b]) => compare(a, b))
    .map(([, review]) => review)
}

function compareReviews(a: Review, b: Review): number {
  return (Date.parse(a.submittedAt) || 0) - (Date.parse(b.submittedAt) || 0) || a.id - b.id
}

/** `@dana (the requester)` for each approver who is the requester, the implementer or the pull request's author. */
function separationBreaches(facts: PullFacts, change: ItsmRecord): string[] {
  const roles: [string | undefined, string][] = [
    [text(change.data.requested_by), 'the requester'],
    [text(change.data.implementer), 'the implementer'],
    [facts.author, 'the pull request author'],
  ]
  const breaches: string[] = []
  for (const approver of approversOf(facts)) {
    const key = loginKey(approver.login)
    const held = roles.filter(([handle]) => handle !== undefined && loginKey(handle) === key).map(([, role]) => role)
    if (held.length > 0) breaches.push(`@${approver.login.replace(/^@/, '')} (${joinAnd(held)})`)
  }
  return breaches
}

/** The pull request a merge or squash commit's message names: `Merge pull request #12 from ...`, or a subject ending in `(#12)`. */
export function pullRequestInMessage(message: string): number | null {
  const subject = message.split('\n', 1)[0]!.trim()
  const match = /^Merge pull request #(\d+) from \S/.exec(subject) ?? /\(#(\d+)\)$/.exec(subject)
  const number = match ? Number(match[1]) : NaN
  return Number.isSafeInteger(number) && number > 0 ? number : null
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z')
}

function short(commit: string): string {
  return commit.slice(0, 7)
}
