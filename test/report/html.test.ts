import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import { buildReport, type ReportData } from '../../src/report/build.js'
import { contentSecurityPolicy, renderHtmlSite, type ArticleSource } from '../../src/report/format/html/index.js'
import { acmeSite, articleSource, XSS } from './html-site-data.js'

let report: ReportData
let articles: ArticleSource[]
let site: Map<string, string>

beforeAll(async () => {
  ;({ report, articles } = await acmeSite())
  site = renderHtmlSite(report, articles)
})

const topPages = ['index.html', 'catalog.html', 'slas.html', 'changes.html', 'incidents.html', 'knowledge.html', 'audit.html']
const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;'

/** Attribute values as the browser reads them (the few references our pages write). */
function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x26;|&amp;/g, '&'))
}

function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
}

describe('renderHtmlSite', () => {
  it('writes the seven pages and one page per article', () => {
    expect([...site.keys()]).toEqual([...topPages, ...[...articles].map((a) => `kb/${a.id}.html`).sort()])
  })

  it('escapes a <script> title in every page: text, attributes and SVG titles', () => {
    for (const [path, html] of site) {
      expect(html, path).not.toMatch(/<script/i)
      for (const [tag] of html.matchAll(/<[a-z][a-z0-9]*\b[^>]*>/gi)) {
        expect(tag, path).not.toMatch(/\s(?:on[a-z]+|style)\s*=/i)
      }
      expect(html, path).toContain(escaped)
    }
    expect(site.get('changes.html')).toMatch(/<td>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/td>/)
    expect(site.get('changes.html')).toMatch(/<title>CHG-0900 &lt;script&gt;alert\(1\)&lt;\/script&gt; \(upcoming\)/)
    expect(site.get('catalog.html')).toContain(`<h3 id="service-title-xss-svc">${escaped}`)
    expect(site.get('catalog.html')).toContain('@acme/x&quot; onmouseover=&quot;alert(1)')
    expect(site.get('incidents.html')).toContain(`<td>${escaped}</td>`)
    expect(site.get('audit.html')).toContain(`<li>${escaped} approved their own change`)
    expect(site.get('kb/KB-0900.html')).toContain(`<h1>${escaped}</h1>`)
    expect(site.get('knowledge.html')).toContain(`<a href="kb/KB-0900.html">${escaped}</a>`)
  })

  it('carries a Content-Security-Policy that allows exactly the page style, by its hash', () => {
    for (const [path, html] of site) {
      const policies = attributes(html, 'content').filter((c) => c.startsWith('default-src'))
      expect(policies, path).toEqual([contentSecurityPolicy])
      // The policy precedes the style it governs, right after the charset.
      expect(html.indexOf('http-equiv="Content-Security-Policy"'), path).toBeLessThan(html.indexOf('<style>'))
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)]
      expect(styles, path).toHaveLength(1)
      const hash = createHash('sha256').update(styles[0]![1]!, 'utf8').digest('base64')
      expect(contentSecurityPolicy).toContain(`style-src 'sha256-${hash}';`)
    }
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:; base-uri 'none'; form-action 'none'$/)
  })

  it('loads nothing: no scripts, no external sources, only the data: favicon', () => {
    for (const [path, html] of site) {
      expect(attributes(html, 'src'), path).toEqual([])
      expect([...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]), path).toEqual(['<link rel="icon" href="data:,">'])
      expect(html, path).not.toMatch(/<(iframe|object|embed|form|base|img|video|audio)\b/i)
      expect(html, path).toMatch(/^<!DOCTYPE html>\n<html lang="en">/)
      expect(html, path).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    }
  })

  it('is deterministic: the same report gives the same bytes, whatever the order of the articles', () => {
    const again = renderHtmlSite(structuredClone(report), [...articles].reverse())
    expect([...again.entries()]).toEqual([...site.entries()])
  })

  it('links only to pages and anchors of the site, or to http(s) URLs', () => {
    for (const [path, html] of site) {
      for (const href of attributes(html, 'href')) {
        if (href === 'data:,') continue
        const url = new URL(href, `file:///site/${path}`)
        if (url.protocol === 'https:' || url.protocol === 'http:') continue
        expect(url.protocol, `${path}: ${href}`).toBe('file:')
        const target = decodeURIComponent(url.pathname.slice('/site/'.length))
        expect(site.has(target), `${path}: ${href} -> ${target}`).toBe(true)
        if (url.hash) expect(attributes(site.get(target)!, 'id'), `${path}: ${href}`).toContain(decodeURIComponent(url.hash.slice(1)))
      }
    }
  })

  it('drops javascript: and other non-http links from records and articles', () => {
    for (const [path, html] of site) {
      for (const href of attributes(html, 'href')) expect(href, path).toMatch(/^(?:https?:\/\/|data:,$|[A-Za-z0-9._/-]*(?:#[^\s]*)?$)/)
      expect(attributes(html, 'href').join(' '), path).not.toMatch(/javascript:|vbscript:|data:text/i)
    }
    const catalog = site.get('catalog.html')!
    expect(catalog).toContain('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">ok</a>')
    expect(catalog).toContain('evil <span class="muted">(not an http(s) link)</span>')
    const article = site.get('kb/KB-0900.html')!
    expect(article).toContain('<a>click me</a>')
    expect(article).toContain('<a href="KB-0001.html#user-content-cause">pool exhaustion causes</a>')
    expect(article).toContain('<a href="#user-content-symptoms">top</a>')
    expect(article).toContain('<span class="muted">[image: tracker]</span>')
    expect(article).not.toContain('tracker.example')
  })

  it('keeps headings in order and gives every table header a scope', () => {
    for (const [path, html] of site) {
      const levels = headingLevels(html)
      expect(levels[0], path).toBe(1)
      levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${path} heading ${i}`).toBeLessThanOrEqual(1))
      expect(html.match(/<th(?=[\s>])(?![^>]*\bscope=)/g), path).toBeNull()
      for (const svg of html.matchAll(/<svg\b[^>]*>/g)) expect(svg[0], path).toMatch(/role="img" aria-labelledby="[^"]+-t [^"]+-d"/)
    }
  })

  it('never rounds availability up to its target', () => {
    const copy = structuredClone(report)
    const entry = copy.slas.find((s) => s.availability?.target === 99.9)!
    entry.availability!.actual = 99.89996
    const slas = renderHtmlSite(copy, articles).get('slas.html')!
    expect(slas).toContain('99.899 %')
    expect(slas).not.toContain('99.900 %')
    expect(slas).toMatch(/99\.899 %<\/td><td class="n">99\.9 %<\/td><td><span class="tag bad">missed<\/span>/)
  })

  it('says which periods are measured to date, and shows no figure for one not begun', () => {
    const slas = site.get('slas.html')!
    expect(slas).toContain('<td>2026-11 (to date)</td>')
    expect(slas).toMatch(/<td>2026-12 \(to date\)<\/td><td class="n">–<\/td>/)
    expect(slas).toContain('<td>2026-10</td>')
  })

  it('renders an empty repository without figures', () => {
    const empty = buildReport({ records: [], config: defaultConfig(), range: { from: '2026-01-01', to: '2026-03-31' }, now: Date.parse('2026-02-01T00:00:00Z'), audit: [], source: { commit: null, shallow: false } })
    const pages = renderHtmlSite(empty, [])
    expect([...pages.keys()]).toEqual(topPages)
    expect(pages.get('index.html')).toContain('Nothing needs attention')
    expect(pages.get('changes.html')).toContain('No change windows to draw.')
  })

  it('names article pages safely, whatever the id', () => {
    const pages = renderHtmlSite(report, [
      articleSource('../../etc/passwd', 'x', 'kb/a.md', '# x'),
      articleSource('KB-0001', 'a', 'kb/KB-0001-a.md', '# a'),
      articleSource('kb-0001', 'b', 'kb/KB-0001-b.md', '# b'),
    ])
    expect([...pages.keys()].filter((p) => p.startsWith('kb/'))).toEqual(['kb/__.._etc_passwd.html', 'kb/KB-0001.html', 'kb/kb-0001-2.html'])
  })
})

describe('the fixture', () => {
  it('holds the hostile records the tests rely on', () => {
    expect(report.catalog.services.some((s) => s.title === XSS)).toBe(true)
    expect(report.changes.calendar.windows.some((w) => w.title === XSS && w.when === 'upcoming')).toBe(true)
    expect(report.audit.some((a) => a.flags.length > 0 && a.approvals === null)).toBe(true)
  })
})
