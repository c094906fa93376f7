import type { RecordPath } from '../diagnostics/diagnostic.js'
import type { ItsmRecord } from '../model/record.js'
import { defineRule, type RuleContext } from '../model/rule.js'
import { parseDate, parseTimestamp } from '../time/timestamp.js'
import { entries, map, relatedAt } from './util.js'

/** A point in time read from a record. Malformed values are the schema's to report, so they never become points. */
interface Point {
  path: RecordPath
  name: string
  text: string
  at: number
}

export const timeOrder = defineRule({
  id: 'time/order',
  description: 'Timestamps come in their natural order: opened before resolved, an interval ends after it starts',
  check(ctx) {
    for (const record of ctx.byKind('Incident')) {
      const data = record.data
      chain(ctx, record, ['opened_at', 'acknowledged_at', 'resolved_at', 'closed_at'].map((f) => instant(data[f], [f], f)), false)
      for (const { item, index } of entries(data.downtime)) {
        const name = (field: string): string => `downtime[${index}].${field}`
        chain(ctx, record, [instant(item.start, ['downtime', index, 'start'], name('start')), instant(item.end, ['downtime', index, 'end'], name('end'))], true)
      }
    }
    for (const record of ctx.byKind('Change')) {
      const window = map(record.data.window)
      const start = instant(window?.start, ['window', 'start'], 'window.start')
      chain(ctx, record, [start, instant(window?.end, ['window', 'end'], 'window.end')], true)
      // A post-implementation review cannot be completed before the implementation began.
      chain(ctx, record, [start, instant(map(record.data.review)?.completed_at, ['review', 'completed_at'], 'review.completed_at')], false)
    }
    for (const record of ctx.byKind('Article')) {
      chain(ctx, record, [date(record.data.reviewed_at, 'reviewed_at'), date(record.data.review_by, 'review_by')], false)
    }
  },
})

function instant(value: unknown, path: RecordPath, name: string): Point | undefined {
  const at = parseTimestamp(value)
  return at === undefined ? undefined : { path, name, text: value as string, at }
}

function date(value: unknown, field: string): Point | undefined {
  const parsed = parseDate(value)
  return parsed && { path: [field], name: field, text: value as string, at: Date.UTC(parsed.year, parsed.month - 1, parsed.day) }
}

/** Reports each point that is earlier than a point before it in the chain (or equal to it, when `strict`). */
function chain(ctx: RuleContext, record: ItsmRecord, points: readonly (Point | undefined)[], strict: boolean): void {
  points.forEach((later, i) => {
    if (!later) return
    const earlier = points.slice(0, i).reverse().find((p) => p !== undefined && (strict ? p.at >= later.at : p.at > later.at))
    if (!earlier) return
    const problem = earlier.at === later.at ? 'is the same time as' : 'is before'
    ctx.report({
      record,
      path: later.path,
      message: `${later.name} (${later.text}) ${problem} ${earlier.name} (${earlier.text}), but must come after it. Correct whichever of the two is wrong.`,
      related: [relatedAt(record, earlier.path, `${earlier.name} is here`)],
    })
  })
}
