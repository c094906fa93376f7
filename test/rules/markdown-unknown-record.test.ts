import { describe, expect, it } from 'vitest'
import { markdownUnknownRecord } from '../../src/rules/markdown-unknown-record.js'
import { fileRuleTester, lintWithFiles } from './file-cases.js'

const article = (id: string, body: string): string =>
  `---\nkind: Article\nid: ${id}\ntitle: T\ntype: reference\nstatus: published\n---\n\n# T\n\n${body}\n`
const change = 'kind: Change\nid: CHG-0007\ntitle: Upgrade\n'
const renamed = (body: string): Record<string, string> => ({
  'kb/KB-0001-a.md': article('KB-0001', body),
  'kb/KB-0042-new-title.md': article('KB-0042', 'text'),
  'changes/CHG-0007-upgrade-postgres.yaml': change,
})

fileRuleTester(markdownUnknownRecord, {
  valid: [
    { name: 'links to records where they live', files: renamed('[k](KB-0042-new-title.md) [c](../changes/CHG-0007-upgrade-postgres.yaml#L1)') },
    { name: 'a record known by name only', files: renamed('[i](../incidents/INC-0003-x.md)'), unparsed: ['incidents/INC-0003-x.md'] },
    { name: 'other missing files are markdown/broken-link\'s', files: renamed('[g](../docs/guide.md) [n](KB-12-short.md) [s](SKB-0042.md)') },
    { name: 'external links named like records', files: renamed('[k](https://wiki.example/KB-0042-old.md)') },
  ],
  invalid: [
    {
      name: 'a renamed article, a change under an old name, a missing incident and problem',
      files: renamed('[k](KB-0042-old-title.md#cause)\n[c](../changes/chg-0007.yaml)\n[i](../incidents/INC-0009.md) [p](/problems/PRB-0001-x.md)'),
      errors: [
        { file: 'kb/KB-0001-a.md', line: 11, column: 1 },
        { file: 'kb/KB-0001-a.md', line: 12, column: 1 },
        { file: 'kb/KB-0001-a.md', line: 13, column: 1 },
        { file: 'kb/KB-0001-a.md', line: 13, column: 31 },
      ],
    },
    { name: 'an image named like a record', files: renamed('![Graph](KB-0042-graph.png)'), errors: [{ file: 'kb/KB-0001-a.md', line: 11, column: 1 }] },
  ],
})

describe('markdown/unknown-record messages', () => {
  it('say where the record lives, as a link from the linking file', () => {
    const [found] = lintWithFiles(markdownUnknownRecord, { name: '', files: renamed('[k](../kb/KB-0042-old-title.md#cause)') })
    expect(found?.message).toContain('kb/KB-0042-new-title.md')
    expect(found?.message).toContain('KB-0042-new-title.md#cause')
    expect(found?.related).toEqual([expect.objectContaining({ file: 'kb/KB-0042-new-title.md' })])
  })
})
