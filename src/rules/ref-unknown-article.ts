import { idPattern } from '../model/kinds.js'
import { defineReferenceRule } from './reference-rule.js'

export const refUnknownArticle = defineReferenceRule({
  id: 'ref/unknown-article',
  description: 'Every knowledge article a problem or service names exists',
  sources: {
    Problem: [['workaround']],
    Service: [['runbooks', '[]']],
  },
  wellFormed: idPattern('Article'),
  exists: (ctx, id) => ctx.index.has('Article', id),
  message: (ctx, id, field) =>
    `${field} names the article ${id}, but no Article has that id. Fix the id, or write the article (${ctx.config.paths.knowledge}/${id}.md).`,
})
