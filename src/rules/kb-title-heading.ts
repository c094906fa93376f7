import { defineRule } from '../model/rule.js'
import { text } from './util.js'

export const kbTitleHeading = defineRule({
  id: 'kb/title-heading',
  description: 'A knowledge article has exactly one level-1 heading, and it reads as the title',
  check(ctx) {
    for (const record of ctx.byKind('Article')) {
      if (record.format !== 'markdown' || !record.body) continue
      const title = text(record.data.title)
      const [first, ...extra] = record.body.headings.filter((h) => h.depth === 1)
      if (!first) {
        ctx.report({
          record,
          path: ['title'],
          message: `The article has no level-1 heading. Start the body with "# ${title ?? 'its title'}".`,
        })
        continue
      }
      if (title !== undefined && !matches(first.text, title)) {
        ctx.report({
          record,
          range: first.range,
          message: `The level-1 heading "${first.text}" differs from the title "${title.trim()}". Make them the same.`,
        })
      }
      for (const heading of extra) {
        ctx.report({
          record,
          range: heading.range,
          message: 'An article has one level-1 heading, its title. Make this a level-2 heading, or split the article.',
        })
      }
    }
  },
})

/** The heading text has its markup removed, so code spans in the title match without their backticks. */
function matches(heading: string, title: string): boolean {
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ')
  return norm(heading) === norm(title) || norm(heading) === norm(title.replaceAll('`', ''))
}
