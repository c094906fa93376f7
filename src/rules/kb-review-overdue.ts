import { defineRule } from '../model/rule.js'
import { articleReviewDue } from './article-review.js'
import { dateIn } from './util.js'

export const kbReviewOverdue = defineRule({
  id: 'kb/review-overdue',
  description: 'A knowledge article is reviewed by its review_by date, or within knowledge.review_interval of reviewed_at',
  check(ctx) {
    if (ctx.now === undefined) return
    const today = dateIn(ctx.now, ctx.config.timezone)
    const interval = ctx.config.knowledge.review_interval
    for (const record of ctx.byKind('Article')) {
      const review = articleReviewDue(record, ctx.config)
      if (!review || review.due >= today) continue
      if (review.source === 'review_by') {
        ctx.report({
          record,
          path: ['review_by'],
          message: `This article was due for review on ${review.due}. Check it is still right, then update reviewed_at and review_by, or retire it.`,
        })
        continue
      }
      ctx.report({
        record,
        path: ['reviewed_at'],
        message: `This article was last reviewed on ${review.reviewedAt}; with a review interval of ${interval} it was due on ${review.due}. Check it is still right, then update reviewed_at, or retire it.`,
      })
    }
  },
})
