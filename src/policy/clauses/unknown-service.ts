import { defineClause } from '../clause.js'

export const unknownService = defineClause({
  id: 'policy/unknown-service',
  description: 'Every service of a change this pull request approves is in the catalog, so its tier and owner are known',
  check(ctx) {
    if (!ctx.need) return
    for (const service of ctx.services) {
      if (service.record) continue
      ctx.report({
        ruleId: 'policy/unknown-service',
        path: service.path,
        message: `${ctx.change.id} names the service \`${service.id}\`, which is not in the catalog, so the policy cannot tell its tier or owner. Correct the id, or add the service in this pull request.`,
      })
    }
  },
})
