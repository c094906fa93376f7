import fc from 'fast-check'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build.js'
import { renderHtmlSite } from '../../src/report/format/html/index.js'
import { articleSource } from './html-site-data.js'
import { config, record } from './report-records.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

// What an attacker would put in a record title or an article: markup, URL schemes, quotes, entities, Markdown syntax.
const fragments = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"', "'", '<', '>', '&', '&lt;', '&#x3C;', '`', '\\', '|', '*', '_',
  '[a](javascript:alert(1))', '[b](KB-0001-a.md#x)', '](', '![i](data:text/html,x)', '<a href="javascript:x">', 'javascript:', ' onmouseover=x ',
  '<h2>', '</h2>', '<th', '<style>', '<svg onload=x>', '<iframe src=x>', '<form action=x>', '<base href=x>', '<meta http-equiv=refresh>',
  '\n', '\n\n', '# ', '## ', '- ', '> ', '1. ', '| a | b |\n| - | - |\n', '```\n', 'www.example.com', 'https://ok.example/a?b=1&c=2', '@acme/team', 'text',
]
const hostileText = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''))

const allowedHref = /^(?:#[^\s]*|https?:\/\/[^\s]*|mailto:[^\s]*|(?:\.\.\/)?(?:kb\/)?[A-Za-z0-9._-]+\.html(?:#[^\s]*)?|data:,)$/
const forbiddenElements = new Set(['script', 'iframe', 'object', 'embed', 'form', 'base', 'frame', 'frameset', 'applet', 'input', 'button', 'textarea', 'select', 'img', 'video', 'audio', 'source', 'math', 'foreignobject'])

/** Every way a page could run code or load something: found with an HTML5 parser of its own (parse5), not ours. */
function activeContent(html: string): string[] {
  const problems: string[] = []
  const styles: Element[] = []
  const walk = (node: Node, inHead: boolean): void => {
    if ('tagName' in node) {
      const el = node as Element
      const name = el.tagName.toLowerCase()
      if (name === 'input' && el.attrs.some((a) => a.name === 'type' && a.value === 'checkbox') && el.attrs.some((a) => a.name === 'disabled')) {
        // GFM task list items: a disabled checkbox, inert.
      } else if (forbiddenElements.has(name)) problems.push(`<${name}>`)
      if (name === 'style') styles.push(el)
      if (name === 'meta' && !inHead) problems.push('<meta> outside <head>')
      if (name === 'link' && !el.attrs.some((a) => a.name === 'href' && a.value === 'data:,')) problems.push('<link> to something')
      for (const a of el.attrs) {
        const attr = a.name.toLowerCase()
        if (attr.startsWith('on')) problems.push(`${attr}= on <${name}>`)
        if (attr === 'style' || attr === 'srcdoc' || attr === 'formaction' || attr === 'src' || attr.endsWith(':href') || attr === 'xlink:href') problems.push(`${attr}= on <${name}>`)
        if (attr === 'href' && !allowedHref.test(a.value)) problems.push(`href="${a.value}" on <${name}>`)
      }
      const content = (el as Element & { content?: Node }).content
      if (content) walk(content, inHead)
    }
    const children = (node as { childNodes?: Node[] }).childNodes ?? []
    for (const child of children) walk(child, inHead || ('tagName' in node && (node as Element).tagName === 'head'))
  }
  walk(parse(html) as unknown as Node, false)
  if (styles.length !== 1) problems.push(`${styles.length} <style> elements`)
  return problems
}

/** The text a person sees, whitespace folded, as the HTML5 parser reads it. */
function visibleText(html: string): string {
  const out: string[] = []
  const walk = (node: Node): void => {
    if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value)
    if ('tagName' in node && ['style', 'title', 'head'].includes((node as Element).tagName)) return
    for (const child of (node as { childNodes?: Node[] }).childNodes ?? []) walk(child)
  }
  walk(parse(html) as unknown as Node)
  return out.join('').replace(/\s+/g, ' ')
}

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim()
const yaml = (text: string): string => JSON.stringify(text) // a JSON string is a YAML 1.2 double-quoted scalar

describe('the HTML site against hostile records and articles (property, read back with parse5)', () => {
  it('never contains active content, and shows every record title as the text it is', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (serviceTitle, changeTitle, articleTitle, body) => {
        const records = [
          record('services/svc.yaml', 'kind: Service', 'id: svc', `title: ${yaml(serviceTitle)}`, `description: ${yaml(body)}`, 'owner: "@acme/x"', 'tier: 1', 'lifecycle: live', `links: { a: ${yaml(changeTitle)}, b: "https://ok.example/" }`),
          record('changes/CHG-0001.yaml', 'kind: Change', 'id: CHG-0001', `title: ${yaml(changeTitle)}`, 'type: normal', 'status: approved', 'services: [svc]', 'requested_by: "@dana"', 'window: { start: 2026-11-10T20:00:00+01:00, end: 2026-11-10T21:00:00+01:00 }'),
          record('incidents/INC-0001.yaml', 'kind: Incident', 'id: INC-0001', `title: ${yaml(serviceTitle)}`, 'services: [svc]', 'priority: P2', 'status: resolved', 'opened_at: 2026-11-11T10:00:00+01:00', 'resolved_at: 2026-11-11T11:00:00+01:00', `actions: [{ title: ${yaml(body)}, owner: "@dana", due: 2026-11-12, done: false }]`),
        ]
        const report = buildReport({ records, config: config(), range: { from: '2026-11-01', to: '2026-11-30' }, now: Date.parse('2026-11-21T12:00:00+01:00'), audit: [], source: { commit: null, shallow: false } })
        const markdown = `---\nkind: Article\nid: KB-0001\ntitle: ${yaml(articleTitle)}\n---\n\n# ${articleTitle.replace(/\n/g, ' ')}\n\n${body}\n`
        const site = renderHtmlSite(report, [articleSource('KB-0001', articleTitle, 'kb/KB-0001-a.md', markdown)])
        for (const [path, html] of site) expect(activeContent(html), path).toEqual([])
        expect(visibleText(site.get('catalog.html')!)).toContain(fold(serviceTitle))
        expect(visibleText(site.get('changes.html')!)).toContain(fold(changeTitle))
        expect(visibleText(site.get('kb/KB-0001.html')!)).toContain(fold(articleTitle))
      }),
      { numRuns: 150 },
    )
  }, 120_000)
})
