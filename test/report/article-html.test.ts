import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { markdownToSafeHtml } from '../../src/parse/markdown-html.js'
import { articleHtml, type ArticleHtml } from '../../src/report/format/html/article-html.js'
import { htmlTokens } from '../../src/report/format/html/html-tokens.js'
import { articlePages, type ArticlePage } from '../../src/report/format/html/site-context.js'
import { hostileMarkdown, XSS } from './html-site-data.js'
import { loadAcme } from './report-records.js'

interface Written {
  id: string
  title: string
  file: string
  markdown: string
}

const acmeRoot = join(import.meta.dirname, '..', '..', 'examples', 'acme')
const frontMatter = (id: string, title: string): string => `---\nkind: Article\nid: ${id}\ntitle: "${title}"\n---\n\n`

/** Articles in one folder that link to each other in every way a writer can, and a few that try to break out. */
const linking: Written[] = [
  {
    id: 'KB-1001',
    title: 'Links',
    file: 'kb/KB-1001-links.md',
    markdown: [
      '# Links',
      '',
      "[rel](KB-1002-other.md) [anchor](KB-1002-other.md#Step-2) [enc](KB-1002-other.md#%C3%A9t%C3%A9%20x) [quote](KB-1002-other.md#it's) [amp](KB-1002-other.md#a&b)",
      '[self](#Links) [self2](KB-1001-links.md#Links) [hash](#) [empty]() [plain](KB-1002-other.md?plain=1#L3) [query](KB-1002-other.md?x=1&y=2#Z)',
      '[abs](/kb/KB-1002-other.md) [dot](./KB-1002-other.md) [up](../kb/KB-1002-other.md) [out](../../etc/passwd) [folder](./) [other](../problems/PRB-1.md)',
      '[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [vb](vbscript:x) [data](data:text/html,x) [HTTPS](HTTPS://example.com) [http](http://example.com/a?b=1&c="2")',
      '[mail](mailto:a@example.com) [proto](//evil.example/x) [colon](./1:KB-1003-co.md) [pct](%6Aavascript:alert(1))',
      '<https://auto.example/x?a=1&b=2> www.example.com/y a@example.org',
      '[ref][r1] [ref2][r2]',
      '',
      '[r1]: KB-1002-other.md#Ref',
      '[r2]: https://example.com/ref "ref title"',
      '',
      'A note[^n] and another[^x].',
      '',
      '[^n]: See [other](KB-1002-other.md).',
      '[^x]: Plain.',
    ].join('\n'),
  },
  {
    id: 'KB-1002',
    title: 'Not the heading',
    file: 'kb/KB-1002-other.md',
    markdown: [
      '# Other',
      '',
      '## Step 2',
      '',
      '## Step 2',
      '',
      `### \`code\` &amp; <b>raw</b> &lt;i&gt; "q" 'a'`,
      '',
      '## [Linked heading](KB-1001-links.md) with ![img](x.png)',
      '',
      '| a | b | c |',
      '| :- | :-: | -: |',
      '| 1 | 2 | 3 |',
      '',
      '- [x] done',
      '- [ ] open',
      '',
      '![alt & "quoted"](https://tracker.example/p.png "t") ![](empty.png) ![ spaced ](s.png)',
      '',
      '~~gone~~ **bold** _it_ `code <a href=x>`',
      '',
      '<details><summary>raw</summary>hidden</details>',
      '',
      '```html',
      XSS,
      '```',
    ].join('\n'),
  },
  { id: 'KB-1003', title: 'Colon', file: 'kb/1:KB-1003-co.md', markdown: '# Colon\n\nText.\n' },
].map((a) => ({ ...a, markdown: frontMatter(a.id, a.title) + a.markdown }))

function render(articles: readonly Written[]): Map<string, ArticleHtml> {
  const pages = articlePages(articles.map(({ id, title, file, markdown }) => ({ id, title, file, html: markdownToSafeHtml(markdown) })))
  const byFile = new Map<string, ArticlePage>(pages.map((p) => [p.file, p]))
  return new Map(pages.map((p) => [p.id, articleHtml(p, byFile)]))
}

describe('articleHtml', () => {
  // The snapshot was written by the renderer that parsed each article again and rewrote links before sanitizing;
  // rendering from the validation's HTML and mapping links after sanitizing gives the same bytes.
  it("renders the example's articles, the hostile one and every kind of link as before", async () => {
    const acme: Written[] = []
    for (const r of (await loadAcme()).records) {
      if (r.kind === 'Article' && r.id !== undefined) acme.push({ id: r.id, title: String(r.data.title), file: r.file, markdown: await readFile(join(acmeRoot, r.file), 'utf8') })
    }
    expect(acme).toHaveLength(10)
    const hostile = { id: 'KB-0900', title: XSS, file: 'kb/KB-0900-hostile.md', markdown: hostileMarkdown }
    for (const [id, html] of render([...acme, hostile, ...linking])) expect(html, id).toMatchSnapshot(id)
  })

  it('keeps markup written in an attribute value inside it', () => {
    const article = {
      id: 'KB-1004',
      title: 'Attributes',
      file: 'kb/KB-1004.md',
      markdown: [
        '[a](https://ok.example "<h2>x</h2><img src=x onerror=alert(1)>")',
        '',
        '[b](nowhere.md "<th href=https://evil.example>")',
        '',
        '![x><form action=https://evil><button>go</button></form>](p.png)',
      ].join('\n'),
    }
    expect(render([article]).get('KB-1004')!.html).toBe(
      [
        '<p><a href="https://ok.example" title="<h2>x</h2><img src=x onerror=alert(1)>">a</a></p>',
        '<p><a title="<th href=https://evil.example>">b</a></p>',
        '<p><span class="muted">[image: x&gt;&lt;form action=https://evil&gt;&lt;button&gt;go&lt;/button&gt;&lt;/form&gt;]</span></p>',
      ].join('\n'),
    )
  })

  it('drops a link the sanitizer took for an unknown scheme, even when it names an article', () => {
    // `1:KB-1003-co.md` is a relative path to a browser, but the sanitizer sees the scheme `1:` and drops it before
    // links are mapped; `./1:KB-1003-co.md` is the way to write it.
    const colon = { id: 'KB-1005', title: 'C', file: 'kb/KB-1005.md', markdown: '[colon](1:KB-1003-co.md) [dot](./1:KB-1003-co.md)' }
    expect(render([colon, linking[2]!]).get('KB-1005')!.html).toBe('<p><a>colon</a> <a href="KB-1003.html">dot</a></p>')
  })
})

describe('htmlTokens', () => {
  it('reads tags whole, with markup inside attribute values, and gives the text back', () => {
    const html = '<p><a href="x" title="<b>&#x22;</b>">t &#x3C; u ></a><br><input type="checkbox" checked disabled></p>'
    const tokens = htmlTokens(html)
    expect(tokens.map((t) => t.raw).join('')).toBe(html)
    expect(tokens.map((t) => (t.type === 'text' ? `"${t.raw}"` : t.type === 'end' ? `/${t.name}` : `${t.name}[${t.attributes.map((a) => a.name).join(' ')}]`))).toEqual([
      'p[]',
      'a[href title]',
      '"t &#x3C; u >"',
      '/a',
      'br[]',
      'input[type checked disabled]',
      '/p',
    ])
  })

  it('throws on HTML it cannot read, rather than guess where a tag ends', () => {
    expect(() => htmlTokens('<p title="x>y')).toThrow(/Unexpected HTML/)
    expect(() => htmlTokens('a < b')).toThrow(/Unexpected HTML/)
  })
})
