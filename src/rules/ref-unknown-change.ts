import { idPattern } from '../model/kinds.js'
import { defineReferenceRule } from './reference-rule.js'

export const refUnknownChange = defineReferenceRule({
  id: 'ref/unknown-change',
  description: 'Every change an incident or problem names exists',
  sources: {
    Incident: [['caused_by']],
    Problem: [['fix']],
  },
  wellFormed: idPattern('Change'),
  exists: (ctx, id) => ctx.index.has('Change', id),
  message: (ctx, id, field) =>
    `${field} names the change ${id}, but no Change has that id. Fix the id, or add the change (${ctx.config.paths.changes}/${id}.yaml).`,
})
