import { defineRule } from '../model/rule.js'
import { missingPostmortems } from './postmortem.js'

export const postmortemRequiredSections = defineRule({
  id: 'postmortem/required-sections',
  description:
    'A resolved incident of a priority in incidents.postmortem.required_for, or a resolved problem written as Markdown, has the postmortem sections (until its due date; then postmortem/overdue)',
  check(ctx) {
    for (const { overdue, report } of missingPostmortems(ctx)) if (!overdue) ctx.report(report)
  },
})
