import { defineClause } from '../clause.js'
import { explainTransition, isStatus } from '../lifecycle.js'

export const transition = defineClause({
  id: 'policy/transition',
  description: 'The status moves only along the lifecycle, and reaches in_progress or later only through approved',
  check(ctx) {
    const { base, head, id } = ctx.change
    if (!head) return
    const from = base?.data.status
    const problem = explainTransition(isStatus(from) ? from : 'new', head.data.status, id)
    if (problem) ctx.report({ ruleId: 'policy/transition', path: ['status'], message: problem })
  },
})
