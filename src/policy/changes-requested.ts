import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ReviewFacts } from './reviews.js'

/**
 * A standing change request (the latest deciding review of someone with write access) blocks the pull request,
 * whoever gave it and on whichever commit: a new push does not answer it. It is `pending`: the reviewer can approve,
 * or the review can be dismissed.
 */
export function changeRequestViolations(reviews: ReviewFacts): Diagnostic[] {
  return reviews.changeRequests.map((standing) => ({
    ruleId: 'policy/changes-requested',
    severity: 'error' as const,
    message: `@${standing.login} requested changes (review ${standing.review.id}, ${standing.review.submittedAt}), which blocks this pull request. Address them and ask @${standing.login} to approve, or have the review dismissed.`,
  }))
}
