import { slugPattern } from '../model/kinds.js'
import { defineReferenceRule } from './reference-rule.js'

export const refUnknownService = defineReferenceRule({
  id: 'ref/unknown-service',
  description: 'Every service a record names exists in the catalog',
  sources: {
    Service: [['depends_on', '[]']],
    SLA: [['services', '[]']],
    StandardChange: [['services', '[]']],
    Change: [['services', '[]']],
    Incident: [['services', '[]'], ['downtime', '[]', 'service']],
    Problem: [['services', '[]']],
    Article: [['services', '[]']],
  },
  wellFormed: slugPattern,
  exists: (ctx, id) => ctx.index.has('Service', id),
  message: (ctx, id, field) =>
    `${field} names the service "${id}", but no Service has that id. Fix the spelling, or add the service (${ctx.config.paths.services}/${id}.yaml).`,
})
