import { idPattern } from '../model/kinds.js'
import { defineReferenceRule } from './reference-rule.js'

export const refUnknownIncident = defineReferenceRule({
  id: 'ref/unknown-incident',
  description: 'Every incident a change or problem names exists',
  sources: {
    Change: [['related', 'incidents', '[]']],
    Problem: [['incidents', '[]']],
  },
  wellFormed: idPattern('Incident'),
  exists: (ctx, id) => ctx.index.has('Incident', id),
  message: (ctx, id, field) =>
    `${field} names the incident ${id}, but no Incident has that id. Fix the id, or add the incident (${ctx.config.paths.incidents}/${id}.yaml).`,
})
