import { defineRule } from '../model/rule.js'
import { entries, has } from './util.js'

const fields = [
  { key: 'owner', noun: 'an owner', hint: 'owner: "@login"' },
  { key: 'due', noun: 'a due date', hint: 'due: YYYY-MM-DD' },
]

export const postmortemActionItems = defineRule({
  id: 'postmortem/action-items',
  description: 'Every follow-up action of an incident has an owner and a due date',
  check(ctx) {
    for (const record of ctx.byKind('Incident')) {
      for (const { item, index } of entries(record.data.actions)) {
        const lacking = fields.filter(({ key }) => !has(item, key))
        if (lacking.length === 0) continue
        ctx.report({
          record,
          path: ['actions', index],
          message: `This action has no ${lacking.map((f) => f.noun.replace(/^an? /, '')).join(' and no ')}; an action without ${lacking.map((f) => f.noun).join(' and ')} tends not to get done. Add ${lacking.map((f) => f.hint).join(' and ')}.`,
        })
      }
    }
  },
})
