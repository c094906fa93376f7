import type { ItsmRecord } from '../model/record.js'
import { defineRule } from '../model/rule.js'
import { relatedAt, text } from './util.js'

export const kbDuplicateTitle = defineRule({
  id: 'kb/duplicate-title',
  description: 'No two knowledge articles have the same title, ignoring case and surrounding spaces',
  check(ctx) {
    const byTitle = new Map<string, ItsmRecord[]>()
    for (const record of ctx.byKind('Article')) {
      const title = text(record.data.title)?.trim()
      if (!title) continue
      const key = title.normalize('NFC').toLowerCase()
      byTitle.set(key, [...(byTitle.get(key) ?? []), record])
    }
    for (const group of byTitle.values()) {
      if (group.length < 2) continue
      const [first, ...others] = [...group].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) as [ItsmRecord, ...ItsmRecord[]]
      for (const record of others) {
        ctx.report({
          record,
          path: ['title'],
          message: `${first.id ?? 'Another article'} already has the title "${text(first.data.title)!.trim()}". Merge the articles, or give this one a title that tells them apart.`,
          related: [relatedAt(first, ['title'], 'the same title is used here first')],
        })
      }
    }
  },
})
