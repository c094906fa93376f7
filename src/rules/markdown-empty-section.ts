import { defineRule } from '../model/rule.js'

export const markdownEmptySection = defineRule({
  id: 'markdown/empty-section',
  description: 'A heading has content before the next heading of the same or a higher level',
  check(ctx) {
    for (const record of ctx.records) {
      for (const heading of record.body?.headings ?? []) {
        if (!heading.empty) continue
        ctx.report({
          record,
          range: heading.range,
          message: `The section "${heading.text}" is empty. Write it, or remove the heading.`,
        })
      }
    }
  },
})
