import { describe, expect, it } from 'vitest'
import { markdownToSafeHtml, mdastToSafeHtml } from '../../src/parse/markdown-html.js'
import { parseMarkdownTree } from '../../src/parse/markdown.js'

describe('markdownToSafeHtml and mdastToSafeHtml', () => {
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

  it('keeps relative links and image sources as written, for the page to map', () => {
    const html = markdownToSafeHtml('[a](KB-0002-x.md#step-2) [b](../problems/PRB-0001.md) ![c](img/c.png "t")')
    expect(html).toBe('<p><a href="KB-0002-x.md#step-2">a</a> <a href="../problems/PRB-0001.md">b</a> <img src="img/c.png" alt="c" title="t"></p>')
  })

  it('renders a parsed tree without changing it, as the text it came from', () => {
    const text = '---\nkind: Article\n---\n# T\n\nSee [x](a.md "t") and[^1].\n\n| a |\n| - |\n| 1 |\n\n[^1]: note\n'
    const tree = parseMarkdownTree(text)
    const before = JSON.stringify(tree)
    expect(mdastToSafeHtml(tree)).toBe(markdownToSafeHtml(text))
    expect(JSON.stringify(tree)).toBe(before)
    // The same tree renders the same twice: the processor is shared, its state is not.
    expect(mdastToSafeHtml(tree)).toBe(markdownToSafeHtml(text))
  })

  it('prefixes ids so a document cannot clobber the page', () => {
    expect(markdownToSafeHtml('[^1]\n\n[^1]: note')).toContain('id="user-content-')
  })
})
