import { defineRule } from '../model/rule.js'
import { has, relatedAt, text } from './util.js'

export const changeModelNotStandard = defineRule({
  id: 'change/model-not-standard',
  description: 'Only standard changes name a model; on another type it is ignored, which is likely a mistake',
  check(ctx) {
    for (const record of ctx.byKind('Change')) {
      const type = text(record.data.type)
      if (!has(record.data, 'model') || (type !== 'normal' && type !== 'emergency')) continue
      ctx.report({
        record,
        path: ['model'],
        part: 'key',
        message: `This ${type} change names a model, but only standard changes follow a model and it is ignored here. Remove model, or set type: standard if the change fits the model.`,
        related: [relatedAt(record, ['type'], 'type is set here')],
      })
    }
  },
})
