import { idPattern } from '../model/kinds.js'
import { defineReferenceRule } from './reference-rule.js'

export const refUnknownProblem = defineReferenceRule({
  id: 'ref/unknown-problem',
  description: 'Every problem an incident or change names exists',
  sources: {
    Incident: [['problem']],
    Change: [['related', 'problems', '[]']],
  },
  wellFormed: idPattern('Problem'),
  exists: (ctx, id) => ctx.index.has('Problem', id),
  message: (ctx, id, field) =>
    `${field} names the problem ${id}, but no Problem has that id. Fix the id, or add the problem (${ctx.config.paths.problems}/${id}.yaml).`,
})
