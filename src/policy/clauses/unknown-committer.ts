import { defineClause } from '../clause.js'

/**
 * Approvals from the pull request's committers never count (THREATS.md). A commit whose author or committer
 * GitHub cannot map to an account (a git email linked to no user) hides who wrote it, so an approval from that
 * person could count: gitsm cannot be sure, and the answer is no until every commit has a known identity.
 */
export const unknownCommitter = defineClause({
  id: 'policy/unknown-committer',
  description: 'Every commit of a pull request that needs approvals has an author and a committer GitHub knows',
  check(ctx) {
    if (!ctx.need) return
    const unknown = ctx.pr.commits.filter((commit) => !commit.author || !commit.committer)
    if (unknown.length === 0) return
    const shas = unknown.map((c) => c.sha.slice(0, 7))
    const list = shas.length > 3 ? `${shas.slice(0, 3).join(', ')} and ${shas.length - 3} more` : shas.join(', ')
    ctx.report({
      ruleId: 'policy/unknown-committer',
      path: ctx.need.path,
      part: ctx.need.part,
      message:
        `${ctx.change.id} needs approvals, but the ${shas.length === 1 ? 'commit' : 'commits'} ${list} of this pull request ${shas.length === 1 ? 'has' : 'have'} an author or committer GitHub cannot map to an account, ` +
        'so gitsm cannot tell whether an approver wrote them (a committer\'s approval never counts). Link the email address to its owner\'s GitHub account, or re-author the commits, and push again.',
    })
  },
})
