import { defineRule } from '../model/rule.js'
import { pathExists, recordNamedBy, relativeLink, resolveLink } from './markdown-links.js'

const kindNames = { Article: 'article', Change: 'change', Incident: 'incident', Problem: 'problem' } as const

export const markdownUnknownRecord = defineRule({
  id: 'markdown/unknown-record',
  description: 'A link to a record file (KB-0042-....md, CHG-0042-....yaml) leads to where that record lives',
  check(ctx) {
    if (ctx.files.size === 0) return
    const exists = pathExists(ctx.files)
    for (const record of ctx.records) {
      for (const link of record.body?.links ?? []) {
        const target = resolveLink(record.file, link.url)
        if (target.type !== 'local' || exists(target.path)) continue
        const named = recordNamedBy(target.path)
        if (!named) continue
        const noun = kindNames[named.kind as keyof typeof kindNames] ?? named.kind
        const [actual] = ctx.index.files(named.kind, named.id)
        if (actual === undefined) {
          ctx.report({ record, range: link.range, message: `This link points to ${target.path}, but there is no ${noun} ${named.id} in the repository.` })
          continue
        }
        const fixed = relativeLink(record.file, actual) + (target.anchor === undefined ? '' : `#${target.anchor}`)
        ctx.report({
          record,
          range: link.range,
          message: `This link points to ${target.path}, which does not exist; ${noun} ${named.id} is ${actual} (renamed?). Link to ${fixed}.`,
          related: [{ message: `${named.kind} ${named.id} is here`, file: actual, line: 1, column: 1 }],
        })
      }
    }
  },
})
