import type { ItsmRecord } from '../model/record.js'
import { defineRule } from '../model/rule.js'
import { anchorsOf, hasAnchor, pathExists, recordNamedBy, resolveLink } from './markdown-links.js'

export const markdownBrokenLink = defineRule({
  id: 'markdown/broken-link',
  description: 'Relative links and images in a Markdown body lead to a file of the repository, and their #anchors to a heading there',
  check(ctx) {
    const exists = pathExists(ctx.files)
    const byFile = new Map(ctx.records.map((record) => [record.file, record]))
    const anchors = new Map<ItsmRecord, Set<string>>()
    for (const record of ctx.records) {
      for (const link of record.body?.links ?? []) {
        const target = resolveLink(record.file, link.url)
        const what = link.kind === 'image' ? 'image' : 'link'
        if (target.type === 'external') continue
        if (target.type === 'outside') {
          ctx.report({ record, range: link.range, message: `This ${what} points out of the repository (${link.url}). Link inside it, or use a full URL.` })
          continue
        }
        // Without a listing of the repository nothing can be said about files; a link by record id is markdown/unknown-record's.
        if (ctx.files.size === 0) continue
        if (!exists(target.path)) {
          if (recordNamedBy(target.path)) continue
          ctx.report({ record, range: link.range, message: `This ${what} points to ${target.path}, which does not exist in the repository.` })
          continue
        }
        const linked = byFile.get(target.path)
        // A Markdown file not parsed in this run is only checked for existence.
        if (target.anchor === undefined || !linked?.body) continue
        let known = anchors.get(linked)
        if (!known) anchors.set(linked, (known = anchorsOf(linked)))
        if (hasAnchor(known, target.anchor)) continue
        const choices = [...known].slice(0, 8).map((a) => `#${a}`).join(', ')
        const where = linked === record ? 'this file' : target.path
        ctx.report({
          record,
          range: link.range,
          message: `No heading in ${where} has the anchor #${target.anchor}.${choices ? ` Its anchors: ${choices}.` : ''}`,
        })
      }
    }
  },
})
