import { markdownEmptySection } from '../../src/rules/markdown-empty-section.js'
import { ruleTester } from './harness.js'

const article = (body: string): string => `---\nkind: Article\nid: KB-0001\ntitle: T\ntype: faq\nstatus: published\n---\n\n${body}\n`
const file = 'kb/KB-0001.md'

ruleTester(markdownEmptySection, {
  valid: [
    { name: 'sections with content, or with subsections', files: { [file]: article('# T\n\n## A\n\n### B\n\ntext\n\n## C\n\n- item') } },
    { name: 'a table or code counts as content', files: { [file]: article('# T\n\n## A\n\n| a |\n| - |\n\n## B\n\n```\nx\n```') } },
  ],
  invalid: [
    {
      name: 'a heading followed by one of the same or a higher level, or by nothing',
      files: { [file]: article('# T\n\n## A\n\n## B\n\n### C\n\n# D') },
      errors: [
        { file, line: 11, column: 1 },
        { file, line: 15, column: 1 },
        { file, line: 17, column: 1 },
      ],
    },
  ],
})
