import { describe, expect, it } from 'vitest'
import { estimateNestingDepth, parseYaml, parseMarkdownRecord, parseRecordFile } from '../../src/parse/index.js'

/** Each hazard of THREATS.md's loader contract: the rule id and the 1-based line and column it must point at. */
const rejected: { name: string; text: string; ruleId: string; line: number; column: number }[] = [
  { name: '%YAML directive (would turn `yes` into true)', text: '%YAML 1.1\n---\nemergency: yes\n', ruleId: 'yaml/directive', line: 1, column: 1 },
  { name: '%TAG directive', text: '%TAG !e! tag:example.com,2000:\n---\na: 1\n', ruleId: 'yaml/directive', line: 1, column: 1 },
  { name: 'explicit core tag', text: 'kind: Change\ntier: !!str 1\n', ruleId: 'yaml/tag', line: 2, column: 7 },
  { name: 'js/function tag', text: 'kind: Change\nx: !!js/function "f"\n', ruleId: 'yaml/tag', line: 2, column: 4 },
  { name: 'anchor', text: 'a: &x 1\n', ruleId: 'yaml/anchor', line: 1, column: 4 },
  { name: 'alias to an anchor', text: 'a: 1\nb: *x\n', ruleId: 'yaml/alias', line: 2, column: 4 },
  { name: 'alias to nothing (a bare ReferenceError elsewhere)', text: 'a: *nope\n', ruleId: 'yaml/alias', line: 1, column: 4 },
  { name: 'self-referencing alias (circular object)', text: 'b: &b [*b]\n', ruleId: 'yaml/anchor', line: 1, column: 4 },
  { name: 'merge key', text: 'a:\n  <<: {x: 1}\n', ruleId: 'yaml/merge-key', line: 2, column: 3 },
  { name: 'duplicate key (toJS keeps the last)', text: 'kind: Change\nrisk: low\nrisk: high\n', ruleId: 'yaml/duplicate-key', line: 3, column: 1 },
  { name: 'tab as indentation', text: 'window:\n\tstart: x\n', ruleId: 'yaml/tab-indent', line: 2, column: 1 },
  { name: 'second document', text: 'a: 1\n---\nb: 2\n', ruleId: 'yaml/multiple-documents', line: 2, column: 1 },
  { name: 'empty file', text: '', ruleId: 'yaml/empty', line: 1, column: 1 },
  { name: 'only a comment', text: '# nothing\n', ruleId: 'yaml/empty', line: 1, column: 1 },
  { name: 'a list, not a mapping', text: '- a\n- b\n', ruleId: 'yaml/not-a-mapping', line: 1, column: 1 },
  { name: '__proto__ key', text: 'x:\n  __proto__: {admin: true}\n', ruleId: 'yaml/forbidden-key', line: 2, column: 3 },
  { name: 'constructor key', text: 'constructor: 1\n', ruleId: 'yaml/forbidden-key', line: 1, column: 1 },
  { name: 'prototype key', text: 'a: {prototype: 1}\n', ruleId: 'yaml/forbidden-key', line: 1, column: 5 },
  { name: 'complex key', text: '? [a, b]\n: 1\n', ruleId: 'yaml/complex-key', line: 1, column: 3 },
  { name: 'unclosed flow sequence', text: 'services: [a, b\nrisk: low\n', ruleId: 'yaml/syntax', line: 2, column: 1 },
  { name: 'nesting 70 deep (flow)', text: `a: ${'['.repeat(70)}${']'.repeat(70)}\n`, ruleId: 'yaml/too-deep', line: 1, column: 4 },
  { name: 'nesting 100000 deep, rejected before parsing', text: `a: ${'['.repeat(100_000)}`, ruleId: 'yaml/too-deep', line: 1, column: 4 },
  { name: 'oversized record', text: `a: "${'x'.repeat(300 * 1024)}"\n`, ruleId: 'file/too-large', line: 1, column: 1 },
]

