import { markdownHeadingIncrement } from '../../src/rules/markdown-heading-increment.js'
import { ruleTester } from './harness.js'

const article = (body: string): string => `---\nkind: Article\nid: KB-0001\ntitle: T\ntype: faq\nstatus: published\n---\n\n${body}\n`
const file = 'kb/KB-0001.md'

ruleTester(markdownHeadingIncrement, {
  valid: [
    { name: 'one level at a time, and back up by any number', files: { [file]: article('# T\n\n## A\n\n### B\n\n#### C\n\n## D\n\n### E') } },
    { name: 'a body may start below level 1', files: { [file]: article('## A\n\n### B') } },
    { name: 'no headings', files: { [file]: article('text') } },
    { name: 'a YAML record has no body', files: { 'services/a.yaml': 'kind: Service\nid: a\ntitle: A\n' } },
  ],
  invalid: [
    {
      name: 'skipped levels',
      files: { [file]: article('# T\n\n### A\n\n#### B\n\n## C\n\n##### D') },
      errors: [
        { file, line: 11, column: 1 },
        { file, line: 17, column: 1 },
      ],
    },
    {
      name: 'in an incident written as Markdown',
      files: { 'incidents/INC-0001.md': '---\nkind: Incident\nid: INC-0001\ntitle: X\n---\n\n# X\n\n### Timeline\n' },
      errors: [{ file: 'incidents/INC-0001.md', line: 9, column: 1 }],
    },
  ],
})
