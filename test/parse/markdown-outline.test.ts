import { describe, expect, it } from 'vitest'
import { outlineMarkdown, parseMarkdownTree } from '../../src/parse/index.js'

const text = [
  '---', // 1
  'kind: Article', // 2
  '---', // 3
  '# Reset a *consumer* group', // 4
  '', // 5
  '## Symptoms', // 6
  '', // 7
  '## Steps', // 8
  '', // 9
  'See [the runbook](KB-0002-fail-over.md#rollback) and ![diagram](img/flow.png).', // 10
  '', // 11
  '### Check `lag`', // 12
  '', // 13
  '<script>alert(1)</script>', // 14
  '', // 15
  '[ref]: ../README.md', // 16
  '| a | b |', // 17
  '| - | - |', // 18
  '| [x](x.md) | ![](no-alt.png) |', // 19
].join('\n')

describe('outlineMarkdown', () => {
  const { frontMatter, body } = outlineMarkdown(parseMarkdownTree(text))

  it('finds the front matter and the line of its opening fence', () => {
    expect(frontMatter).toEqual({ value: 'kind: Article', line: 1 })
  })

  it('lists headings with plain text, positions and empty sections', () => {
    expect(body.headings.map((h) => [h.depth, h.text, h.range.line, h.empty])).toEqual([
      [1, 'Reset a consumer group', 4, false],
      [2, 'Symptoms', 6, true],
      [2, 'Steps', 8, false],
      [3, 'Check lag', 12, false],
    ])
  })

  it('lists links, definitions and images (with alt text), tables included', () => {
    expect(body.links.map((l) => [l.kind, l.url, l.range.line, l.range.column, l.alt])).toEqual([
      ['link', 'KB-0002-fail-over.md#rollback', 10, 5, undefined],
      ['image', 'img/flow.png', 10, 54, 'diagram'],
      ['definition', '../README.md', 16, 1, undefined],
      ['link', 'x.md', 19, 3, undefined],
      ['image', 'no-alt.png', 19, 15, ''],
    ])
  })

  it('lists raw HTML with its position', () => {
    expect(body.html).toEqual([{ value: '<script>alert(1)</script>', range: { line: 14, column: 1, endLine: 14, endColumn: 26 } }])
  })

  it('walks deep nesting without recursion', () => {
    const deep = outlineMarkdown(parseMarkdownTree(`${'> '.repeat(2000)}[x](y.md)`))
    expect(deep.body.links).toHaveLength(1)
  })
})
