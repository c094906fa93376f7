import { defineRule } from '../model/rule.js'
import { parseDate } from '../time/timestamp.js'
import { dateIn, text } from './util.js'

export const slaReviewOverdue = defineRule({
  id: 'sla/review-overdue',
  description: 'An SLA is reviewed by its review_by date',
  check(ctx) {
    if (ctx.now === undefined) return
    const today = dateIn(ctx.now, ctx.config.timezone)
    for (const record of ctx.byKind('SLA')) {
      const reviewBy = text(record.data.review_by)
      // review_by is the last day the review may happen; a malformed date is the schema's.
      if (reviewBy === undefined || !parseDate(reviewBy) || reviewBy >= today) continue
      ctx.report({
        record,
        path: ['review_by'],
        message: `This SLA was due for review on ${reviewBy}. Review it with the customer, then set a new review_by.`,
      })
    }
  },
})
