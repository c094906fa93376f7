import type { ItsmRecord } from '../model/record.js'
import { defineRule, type RuleContext } from '../model/rule.js'
import { parseTimestamp } from '../time/timestamp.js'
import { entries, relatedAt, text } from './util.js'

/** Where an incident may go from each status. Reopening (resolved → open or acknowledged) is allowed; closed is final. */
const next: Record<string, readonly string[]> = {
  open: ['acknowledged', 'pending', 'resolved'],
  acknowledged: ['pending', 'resolved'],
  pending: ['open', 'acknowledged', 'resolved'],
  resolved: ['open', 'acknowledged', 'closed'],
  closed: [],
}

/** Each top-level timestamp equals the first (or, after reopening, the last) timeline entry of its status. */
const anchors = [
  ['opened_at', 'open', 'first'],
  ['acknowledged_at', 'acknowledged', 'first'],
  ['resolved_at', 'resolved', 'last'],
  ['closed_at', 'closed', 'first'],
] as const

/** A timeline entry as far as it is well formed; the schema reports the rest. */
interface Entry {
  index: number
  at: number | undefined
  text: string | undefined
  status: string | undefined
}

export const incidentTimeline = defineRule({
  id: 'incident/timeline',
  description: "An incident's timeline is in time order, makes legal status changes, and agrees with its timestamps and status",
  check(ctx) {
    for (const record of ctx.byKind('Incident')) {
      const timeline: Entry[] = entries(record.data.timeline).map(({ item, index }) => {
        const status = text(item.status)
        return { index, at: parseTimestamp(item.at), text: text(item.at), status: status !== undefined && Object.hasOwn(next, status) ? status : undefined }
      })
      const report = (path: (string | number)[], message: string, other: Entry, note: string): void =>
        ctx.report({ record, path, message, related: [relatedAt(record, ['timeline', other.index], note)] })
      let lastTimed: Entry | undefined
      let last: Entry | undefined
      for (const entry of timeline) {
        if (entry.at !== undefined && lastTimed?.at !== undefined && entry.at < lastTimed.at) {
          report(['timeline', entry.index, 'at'], `This entry (${entry.text}) is earlier than the one before it (${lastTimed.text}). Keep the timeline in time order.`, lastTimed, 'the entry before')
        }
        if (entry.at !== undefined) lastTimed = entry
        if (entry.status === undefined) continue
        const from = last?.status
        if (last && from !== undefined && !next[from]!.includes(entry.status)) {
          const hint = from === entry.status ? `It is already ${from}: remove this entry.` : next[from]!.length > 0 ? `From ${from} it can go to ${next[from]!.join(', ')}.` : `Closed is final: open a new incident instead.`
          report(['timeline', entry.index, 'status'], `An incident cannot go from ${from} to ${entry.status}. ${hint}`, last, `it became ${from} here`)
        }
        last = entry
      }
      checkAnchors(ctx, record, timeline)
      const status = text(record.data.status)
      // Closing is bookkeeping that timelines often leave out, so a timeline ending in resolved fits status closed.
      if (last?.status !== undefined && status !== undefined && Object.hasOwn(next, status) && status !== last.status && !(status === 'closed' && last.status === 'resolved')) {
        report(['status'], `status is ${status}, but the timeline's last status entry says ${last.status}. Add the missing timeline entry or correct status.`, last, 'the last status entry')
      }
    }
  },
})

function checkAnchors(ctx: RuleContext, record: ItsmRecord, timeline: readonly Entry[]): void {
  for (const [field, status, which] of anchors) {
    const matching = timeline.filter((entry) => entry.status === status)
    const entry = which === 'first' ? matching[0] : matching[matching.length - 1]
    const at = parseTimestamp(record.data[field])
    if (entry?.at === undefined || at === undefined || entry.at === at) continue
    ctx.report({
      record,
      path: [field],
      message: `${field} (${text(record.data[field])}) differs from the ${which} ${status} entry of the timeline (${entry.text}). Make them the same instant.`,
      related: [relatedAt(record, ['timeline', entry.index, 'at'], `the ${which} ${status} entry`)],
    })
  }
}
