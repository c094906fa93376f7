import { parseTimestamp } from '../../time/timestamp.js'
import { defineClause } from '../clause.js'
import { map } from '../data.js'
import { isoTime, span } from '../format.js'
import { approvedOrLater } from '../lifecycle.js'

export const emergencyReview = defineClause({
  id: 'policy/emergency-review',
  description: 'An emergency change gets its post-implementation review within `policy.emergency.review_within` of its window',
  check(ctx) {
    const { head, id } = ctx.change
    const within = ctx.policy.reviewWithin
    if (within === undefined || !head || head.data.type !== 'emergency' || typeof head.data.status !== 'string' || !approvedOrLater.has(head.data.status)) return // only an approved change may have run
    if (map(head.data.review)) return
    const end = parseTimestamp(map(head.data.window)?.end)
    if (end === undefined) {
      ctx.report({ ruleId: 'policy/emergency-review', path: ['window'], message: `${id} is an emergency change without a readable \`window.end\`, so the deadline of its review cannot be known. Give it a window, and add its \`review\`.` })
      return
    }
    const deadline = end + within * 60_000
    if (deadline >= ctx.now) return
    ctx.report({
      ruleId: 'policy/emergency-review',
      path: ['window', 'end'],
      message: `${id} is an emergency change whose review was due ${span(within * 60_000)} after its window ended, by ${isoTime(deadline)}, and it has none. Add \`review\` (outcome, completed_at, notes) in this pull request.`,
    })
  },
})
