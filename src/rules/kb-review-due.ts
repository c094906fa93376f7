import { defineRule } from '../model/rule.js'
import { parseDate } from '../time/timestamp.js'
import { articleReviewDue, wholeDays } from './article-review.js'
import { addDays, dateIn } from './util.js'

export const kbReviewDue = defineRule({
  id: 'kb/review-due',
  description: 'A knowledge article\'s review does not fall due within knowledge.expiring_within (a notice ahead of kb/review-overdue)',
  check(ctx) {
    if (ctx.now === undefined) return
    const today = dateIn(ctx.now, ctx.config.timezone)
    const days = wholeDays(ctx.config.knowledge.expiring_within)
    if (days === undefined) return
    const horizon = addDays(parseDate(today)!, days)
    for (const record of ctx.byKind('Article')) {
      const review = articleReviewDue(record, ctx.config)
      // A date already past is kb/review-overdue's.
      if (!review || review.due < today || review.due > horizon) continue
      const when = review.due === today ? 'today' : `on ${review.due}`
      ctx.report({
        record,
        path: [review.source === 'review_by' ? 'review_by' : 'reviewed_at'],
        message:
          review.source === 'review_by'
            ? `This article is due for review ${when}. Check it is still right, then update reviewed_at and review_by.`
            : `This article was last reviewed on ${review.reviewedAt} and is due for review ${when} (review interval ${ctx.config.knowledge.review_interval}). Check it is still right, then update reviewed_at.`,
      })
    }
  },
})
