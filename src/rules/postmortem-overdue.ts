import { defineRule } from '../model/rule.js'
import { missingPostmortems } from './postmortem.js'

export const postmortemOverdue = defineRule({
  id: 'postmortem/overdue',
  description: 'A required postmortem has its sections by its due date, incidents.postmortem.due after resolved_at',
  check(ctx) {
    for (const { overdue, report } of missingPostmortems(ctx)) if (overdue) ctx.report(report)
  },
})
