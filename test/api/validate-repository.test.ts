import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { markdownToSafeHtml, validateRepository } from '../../src/index.js'
import { makeTree, minimalRepo } from '../support/repo.js'

const acme = join(import.meta.dirname, '..', '..', 'examples', 'acme')

describe('validateRepository with articleHtml', () => {
  it("gives each Article its body as sanitized HTML from the validation's parse, and nothing else", async () => {
    const plain = await validateRepository({ root: acme })
    const withHtml = await validateRepository({ root: acme, articleHtml: true })
    expect(plain.parsed.filter((r) => r.safeHtml !== undefined)).toEqual([])
    const articles = withHtml.parsed.filter((r) => r.kind === 'Article')
    expect(articles).toHaveLength(10)
    expect(withHtml.parsed.filter((r) => r.safeHtml !== undefined).map((r) => r.file)).toEqual(articles.map((r) => r.file))
    for (const r of articles) expect(r.safeHtml, r.file).toMatch(/^<h1>|^<p>|^<h2>/)
    // The same findings either way.
    expect(withHtml.diagnostics).toEqual(plain.diagnostics)
  })

  it('renders an Article outside the knowledge folder too, and none for a file that does not parse', async () => {
    const article = '---\nkind: Article\nid: KB-0001\ntitle: Misfiled\n---\n\n# Misfiled\n\nSee [x](../kb/KB-0002.md).\n'
    const dir = makeTree({
      ...minimalRepo,
      'gitsm.yaml': `${minimalRepo['gitsm.yaml']}rules:\n  file/wrong-folder: "off"\n`,
      'incidents/KB-0001.md': article,
      'kb/KB-0002.md': '---\nkind: Article\nid: KB-0002\ntitle: [unclosed\n---\n# Broken\n',
    })
    const result = await validateRepository({ root: dir, articleHtml: true })
    expect(result.parsed.find((r) => r.file === 'incidents/KB-0001.md')?.safeHtml).toBe(markdownToSafeHtml(article))
    expect(result.parsed.some((r) => r.file === 'kb/KB-0002.md')).toBe(false)
    expect(result.diagnostics.some((d) => d.file === 'kb/KB-0002.md' && d.severity === 'error')).toBe(true)
  })
})
