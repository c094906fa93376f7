import { defineClause } from '../clause.js'

export const deleted = defineClause({
  id: 'policy/deleted',
  description: 'Change records are the audit trail: a pull request never deletes one',
  check(ctx) {
    const { base, head, headDiagnostics, id } = ctx.change
    // A head version that does not parse is reported as such, not as a deletion.
    if (head || !base || headDiagnostics.length > 0) return
    ctx.report({
      ruleId: 'policy/deleted',
      at: 'base',
      path: ['id'],
      message: `This pull request deletes ${id}. Change records are the audit trail and are never deleted: set \`status: cancelled\` if it will not happen, or record its outcome and close it.`,
    })
  },
})
