import { idPattern } from '../model/kinds.js'
import { defineRule } from '../model/rule.js'

export const idFileName = defineRule({
  id: 'id/file-name',
  description: 'A record file name starts with the record id: CHG-0042.yaml or CHG-0042-upgrade-postgres.yaml',
  check(ctx) {
    for (const record of ctx.records) {
      // A malformed id is the schema's to report; fixing it will settle the file name too.
      if (record.id === undefined || !idPattern(record.kind).test(record.id)) continue
      const base = record.file.slice(record.file.lastIndexOf('/') + 1)
      const extension = /\.[^.]*$/.exec(base)?.[0] ?? ''
      const stem = base.slice(0, base.length - extension.length)
      const id = record.id
      if (stem === id || stem.startsWith(`${id}-`)) continue
      ctx.report({
        record,
        path: ['id'],
        message: `The file name "${base}" does not start with the id "${record.id}" (case matters). Rename the file to ${record.id}${extension} or ${record.id}-<words>${extension}, or fix the id.`,
      })
    }
  },
})
