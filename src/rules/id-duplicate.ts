import type { RelatedLocation } from '../diagnostics/diagnostic.js'
import type { Kind } from '../model/kinds.js'
import type { ItsmRecord } from '../model/record.js'
import { defineRule, type RuleContext } from '../model/rule.js'
import { relatedAt } from './util.js'

export const idDuplicate = defineRule({
  id: 'id/duplicate',
  description: 'Ids are unique per kind across the repository, ignoring case and Unicode normalization',
  check(ctx) {
    for (const record of ctx.records) {
      if (record.id === undefined) continue
      const files = [...ctx.index.files(record.kind, record.id)].sort(byPath)
      if (files.length < 2) continue
      const [first, second] = files as [string, string]
      let other = first
      if (record.file === first) {
        // Normally the first file is the original and the others are reported. When none of the others was parsed
        // in this run (they are known only by name), this record is the only one that can carry the finding.
        if (files.slice(1).some((file) => parsed(ctx, record.kind, file))) continue
        other = second
      }
      const original = parsed(ctx, record.kind, other)
      const where = other === first ? 'first defined here' : 'also defined here'
      const related: RelatedLocation = original
        ? relatedAt(original, ['id'], `${record.kind} ${original.id ?? record.id} is ${where}`)
        : { message: `${record.kind} ${record.id} is ${where}`, file: other }
      const spelling = original?.id !== undefined && original.id !== record.id ? ` (written "${original.id}" there; ids ignore case)` : ''
      ctx.report({
        record,
        path: ['id'],
        message: `Another ${record.kind} already has the id "${record.id}"${spelling}. Give one of them a new id, or delete the copy.`,
        related: [related],
      })
    }
  },
})

function parsed(ctx: RuleContext, kind: Kind, file: string): ItsmRecord | undefined {
  return ctx.byKind(kind).find((record) => record.file === file)
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
