import { defineRule } from '../model/rule.js'

const activeElement = /<\s*(script|iframe|object|embed|style)\b/i
const tag = /<[a-z][^>]*>?/gi
const eventAttribute = /[\s"'/](on[a-z]+)\s*=/i
const javascriptUrl = /javascript\s*:/i

export const markdownNoActiveHtml = defineRule({
  id: 'markdown/no-active-html',
  description: 'A Markdown body holds no active HTML: no script, iframe, object, embed or style elements, event handlers or javascript: URLs',
  check(ctx) {
    for (const record of ctx.records) {
      for (const html of record.body?.html ?? []) {
        const found = activeHtml(html.value)
        if (found === undefined) continue
        ctx.report({
          record,
          range: html.range,
          message: `${found} runs code in the reader's browser (GitHub strips it, other renderers may not). Remove it; link to the content instead.`,
        })
      }
      for (const link of record.body?.links ?? []) {
        if (!/^\s*javascript\s*:/i.test(link.url)) continue
        ctx.report({ record, range: link.range, message: 'A javascript: URL runs code in the reader\'s browser. Link to a page instead.' })
      }
    }
  },
})

/** What makes a piece of raw HTML active, for the message; undefined when it is inert. */
function activeHtml(html: string): string | undefined {
  // Comments are inert, whatever they hold.
  const value = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
  const element = activeElement.exec(value)
  if (element) return `The <${element[1]!.toLowerCase()}> element`
  for (const [text] of value.matchAll(tag)) {
    const handler = eventAttribute.exec(text)
    if (handler) return `The event handler attribute ${handler[1]!.toLowerCase()}=`
  }
  return javascriptUrl.test(value) ? 'A javascript: URL' : undefined
}
