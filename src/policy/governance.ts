import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicyResult, PullRequestCommit } from '../model/policy.js'
import { joinAnd } from './handles.js'
import { describeMissing } from './missing-approvals.js'
import type { Policy } from './policy-config.js'
import { buildPools } from './pools.js'
import { fillRequirements } from './requirements.js'
import type { ReviewFacts } from './reviews.js'
import type { TeamDirectory } from './teams.js'

/** The files that hold the policy itself: gitsm.yaml at the root, and the schemas. */
export function governanceFiles(changedFiles: readonly string[]): string[] {
  return changedFiles.map((f) => f.replace(/^(\.\/|\/)+/, '')).filter((f) => f === 'gitsm.yaml' || f.startsWith('schemas/'))
}

/**
 * A pull request that changes the policy's own files needs `policy.governance` approvals, as a whole, under the
 * same eligibility rules (it has no requester or implementer). Undefined when it changes none of those files.
 * Without `policy.governance`, the repository asks for no such approvals (and the result says so: no requirements).
 */
export function evaluateGovernance(
  changedFiles: readonly string[],
  policy: Policy,
  reviews: ReviewFacts,
  teams: TeamDirectory,
  commits: readonly PullRequestCommit[] = [],
): { result: NonNullable<PolicyResult['governance']>; violations: Diagnostic[] } | undefined {
  const files = governanceFiles(changedFiles)
  if (files.length === 0) return undefined
  if (!policy.governance) return { result: { requirements: [], decision: 'approved', files }, violations: [] }
  const violations: Diagnostic[] = []
  const violation = (ruleId: string, message: string, path?: (string | number)[]): void => {
    violations.push({ ruleId, severity: 'error', message, file: 'gitsm.yaml', ...(path ? { path } : {}) })
  }
  const { pools, unknown } = buildPools(policy.governance, [], teams)
  for (const { team } of unknown) {
    violation('policy/unknown-team', `The members of ${team} are unknown, so no governance approval from it can count. Let the token read the team, or list its members under \`teams:\` in gitsm.yaml.`, ['policy', 'governance'])
  }
  // As for change approvals: a commit by an identity GitHub cannot name could be an approver's own.
  const unknownCommits = commits.filter((c) => !c.author || !c.committer).map((c) => c.sha.slice(0, 7))
  if (unknownCommits.length > 0 && policy.governance.length > 0) {
    violation(
      'policy/unknown-committer',
      `This pull request changes ${joinAnd(files)} and needs governance approvals, but its commits ${unknownCommits.join(', ')} have an author or committer GitHub cannot map to an account, so gitsm cannot tell whether an approver wrote them. Link the email address to its owner's GitHub account, or re-author the commits, and push again.`,
    )
  }
  policy.governance.forEach((r, i) => {
    if (r.kind === 'owners') violation('policy/config', '`owners: true` means nothing in `policy.governance`: a pull request as a whole has no services. Name a team instead.', ['policy', 'governance', i])
  })
  const eligible = reviews.approvals.filter((a) => a.excluded === undefined)
  const excluded = new Map(reviews.approvals.flatMap((a) => (a.excluded === undefined ? [] : [[a.key, a.excluded] as const])))
  const filled = fillRequirements(pools, eligible)
  if (!filled.results.every((r) => r.satisfied)) {
    const { missing, notes } = describeMissing(pools, filled, reviews.approvals, excluded)
    violation('policy/governance', [`This pull request changes ${joinAnd(files)}, the policy's own files, and needs ${missing} (\`policy.governance\`).`, ...notes].join(' '))
  }
  const decision = violations.some((v) => v.ruleId !== 'policy/governance') ? 'rejected' : violations.length > 0 ? 'pending' : 'approved'
  return { result: { requirements: filled.results, decision, files }, violations }
}
