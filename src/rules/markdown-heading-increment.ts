import { defineRule } from '../model/rule.js'

export const markdownHeadingIncrement = defineRule({
  id: 'markdown/heading-increment',
  description: 'Heading levels go down one at a time: a level-2 heading is followed by level 3, not level 4',
  check(ctx) {
    for (const record of ctx.records) {
      let previous: number | undefined
      for (const heading of record.body?.headings ?? []) {
        if (previous !== undefined && heading.depth > previous + 1) {
          ctx.report({
            record,
            range: heading.range,
            message: `This level-${heading.depth} heading follows a level-${previous} heading. Make it level ${previous + 1}.`,
          })
        }
        previous = heading.depth
      }
    }
  },
})
