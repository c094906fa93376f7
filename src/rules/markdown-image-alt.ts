import { defineRule } from '../model/rule.js'

export const markdownImageAlt = defineRule({
  id: 'markdown/image-alt',
  description: 'Every image in a Markdown body has alternative text, for screen readers and for when it fails to load',
  check(ctx) {
    for (const record of ctx.records) {
      for (const link of record.body?.links ?? []) {
        if (link.kind !== 'image' || (link.alt ?? '').trim() !== '') continue
        ctx.report({
          record,
          range: link.range,
          message: 'This image has no alternative text. Describe what it shows: ![Grafana pool usage during the incident](...).',
        })
      }
    }
  },
})
