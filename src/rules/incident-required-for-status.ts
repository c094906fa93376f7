import { defineRule } from '../model/rule.js'
import { has, text } from './util.js'

/** The timestamps an incident's status implies it already has. */
const required: Record<string, readonly string[]> = {
  acknowledged: ['acknowledged_at'],
  resolved: ['resolved_at'],
  closed: ['resolved_at', 'closed_at'],
}

export const incidentRequiredForStatus = defineRule({
  id: 'incident/required-for-status',
  description: 'An incident has the timestamps its status implies: acknowledged_at, resolved_at, closed_at',
  check(ctx) {
    for (const record of ctx.byKind('Incident')) {
      const status = text(record.data.status)
      if (status === undefined || !Object.hasOwn(required, status)) continue
      for (const field of required[status]!) {
        if (has(record.data, field)) continue
        ctx.report({
          record,
          path: [],
          message: `This incident is ${status}, so it needs ${field}: add when that happened, as a timestamp with an offset (e.g. 2026-11-02T11:02:00Z).`,
        })
      }
    }
  },
})
