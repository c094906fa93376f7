import { idPattern } from '../model/kinds.js'
import { defineReferenceRule } from './reference-rule.js'

export const refUnknownModel = defineReferenceRule({
  id: 'ref/unknown-model',
  description: 'The standard change model a change names exists',
  sources: { Change: [['model']] },
  wellFormed: idPattern('StandardChange'),
  exists: (ctx, id) => ctx.index.has('StandardChange', id),
  message: (ctx, id) =>
    `model names the standard change "${id}", but no StandardChange has that id. Fix the id, or add the model (${ctx.config.paths.standard_changes}/${id}.yaml).`,
})
