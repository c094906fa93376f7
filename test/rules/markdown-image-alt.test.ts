import { markdownImageAlt } from '../../src/rules/markdown-image-alt.js'
import { ruleTester } from './harness.js'

const article = (body: string): string => `---\nkind: Article\nid: KB-0001\ntitle: T\ntype: faq\nstatus: published\n---\n\n# T\n\n${body}\n`
const file = 'kb/KB-0001.md'

ruleTester(markdownImageAlt, {
  valid: [
    { name: 'images with alternative text', files: { [file]: article('![Pool usage](a.png) and ![ref][r]\n\n[r]: b.png') } },
    { name: 'links need none', files: { [file]: article('[](a.md)') } },
  ],
  invalid: [
    {
      name: 'empty or blank alternative text',
      files: { [file]: article('![](a.png)\n\nText ![ ](https://img.example/b.png)') },
      errors: [
        { file, line: 11, column: 1 },
        { file, line: 13, column: 6 },
      ],
    },
  ],
})
