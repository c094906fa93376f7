import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { sortDiagnostics } from '../diagnostics/sort.js'
import type { ChangeVerdict, IgnoredApproval, PolicyResult, PolicySnapshot, RequirementResult } from '../model/policy.js'
import { approvalNeed } from './approval-need.js'
import type { ChangeContext, Clause, ClauseFinding } from './clause.js'
import { policyClauses } from './clauses/index.js'
import { changesUnderReview, statusAt, type ChangeUnderReview } from './changes.js'
import { changeRequestViolations } from './changes-requested.js'
import { show } from './data.js'
import { decide, worst } from './decision.js'
import { evaluateGovernance } from './governance.js'
import { readPolicy, type Policy } from './policy-config.js'
import { readReviews, type ReviewFacts } from './reviews.js'
import { serviceCatalog, serviceFacts, type ServiceCatalog } from './services.js'
import { teamDirectory, type TeamDirectory } from './teams.js'

/** Options for `evaluatePolicy`. */
export interface EvaluatePolicyOptions {
  /** The clauses to run on each change, in order. Default: `policyClauses`, the policy of FORMAT.md. */
  clauses?: readonly Clause[]
}

interface Shared {
  clauses: readonly Clause[]
  snapshot: PolicySnapshot
  policy: Policy
  reviews: ReviewFacts
  teams: TeamDirectory
  catalog: ServiceCatalog
  now: number
  ignore(login: string, reason: string): void
}

/**
 * Judges a pull request against the change policy of its base commit (FORMAT.md, "Change policy"). Pure: every fact
 * comes from the snapshot, and "now" is a parameter.
 *
 * Each changed change record gets a verdict from the clauses (`policyClauses`); a change to gitsm.yaml or the
 * schemas needs the governance approvals; unreadable head records, a policy the engine cannot read and standing
 * change requests are violations of the pull request as a whole. The decision is the worst of all: `rejected` when
 * approvals cannot fix it, `pending` when only approvals are missing, else `approved`.
 */
export function evaluatePolicy(snapshot: PolicySnapshot, now: Date, options: EvaluatePolicyOptions = {}): PolicyResult {
  if (!Number.isFinite(now.getTime())) throw new TypeError('evaluatePolicy needs a valid "now"')
  const { policy, problems } = readPolicy(snapshot.base.config.policy)
  const reviews = readReviews(snapshot.pr, snapshot.head.sha, policy)
  const ignored = new Map<string, IgnoredApproval>()
  const ignore = (login: string, reason: string): void => {
    ignored.set(`${login.toLowerCase()}\u0000${reason}`, { login, reason })
  }
  for (const approval of reviews.approvals) if (approval.excluded !== undefined) ignore(approval.login, approval.excluded)
  const teams = teamDirectory(snapshot.teams)
  const shared: Shared = { clauses: options.clauses ?? policyClauses, snapshot, policy, reviews, teams, catalog: serviceCatalog(snapshot), now: now.getTime(), ignore }

  const changes = changesUnderReview(snapshot)
  const verdicts = changes.map((change) => judgeChange(change, shared))
  const claimed = new Set(changes.flatMap((c) => c.headDiagnostics))
  const violations: Diagnostic[] = [...problems, ...snapshot.headDiagnostics.filter((d) => !claimed.has(d)).map(asViolation)]
  const governance = evaluateGovernance(snapshot.changedFiles, policy, reviews, teams, snapshot.pr.commits)
  if (governance) violations.push(...governance.violations)
  // A change request blocks a pull request the policy has a say in; one that touches neither changes nor the
  // policy's own files is not the policy's to judge.
  if (changes.length > 0 || governance) violations.push(...changeRequestViolations(reviews))

  const result: PolicyResult = {
    decision: worst([decide(violations), ...verdicts.map((v) => v.decision), governance?.result.decision ?? 'approved']),
    changes: verdicts,
    ignored: [...ignored.values()].sort((a, b) => compare(a.login.toLowerCase(), b.login.toLowerCase()) || compare(a.reason, b.reason)),
    violations: sortDiagnostics(violations),
  }
  if (governance) result.governance = governance.result
  return result
}

function judgeChange(change: ChangeUnderReview, shared: Shared): ChangeVerdict {
  const violations = change.headDiagnostics.map(asViolation)
  let requirements: RequirementResult[] = []
  const ctx: ChangeContext = {
    change,
    policy: shared.policy,
    pr: shared.snapshot.pr,
    now: shared.now,
    need: approvalNeed(change),
    services: serviceFacts(change.head, shared.catalog),
    reviews: shared.reviews,
    teams: shared.teams,
    report: (finding) => violations.push(toDiagnostic(change, finding)),
    requirements: (results) => {
      requirements = results
    },
    ignore: shared.ignore,
  }
  for (const clause of shared.clauses) {
    try {
      clause.check(ctx)
    } catch (error) {
      // A clause that fails has not shown the change to be fine: fail closed, and say which clause broke.
      ctx.report({ ruleId: 'policy/internal-error', message: `The policy clause ${clause.id} failed (${error instanceof Error ? error.message : show(error)}), so ${change.id} cannot be judged. Please report this.` })
    }
  }
  return {
    id: change.id,
    file: change.file,
    decision: decide(violations),
    transition: { from: statusAt(change.base), to: statusAt(change.head) },
    requirements,
    violations: sortDiagnostics(violations),
  }
}

function toDiagnostic(change: ChangeUnderReview, finding: ClauseFinding): Diagnostic {
  const record = finding.file !== undefined ? undefined : finding.at === 'base' ? change.base : (change.head ?? change.base)
  const diagnostic: Diagnostic = { ruleId: finding.ruleId, severity: 'error', message: finding.message, file: finding.file ?? record?.file ?? change.file }
  if (finding.path) diagnostic.path = finding.path
  if (record) Object.assign(diagnostic, record.locate(finding.path ?? [], finding.part))
  if (finding.related) diagnostic.related = finding.related
  return diagnostic
}

/** A problem reading a head record is never a pass, whatever severity it was found with. */
function asViolation(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, severity: 'error' }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
