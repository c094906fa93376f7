import { defineRule } from '../model/rule.js'
import { has, map, relatedAt, text } from './util.js'

/** Statuses that need a window: all but draft and cancelled. An unknown status is the schema's to report. */
const scheduled = ['submitted', 'approved', 'in_progress', 'implemented', 'failed', 'rolled_back', 'closed']

/** Review outcomes that contradict a status (a change rolled back was not a success). */
const contradictions: Record<string, readonly string[]> = {
  implemented: ['failed', 'rolled_back'],
  failed: ['successful'],
  rolled_back: ['successful'],
}

export const changeRequiredFields = defineRule({
  id: 'change/required-fields',
  description: 'A change has the fields its type and status require, and its review outcome agrees with its status',
  check(ctx) {
    for (const record of ctx.byKind('Change')) {
      const { data } = record
      const type = text(data.type)
      const status = text(data.status)
      const require = (field: string, message: string): void => {
        if (!has(data, field)) ctx.report({ record, path: [], message })
      }
      if (type === 'standard') require('model', 'A standard change names the pre-approved model it follows: add model: <StandardChange id>.')
      if (type === 'normal' || type === 'emergency') {
        require('plan', `A ${type} change needs a plan: add plan: with the steps to carry it out.`)
        require('rollback_plan', `A ${type} change needs a rollback_plan: add how to undo it if it goes wrong.`)
      }
      if (status !== undefined && scheduled.includes(status)) {
        require('window', `A change with status ${status} needs a window: add window: with start and end. Only draft and cancelled changes may leave it out.`)
      }
      if (status === 'closed') require('review', 'A change is closed only after its post-implementation review: add review: with outcome and completed_at.')
      const outcome = text(map(data.review)?.outcome)
      if (status !== undefined && outcome !== undefined && Object.hasOwn(contradictions, status) && contradictions[status]!.includes(outcome)) {
        ctx.report({
          record,
          path: ['review', 'outcome'],
          message: `The review outcome is ${outcome}, but the change's status is ${status}. Correct one of them.`,
          related: [relatedAt(record, ['status'], 'status is set here')],
        })
      }
    }
  },
})
