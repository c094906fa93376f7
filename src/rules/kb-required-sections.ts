import { defineRule } from '../model/rule.js'
import { missingSections, titleRange } from './sections.js'
import { text } from './util.js'

export const kbRequiredSections = defineRule({
  id: 'kb/required-sections',
  description: 'A knowledge article has the level-2 sections that knowledge.sections requires for its type',
  check(ctx) {
    const sections = ctx.config.knowledge.sections
    for (const record of ctx.byKind('Article')) {
      const type = text(record.data.type)
      if (record.format !== 'markdown' || type === undefined || !Object.hasOwn(sections, type)) continue
      const required = sections[type]
      if (!Array.isArray(required)) continue
      const range = titleRange(record)
      for (const name of missingSections(record.body, required)) {
        ctx.report({
          record,
          range,
          message: `Articles of type ${type} need a "## ${name}" section (knowledge.sections in gitsm.yaml). Add it, or change the type.`,
        })
      }
    }
  },
})
