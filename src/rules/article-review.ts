import type { Config } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import { parseDate, parseDuration } from '../time/timestamp.js'
import { addDays, has, text } from './util.js'

/** When an article is next due for review, and where that date comes from. */
export interface ReviewDue {
  /** The last day the review may happen, `YYYY-MM-DD`. */
  due: string
  /** `review_by` when set; else `reviewed_at` plus `knowledge.review_interval`. */
  source: 'review_by' | 'interval'
  /** `reviewed_at` as written, for messages about the interval. */
  reviewedAt?: string
}

/**
 * The review due date of an article, or undefined when it has none: retired articles, a malformed `review_by`
 * (the schema's to report; it does not fall back to the interval), or no review date at all.
 */
export function articleReviewDue(record: ItsmRecord, config: Config): ReviewDue | undefined {
  if (text(record.data.status) === 'retired') return undefined
  if (has(record.data, 'review_by')) {
    const reviewBy = text(record.data.review_by)
    return reviewBy !== undefined && parseDate(reviewBy) ? { due: reviewBy, source: 'review_by' } : undefined
  }
  const reviewedAt = text(record.data.reviewed_at)
  const reviewed = parseDate(reviewedAt)
  const days = wholeDays(config.knowledge.review_interval)
  if (!reviewed || days === undefined) return undefined
  return { due: addDays(reviewed, days), source: 'interval', reviewedAt }
}

/** A duration as whole days (rounded down); undefined if malformed. */
export function wholeDays(duration: string): number | undefined {
  const minutes = parseDuration(duration)
  return minutes === undefined ? undefined : Math.floor(minutes / (24 * 60))
}
