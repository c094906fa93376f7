import { defineRule } from '../model/rule.js'
import { parseDate, parseDuration } from '../time/timestamp.js'
import { addDays, dateIn, has, text } from './util.js'

export const kbReviewOverdue = defineRule({
  id: 'kb/review-overdue',
  description: 'A knowledge article is reviewed by its review_by date, or within knowledge.review_interval of reviewed_at',
  check(ctx) {
    if (ctx.now === undefined) return
    const today = dateIn(ctx.now, ctx.config.timezone)
    const interval = ctx.config.knowledge.review_interval
    const intervalDays = Math.floor((parseDuration(interval) ?? Number.NaN) / (24 * 60))
    for (const record of ctx.byKind('Article')) {
      if (text(record.data.status) === 'retired') continue
      // A malformed review_by is the schema's to report; it does not fall back to the interval.
      if (has(record.data, 'review_by')) {
        const reviewBy = text(record.data.review_by)
        if (reviewBy === undefined || !parseDate(reviewBy) || reviewBy >= today) continue
        ctx.report({
          record,
          path: ['review_by'],
          message: `This article was due for review on ${reviewBy}. Check it is still right, then update reviewed_at and review_by, or retire it.`,
        })
        continue
      }
      const reviewedAt = text(record.data.reviewed_at)
      const reviewed = parseDate(reviewedAt)
      if (!reviewed || Number.isNaN(intervalDays)) continue
      const due = addDays(reviewed, intervalDays)
      if (due >= today) continue
      ctx.report({
        record,
        path: ['reviewed_at'],
        message: `This article was last reviewed on ${reviewedAt}; with a review interval of ${interval} it was due on ${due}. Check it is still right, then update reviewed_at, or retire it.`,
      })
    }
  },
})
