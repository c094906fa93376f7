import { describe, expect, it } from 'vitest'
import { kbDuplicateTitle } from '../../src/rules/kb-duplicate-title.js'
import { lintCase, ruleTester } from './harness.js'

const article = (id: string, title: string): string => `---\nkind: Article\nid: ${id}\ntitle: ${title}\ntype: faq\nstatus: published\n---\n\n# ${title.trim()}\n`

ruleTester(kbDuplicateTitle, {
  valid: [
    { name: 'different titles', files: { 'kb/KB-0001.md': article('KB-0001', 'Reset a group'), 'kb/KB-0002.md': article('KB-0002', 'Reset a groups') } },
    { name: 'other kinds may share a title', files: { 'kb/KB-0001.md': article('KB-0001', 'Pool'), 'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: Pool\n' } },
  ],
  invalid: [
    {
      name: 'every copy but the first by path, ignoring case and spaces',
      files: {
        'kb/KB-0003.md': article('KB-0003', '"  reset A group "'),
        'kb/KB-0001.md': article('KB-0001', 'Reset a group'),
        'kb/KB-0002.md': article('KB-0002', 'RESET A GROUP'),
      },
      errors: [
        { file: 'kb/KB-0002.md', line: 4, column: 8 },
        { file: 'kb/KB-0003.md', line: 4, column: 8 },
      ],
    },
  ],
})

describe('kb/duplicate-title', () => {
  it('relates each copy to the first', () => {
    const [found] = lintCase(kbDuplicateTitle, { name: '', files: { 'kb/KB-0001.md': article('KB-0001', 'A'), 'kb/KB-0002.md': article('KB-0002', 'a') } })
    expect(found?.related).toEqual([expect.objectContaining({ file: 'kb/KB-0001.md', line: 4 })])
  })
})
