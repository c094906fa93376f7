import { gitsm } from '../support/cli.js'
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdownTree } from '../../src/parse/markdown.js'
import { makeTree } from '../support/repo.js'

const corpora = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora')
const now = '2026-11-21T12:00:00Z'


/** Real knowledge bases (see the corpora README): one folder each, and what is not an article in them. */
const cases = [
  { corpus: 'prometheus-operator-runbooks', ignore: ['**/README.md'], articles: 119 },
  { corpus: 'pagerduty-incident-response-docs', ignore: ['**/README.md', 'kb/mkdocs.yml'], articles: 36 },
]

function markdownFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = `${prefix}${e.name}`
    if (e.isDirectory()) return markdownFiles(dir, `${path}/`)
    return path.endsWith('.md') ? [path] : []
  })
}

interface MdLink {
  file: string
  line: number
  column: number
  /** The linked file, repository-relative. */
  target: string
  /** Written with a slash after the file name (`guide.md/#x`), as some site generators accept. */
  slashed: boolean
}

/** Every relative link (inline or definition, not images) from a Markdown file to a `.md` file, read with remark. */
function mdLinks(root: string, file: string): MdLink[] {
  const tree = parseMarkdownTree(readFileSync(join(root, file), 'utf8'))
  const links: MdLink[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if ('children' in node) stack.push(...(node.children as Nodes[]))
    if (node.type !== 'link' && node.type !== 'definition') continue
    if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(node.url)) continue
    const path = decodeURIComponent(node.url.split(/[?#]/)[0]!)
    if (!/\.md\/?$/i.test(path)) continue
    const target = posix.normalize(path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(file), path)).replace(/\/$/, '')
    links.push({ file, line: node.position!.start.line, column: node.position!.start.column, target, slashed: path.endsWith('/') })
  }
  return links
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644)
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) makeWritable(join(path, name))
}

describe.each(cases)('kb adopt on the $corpus corpus', ({ corpus, ignore, articles }) => {
  it('adopts every file, keeps every link between Markdown files working, and validates without a loader or link error', async () => {
    const source = join(corpora, corpus)
    expect(existsSync(source), `the corpus ${corpus} is missing (see the corpora README)`).toBe(true)
    const root = makeTree({ 'gitsm.yaml': `timezone: UTC\npaths: { knowledge: kb }\nignore: [${ignore.map((g) => JSON.stringify(g)).join(', ')}]\n` })
    cpSync(source, join(root, 'kb'), { recursive: true })
    makeWritable(join(root, 'kb'))
    const before = markdownFiles(root).flatMap((f) => mdLinks(root, f))
    for (const link of before) expect(isFile(join(root, link.target)), `${link.file}:${link.line} → ${link.target}`).toBe(true)

    const started = performance.now()
    const adopted = await gitsm(['kb', 'adopt', join(root, 'kb'), '--write', '--owner', '@acme/sre', '--now', now, '--format', 'json'], root)
    const adoptMs = performance.now() - started
    expect(adopted.stderr).toBe('')
    expect(adopted.code).toBe(0)
    const plan = JSON.parse(adopted.stdout)
    expect(plan.written).toBe(true)
    expect(plan.articles).toHaveLength(articles)

    const after = markdownFiles(root)
    const notArticles = after.filter((f) => !/(^|\/)KB-[0-9]{4,}-[^/]*\.md$/.test(f))
    expect(notArticles).toEqual(['kb/README.md'])
    const links = after.flatMap((f) => mdLinks(root, f))
    expect(links).toHaveLength(before.length)
    // After adoption every link names its file exactly: no slash after a file name, no file gone.
    for (const link of links) {
      expect(link.slashed, `${link.file}:${link.line}`).toBe(false)
      expect(isFile(join(root, link.target)), `${link.file}:${link.line} → ${link.target}`).toBe(true)
    }

    const started2 = performance.now()
    const validated = await gitsm(['validate', root, '--format', 'json', '--now', now], root)
    const validateMs = performance.now() - started2
    expect(validated.stderr).toBe('')
    expect([0, 1]).toContain(validated.code)
    const report = JSON.parse(validated.stdout) as { records: number; diagnostics: { ruleId: string; file: string; line: number; column: number }[] }
    expect(report.records).toBe(articles)
    // What adoption answers for: front matter, ids, names, folders, titles, references. What is left is content a
    // person decides (sections, empty pages, images and anchors that were missing already).
    const adoptionFindings = report.diagnostics.filter((d) => /^(schema|yaml|id|file|record|ref)\//.test(d.ruleId) || ['markdown/no-front-matter', 'markdown/syntax', 'markdown/too-slow', 'markdown/unknown-record', 'kb/title-heading'].includes(d.ruleId))
    expect(adoptionFindings).toEqual([])
    // A broken-link finding may only be about a link that does not lead to a Markdown file of the repository by
    // name (a missing image, a site path) or about an anchor that was missing before.
    const linkAt = new Map(links.map((l) => [`${l.file}:${l.line}:${l.column}`, l]))
    const brokenToMarkdown = report.diagnostics.filter((d) => d.ruleId === 'markdown/broken-link' && linkAt.has(`${d.file}:${d.line}:${d.column}`))
    const anchorsMissingBefore = plan.articles.flatMap((a: { todos: { what: string; message: string }[] }) => a.todos).filter((t: { what: string; message: string }) => t.what === 'broken-link' && /anchor/.test(t.message))
    expect(brokenToMarkdown.length).toBeLessThanOrEqual(anchorsMissingBefore.length)
    for (const finding of brokenToMarkdown) expect(isFile(join(root, linkAt.get(`${finding.file}:${finding.line}:${finding.column}`)!.target))).toBe(true)

    console.log(`${corpus}: ${articles} articles, ${plan.rewrites.length} links rewritten, ${links.length} links between Markdown files kept; adopt ${Math.round(adoptMs)} ms, validate ${Math.round(validateMs)} ms; findings: ${summarize(report.diagnostics)}`)
  })
})

function summarize(diagnostics: readonly { ruleId: string }[]): string {
  const counts = new Map<string, number>()
  for (const d of diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1)
  return [...counts].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'
}
