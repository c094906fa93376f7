import { describe, expect, it } from 'vitest'
import { markdownToSafeHtml } from '../../src/parse/markdown-html.js'

describe('markdownToSafeHtml', () => {
  it('renders CommonMark and GFM, without the front matter', () => {
    const html = markdownToSafeHtml('---\nkind: Article\nid: KB-0001\n---\n# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n')
    expect(html).not.toContain('kind: Article')
    expect(html).toContain('<h1>Title</h1>')
    expect(html).toContain('<table>')
    expect(html).toContain('type="checkbox"')
  })

  it('drops raw HTML and dangerous URLs', () => {
    const html = markdownToSafeHtml(
      [
        '<script>alert(1)</script>',
        '',
        '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
        '',
        '<img src=x onerror=alert(1)>',
        '',
        '![pic](javascript:alert(2))',
        '',
        '[ok](https://example.com/a?b=1&c=2)',
      ].join('\n'),
    )
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text|vbscript:/i)
    expect(html).toContain('<a href="https://example.com/a?b=1&#x26;c=2">ok</a>')
    expect(html).toContain('>click</a>')
  })

  it('sanitizes after rewriting, so a rewrite cannot bring a dangerous URL back', () => {
    const html = markdownToSafeHtml('[a](KB-0002-x.md#step-2) [b](other.md)', {
      rewriteUrl: (url) => (url.startsWith('KB-0002') ? 'KB-0002.html#step-2' : 'javascript:alert(1)'),
    })
    expect(html).toContain('href="KB-0002.html#step-2"')
    expect(html).not.toContain('javascript:')
  })

  it('prefixes ids so a document cannot clobber the page', () => {
    expect(markdownToSafeHtml('[^1]\n\n[^1]: note')).toContain('id="user-content-')
  })
})