describe('parseYaml rejects what the loader contract forbids', () => {
  it.each(rejected)('$name → $ruleId', ({ text, ruleId, line, column }) => {
    const result = parseYaml(text, { file: 'changes/CHG-0001.yaml' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const hit = result.diagnostics.find((d) => d.ruleId === ruleId)
    expect(hit, JSON.stringify(result.diagnostics)).toBeDefined()
    expect(hit).toMatchObject({ severity: 'error', file: 'changes/CHG-0001.yaml' })
    // The over-deep rejection reports where the estimate first crossed the limit: on the line, at or after the column.
    if (ruleId === 'yaml/too-deep') {
      expect(hit!.line).toBe(line)
      expect(hit!.column).toBeGreaterThanOrEqual(column)
    } else expect([hit!.line, hit!.column]).toEqual([line, column])
  })

  it('never throws, whatever the input', () => {
    const inputs = ['\u0000', ': : :', '{', ']]]', '"unterminated', '- - - - -', '!', '&', '*', '%', '---\n---\n---', '\uFEFF', 'a: |\n  x\n b']
    for (const text of inputs) expect(() => parseYaml(text, { file: 'x.yaml' })).not.toThrow()
  })

  it('survives two over-deep documents in one process', () => {
    for (let i = 0; i < 2; i++) {
      const result = parseYaml(`a:\n${Array.from({ length: 5000 }, (_, n) => `${' '.repeat(n + 2)}b${n}:`).join('\n')}\n`, { file: 'x.yaml' })
      expect(result.ok).toBe(false)
    }
  })
})

describe('parseYaml reads plain YAML 1.2 with positions', () => {
  const text = 'kind: Change\nemergency: no\ntier: 1\nwindow:\n  start: 2026-12-03T22:00:00+01:00\nservices: [payments-api, auth]\n'
  const result = parseYaml(text, { file: 'c.yaml' })

  it('keeps YAML 1.2 core meanings: `no` is a string, timestamps are strings', () => {
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.data).toEqual({
      kind: 'Change',
      emergency: 'no',
      tier: 1,
      window: { start: '2026-12-03T22:00:00+01:00' },
      services: ['payments-api', 'auth'],
    })
  })

  it('locates values, keys, array items, and falls back to the nearest ancestor', () => {
    if (!result.ok) throw new Error('parse failed')
    const { locate } = result.value
    expect(locate(['window', 'start'])).toMatchObject({ line: 5, column: 10 })
    expect(locate(['window', 'start'], 'key')).toMatchObject({ line: 5, column: 3 })
    expect(locate(['services', 1])).toEqual({ line: 6, column: 26, endLine: 6, endColumn: 30 })
    expect(locate(['window', 'end'])).toMatchObject({ line: 4, column: 1 })
    expect(locate(['nope'])).toMatchObject({ line: 1, column: 1 })
    expect(locate([], 'key')).toMatchObject({ line: 1, column: 1 })
  })

  it('counts CRLF line endings like LF', () => {
    const crlf = parseYaml('kind: Change\r\nrisk: low\r\nrisk: high\r\n', { file: 'c.yaml' })
    expect(crlf.ok).toBe(false)
    if (!crlf.ok) expect(crlf.diagnostics[0]).toMatchObject({ ruleId: 'yaml/duplicate-key', line: 3, column: 1 })
  })
})

describe('Markdown records', () => {
  it('shifts front-matter positions to the real lines of the file', () => {
    const result = parseMarkdownRecord('---\nkind: Article\nid: KB-0001\ntitle: T\n---\n# T\n', 'kb/KB-0001.md')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.locate(['id'])).toMatchObject({ line: 3, column: 5 })
    expect(result.value.body?.headings).toEqual([{ depth: 1, text: 'T', range: { line: 6, column: 1, endLine: 6, endColumn: 4 }, empty: true }])
  })

  it('reports front-matter YAML errors at the file line', () => {
    const result = parseMarkdownRecord('---\nkind: Article\nid: KB-0001\nid: KB-0002\n---\n# T\n', 'kb/KB-0001.md')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ ruleId: 'yaml/duplicate-key', line: 4, column: 1 })
  })

  it('requires front matter', () => {
    const result = parseMarkdownRecord('# Just a page\n', 'kb/page.md')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ ruleId: 'markdown/no-front-matter', line: 1 })
  })

  it('rejects an oversized Markdown file without parsing it', () => {
    const result = parseRecordFile({ path: 'kb/KB-0001.md', text: `---\nkind: Article\n---\n${'word '.repeat(220_000)}` })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics[0]!.ruleId).toBe('file/too-large')
  })
})

describe('estimateNestingDepth', () => {
  it('never under-counts the real nesting', () => {
    const samples = ['a: [[[1]]]', 'a:\n  b:\n    c:\n      d: 1', '- - - - x', 'a: {b: {c: [1, {d: 2}]}}', 'a:\n- b:\n  - c: 1']
    const real = [4, 4, 4, 5, 4]
    samples.forEach((text, i) => expect(estimateNestingDepth(text).depth).toBeGreaterThanOrEqual(real[i]!))
  })

  it('is not fooled by quotes or comments hiding brackets', () => {
    expect(estimateNestingDepth(`a: "x" ${'['.repeat(300)}`).depth).toBeGreaterThan(256)
    expect(estimateNestingDepth(`a: 'it''s' ${'{'.repeat(300)}`).depth).toBeGreaterThan(256)
  })
})
