import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import { lintRecords } from '../../src/lint/engine.js'
import type { MarkdownBody, ParsedRecord } from '../../src/model/record.js'

const range = fc.record({ line: fc.nat(50), column: fc.nat(80), endLine: fc.nat(50), endColumn: fc.nat(80) })
/** URL pieces that reach the resolver's branches: schemes, climbing, queries, anchors, bad escapes, record ids. */
const url = fc.oneof(
  fc.string(),
  fc
    .array(fc.constantFrom('..', '.', '', 'kb', 'KB-0001-a.md', 'CHG-0002.yaml', 'img.png', '%', '%E0%A4%A', '?q', '#', '#a', '#cause-1', 'https:', '//', '/', 'javascript:', ' '), { maxLength: 8 })
    .map((parts) => parts.join('/')),
)
const text = fc.oneof(fc.string(), fc.constantFrom('Cause', 'cause', 'Summary', 'Root cause', '__proto__', 'constructor', '', ' '))
const body: fc.Arbitrary<MarkdownBody> = fc.record({
  headings: fc.array(fc.record({ depth: fc.integer({ min: -1, max: 9 }), text, range, empty: fc.boolean() }), { maxLength: 8 }),
  links: fc.array(
    fc.record({ url, range, kind: fc.constantFrom('link' as const, 'definition' as const, 'image' as const), alt: fc.option(fc.string(), { nil: undefined }) }),
    { maxLength: 8 },
  ),
  html: fc.array(fc.record({ value: fc.oneof(fc.string(), fc.constantFrom('<script>', '<a onclick=x>', '<!--', '<a id="x">', 'javascript:')), range }), { maxLength: 4 }),
})
const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('P1', 'P2', 'resolved', 'closed', 'retired', 'known_error', 'faq', '2026-11-02', '2026-11-01T09:00:00Z'))
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('title', 'owner', 'due', 'done'), scalar))
const record = fc.record({
  kind: fc.constantFrom('Article', 'Incident', 'Problem', 'Service'),
  id: fc.constantFrom('KB-0001', 'KB-0002', 'INC-0001', 'PRB-0001', 'a'),
  file: fc.constantFrom('kb/KB-0001-a.md', 'kb/KB-0002.md', 'incidents/INC-0001.md', 'problems/PRB-0001.md', 'services/a.yaml', 'top.md'),
  data: fc.dictionary(fc.constantFrom('title', 'type', 'status', 'services', 'priority', 'resolved_at', 'review_by', 'reviewed_at', 'actions', 'lifecycle'), value),
  body: fc.option(body, { nil: undefined }),
})

describe('rules on arbitrary Markdown outlines', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.array(fc.constantFrom('kb/img.png', 'docs/a.md', 'kb/KB-0001-a.md', 'x'), { maxLength: 4 }), (generated, others) => {
        const records: ParsedRecord[] = generated.map((r) => ({
          file: r.file,
          format: r.body ? 'markdown' : 'yaml',
          data: { ...r.data, kind: r.kind, id: r.id },
          locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 2 }),
          body: r.body,
        }))
        const files = new Set([...records.map((r) => r.file), ...others])
        const { diagnostics } = lintRecords({ records, config: defaultConfig(), now: new Date('2026-11-21T12:00:00Z'), files })
        expect(diagnostics.filter((d) => d.ruleId === 'internal/rule-failed')).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})
