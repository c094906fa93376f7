import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicyDecision } from '../model/policy.js'

/** Violations that more (or withdrawn) reviews can fix. Every other violation is beyond approvals: `rejected`. */
export const pendingRules: ReadonlySet<string> = new Set(['policy/approvals', 'policy/changes-requested', 'policy/governance'])

const rank: Record<PolicyDecision, number> = { approved: 0, pending: 1, rejected: 2 }

/** `rejected` if any violation is beyond approvals, `pending` if approvals are missing, else `approved`. */
export function decide(violations: readonly Diagnostic[]): PolicyDecision {
  if (violations.some((v) => !pendingRules.has(v.ruleId))) return 'rejected'
  return violations.length > 0 ? 'pending' : 'approved'
}

/** The worse of the decisions. */
export function worst(decisions: readonly PolicyDecision[]): PolicyDecision {
  return decisions.reduce<PolicyDecision>((a, b) => (rank[b] > rank[a] ? b : a), 'approved')
}
