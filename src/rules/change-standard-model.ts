import { defineRule } from '../model/rule.js'
import { collect, relatedAt, sameId, strings, text } from './util.js'

const risks = ['low', 'medium', 'high', 'critical']

export const changeStandardModel = defineRule({
  id: 'change/standard-model',
  description: "A standard change stays within its model: the model covers every service it touches, and its risk is at most the model's max_risk",
  check(ctx) {
    for (const record of ctx.byKind('Change')) {
      const id = text(record.data.model)
      if (text(record.data.type) !== 'standard' || id === undefined) continue
      // A model that does not exist is ref/unknown-model's; one not parsed in this run cannot be checked.
      const model = ctx.index.get('StandardChange', id)
      if (!model) continue
      const covered = strings(model.data.services)
      if (Array.isArray(model.data.services) && covered.length > 0) {
        for (const { value, path } of collect(record.data, ['services', '[]'])) {
          if (covered.some((service) => sameId(service, value))) continue
          ctx.report({
            record,
            path,
            message: `The standard change model ${id} may not be used on ${value}; it covers only ${covered.join(', ')}. Use a normal change, or extend the model.`,
            related: [relatedAt(model, ['services'], `the services of ${id}`)],
          })
        }
      }
      const risk = risks.indexOf(text(record.data.risk) ?? '')
      const maxRisk = risks.indexOf(text(model.data.max_risk) ?? '')
      if (risk >= 0 && maxRisk >= 0 && risk > maxRisk) {
        ctx.report({
          record,
          path: ['risk'],
          message: `This change's risk is ${risks[risk]}, above the ${risks[maxRisk]} that the model ${id} allows. Lower the risk with a safer plan, or make it a normal change.`,
          related: [relatedAt(model, ['max_risk'], `max_risk of ${id}`)],
        })
      }
    }
  },
})
