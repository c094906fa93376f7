import type { Config } from '../model/config.js'
import type { ItsmRecord } from '../model/record.js'
import { localDate } from '../policy/zoned-time.js'
import { articleReviewDue, wholeDays } from '../rules/article-review.js'
import { addDays, strings, text } from '../rules/util.js'
import { compare, recordsOf, statusOf } from './record-facts.js'

/** The health of the knowledge base at `now`. */
export interface KnowledgeSummary {
  /** Articles whose review date (`review_by`, else `reviewed_at` + `knowledge.review_interval`) is past. */
  stale: string[]
  /** Articles due for review from today up to `knowledge.expiring_within` ahead (the day it ends included). */
  expiring: string[]
  /** Articles with no `owner` or no `services`. */
  ownerless: string[]
  /** Per owner (articles without one under `none`): how many articles, and how many of them stale or expiring. */
  by_owner: Record<string, { articles: number; stale: number; expiring: number }>
}

/**
 * The knowledge figures at `now` (epoch ms), dates taken in the repository's time zone. Review dates come from the
 * `kb/review-*` rules' own logic, so the report and the lint agree; retired articles are never stale nor expiring
 * (and count for no one in `by_owner`), drafts are. Ids are sorted.
 */
export function summarizeKnowledge(records: readonly ItsmRecord[], config: Config, now: number): KnowledgeSummary {
  const d = localDate(now, config.timezone)
  const today = addDays(d, 0)
  const days = wholeDays(config.knowledge.expiring_within)
  const horizon = days === undefined ? undefined : addDays(d, days)
  const stale: string[] = []
  const expiring: string[] = []
  const ownerless: string[] = []
  const byOwner: KnowledgeSummary['by_owner'] = {}
  for (const article of recordsOf(records, 'Article')) {
    const owner = text(article.data.owner)
    if (owner === undefined || strings(article.data.services).length === 0) ownerless.push(article.id)
    if (statusOf(article) === 'retired') continue
    const due = articleReviewDue(article, config)?.due
    const isStale = due !== undefined && due < today
    const isExpiring = due !== undefined && horizon !== undefined && today <= due && due <= horizon
    if (isStale) stale.push(article.id)
    if (isExpiring) expiring.push(article.id)
    const tally = (byOwner[owner ?? 'none'] ??= { articles: 0, stale: 0, expiring: 0 })
    tally.articles++
    if (isStale) tally.stale++
    if (isExpiring) tally.expiring++
  }
  return { stale: stale.sort(), expiring: expiring.sort(), ownerless: ownerless.sort(), by_owner: sortKeys(byOwner) }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)))
}
