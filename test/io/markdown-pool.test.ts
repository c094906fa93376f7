import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createMarkdownParser } from '../../src/io/markdown-pool.js'
import { isSafeForMainThread, mainThreadChars } from '../../src/io/markdown-risk.js'
import type { ParsedRecord } from '../../src/model/record.js'
import { parseMarkdownRecord } from '../../src/parse/markdown.js'
import { markdownToSafeHtml, mdastToSafeHtml } from '../../src/parse/markdown-html.js'
import type { LoadResult } from '../../src/parse/yaml-document.js'

const article = (i: number) => `---
kind: Article
id: KB-${String(i).padStart(4, '0')}
title: Restart service ${i}
owner: "@acme/ops"
---

# Restart service ${i}

Drain the node with \`kubectl drain\`, then **restart** it. See [the runbook](https://example.com/${i}).

| Step | Owner |
| --- | --- |
| Drain | ops |

- [x] documented
`

const files = [
  ...Array.from({ length: 12 }, (_, i) => ({ path: `kb/KB-${i}.md`, text: article(i) })),
  { path: 'kb/no-front-matter.md', text: '# Just a heading\n' },
  { path: 'kb/bad-yaml.md', text: '---\nkind: [unclosed\n---\nbody\n' },
  { path: 'kb/long.md', text: article(99) + '\nMore text, *emphasised* and _underlined_.\n'.repeat(400) },
]

/** A comparable form of a load result: the record without its locate function, plus where a few paths point. */
function comparable(result: LoadResult<ParsedRecord>) {
  if (!result.ok) return result
  const { locate, ...rest } = result.value
  return { ...rest, body: JSON.parse(JSON.stringify(rest.body)), at: [locate(['id']), locate(['title'], 'key'), locate(['missing'])] }
}

const hostile = '*_'.repeat(40_000)

