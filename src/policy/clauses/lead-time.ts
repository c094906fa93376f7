import { parseTimestamp } from '../../time/timestamp.js'
import { defineClause } from '../clause.js'
import { map, text } from '../data.js'
import { isoTime, span } from '../format.js'

export const leadTime = defineClause({
  id: 'policy/lead-time',
  description: "A change this pull request schedules starts no sooner than its type's lead time after the pull request opened",
  check(ctx) {
    const { head, id } = ctx.change
    // Lead time is notice before work starts: it matters for a change being scheduled, not one already under way.
    if (!ctx.need || head?.data.status !== 'approved') return
    const type = text(head.data.type) ?? ''
    const lead = ctx.policy.leadTime[type]
    if (lead === undefined) return
    const start = parseTimestamp(map(head.data.window)?.start)
    const opened = ctx.pr.openedAt
    if (start === undefined || !Number.isFinite(opened)) {
      const what = start === undefined ? `${id} has no readable \`window.start\`` : 'the time this pull request was opened is unknown'
      ctx.report({ ruleId: 'policy/lead-time', path: ['window', 'start'], message: `${type} changes need ${span(lead * 60_000)} of lead time, but ${what}, so it cannot be checked.` })
      return
    }
    const given = start - opened
    if (given >= lead * 60_000) return
    const notice = given < 0 ? `starts ${span(given)} before this pull request was opened` : `starts only ${span(given)} after this pull request was opened (${isoTime(opened)})`
    ctx.report({
      ruleId: 'policy/lead-time',
      path: ['window', 'start'],
      message: `${id} ${notice}; ${type} changes need at least ${span(lead * 60_000)} of lead time. Move \`window.start\` to ${isoTime(opened + lead * 60_000)} or later, or, if it cannot wait, make it an emergency change.`,
    })
  },
})