describe('createMarkdownParser', () => {
  it('returns what parseMarkdownRecord returns, in worker threads', async () => {
    const parser = createMarkdownParser({ mainThread: false })
    try {
      const results = await Promise.all(files.map((file) => parser.parse(file)))
      results.forEach((result, i) => expect(comparable(result)).toEqual(comparable(parseMarkdownRecord(files[i]!.text, files[i]!.path))))
      expect(results.filter((r) => r.ok)).toHaveLength(13)
    } finally {
      await parser.close()
    }
  })

  it('returns the same in the main thread for small plain files', async () => {
    const parser = createMarkdownParser()
    try {
      for (const file of files) expect(comparable(await parser.parse(file))).toEqual(comparable(parseMarkdownRecord(file.text, file.path)))
    } finally {
      await parser.close()
    }
  })

  it('renders the body as sanitized HTML from the same parse when asked, in worker threads and in the main thread', async () => {
    const inWorkers = createMarkdownParser({ mainThread: false })
    const inMain = createMarkdownParser()
    try {
      for (const parser of [inWorkers, inMain]) {
        const results = await Promise.all(files.map((file, i) => parser.parse({ ...file, html: i % 2 === 0 })))
        results.forEach((result, i) => {
          const file = files[i]!
          const expected = parseMarkdownRecord(file.text, file.path, i % 2 === 0 ? { renderHtml: mdastToSafeHtml } : {})
          expect(comparable(result)).toEqual(comparable(expected))
          if (result.ok) expect(result.value.safeHtml, file.path).toBe(i % 2 === 0 ? markdownToSafeHtml(file.text) : undefined)
        })
        expect(results.filter((r) => r.ok && r.value.safeHtml !== undefined).length).toBeGreaterThan(5)
      }
    } finally {
      await Promise.all([inWorkers.close(), inMain.close()])
    }
  })

  it('reports a file that runs over the budget as markdown/too-slow and still parses the others', async () => {
    const parser = createMarkdownParser({ budgetMs: 300, workers: 2 })
    try {
      const batch = [
        { path: 'kb/slow-1.md', text: hostile },
        ...files.slice(0, 4),
        { path: 'kb/slow-2.md', text: `---\nkind: Article\n---\n${hostile}` },
        ...files.slice(4, 8).map((file) => ({ ...file, text: file.text + 'x'.repeat(mainThreadChars) })),
      ]
      const started = performance.now()
      const results = await Promise.all(batch.map((file) => parser.parse(file)))
      expect(performance.now() - started).toBeLessThan(10_000)
      for (const index of [0, 5]) {
        const result = results[index]!
        expect(result.ok).toBe(false)
        if (!result.ok) {
          expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'markdown/too-slow', severity: 'error', file: batch[index]!.path, line: 1, column: 1 })])
          expect(result.diagnostics[0]!.message).toMatch(/longer than 300 ms/)
        }
      }
      results.forEach((result, i) => {
        if (i !== 0 && i !== 5) expect(result.ok, batch[i]!.path).toBe(true)
      })
      // The replaced workers keep serving.
      expect((await parser.parse(files[0]!)).ok).toBe(true)
      expect((await parser.parse({ path: 'kb/x.md', text: article(1) + 'y'.repeat(mainThreadChars) })).ok).toBe(true)
    } finally {
      await parser.close()
    }
  })

  it('reports a tree too deep for the main thread without affecting the other files', async () => {
    const parser = createMarkdownParser({ mainThread: false, budgetMs: 30_000 })
    try {
      // Thousands of nested quotes: code walking that tree in the main thread would overflow its stack.
      const [deep, normal] = await Promise.all([parser.parse({ path: 'kb/deep.md', text: '>'.repeat(3000) }), parser.parse(files[0]!)])
      expect(deep.ok).toBe(false)
      if (!deep.ok) expect(deep.diagnostics[0]).toMatchObject({ ruleId: 'markdown/too-deep', file: 'kb/deep.md', line: 1 })
      expect(normal.ok).toBe(true)
    } finally {
      await parser.close()
    }
  })

  it('reports a file over the size limit without parsing it', async () => {
    const parser = createMarkdownParser()
    const result = await parser.parse({ path: 'kb/huge.md', text: 'x'.repeat(1024 * 1024 + 1) })
    await parser.close()
    expect(result.ok ? [] : result.diagnostics.map((d) => d.ruleId)).toEqual(['file/too-large'])
  })

  it('rejects parses after close', async () => {
    const parser = createMarkdownParser()
    await parser.close()
    await expect(parser.parse(files[0]!)).rejects.toThrow(/closed/)
  })

  it('does not keep the process alive once idle, even without close', async () => {
    const pool = fileURLToPath(new URL('../../src/io/markdown-pool.ts', import.meta.url))
    const script = `
      const { createMarkdownParser } = await import(${JSON.stringify(pool)})
      const parser = createMarkdownParser({ mainThread: false })
      const result = await parser.parse({ path: 'a.md', text: '---\\nkind: Article\\n---\\n# Hi\\n' })
      console.log(result.ok ? 'parsed' : 'failed')
    `
    const started = performance.now()
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      )
    })
    expect(output.trim()).toBe('parsed')
    expect(performance.now() - started).toBeLessThan(20_000)
  })
})

describe('isSafeForMainThread', () => {
  it('accepts ordinary articles and refuses what can make the parser slow', () => {
    expect(isSafeForMainThread(article(1))).toBe(true)
    expect(isSafeForMainThread(files[14]!.text)).toBe(false)
    for (const text of ['*_'.repeat(100), '['.repeat(60), '`'.repeat(60), '<a'.repeat(60), '> '.repeat(9) + 'x', '- '.repeat(9) + 'x', ' '.repeat(40) + 'x', '1. '.repeat(9) + 'x']) {
      expect(isSafeForMainThread(text), text.slice(0, 20)).toBe(false)
    }
    // Delimiters are counted per block: blank lines separate the blocks.
    expect(isSafeForMainThread(('*a* _b_ [c](d) `e` '.repeat(4) + '\n\n').repeat(50))).toBe(true)
    expect(isSafeForMainThread(('*a* _b_ [c](d) `e` '.repeat(4) + '\n').repeat(50))).toBe(false)
  })
})
