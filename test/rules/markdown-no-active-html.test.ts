import { markdownNoActiveHtml } from '../../src/rules/markdown-no-active-html.js'
import { ruleTester } from './harness.js'

const article = (body: string): string => `---\nkind: Article\nid: KB-0001\ntitle: T\ntype: faq\nstatus: published\n---\n\n# T\n\n${body}\n`
const file = 'kb/KB-0001.md'

ruleTester(markdownNoActiveHtml, {
  valid: [
    { name: 'inert HTML', files: { [file]: article('<details><summary>More</summary>\n\ntext\n\n</details>\n\n<a id="x" href="https://a.example/?on=1">a</a> <kbd>Ctrl</kbd>') } },
    { name: 'comments', files: { [file]: article('<!-- <script>alert(1)</script> onclick= -->') } },
    { name: 'code is not HTML', files: { [file]: article('`<script>`\n\n```html\n<iframe src="x"></iframe>\n```') } },
    { name: 'words that look like handlers, outside tags', files: { [file]: article('Turn it on=off, see javascript docs.') } },
  ],
  invalid: [
    {
      name: 'active elements, event handlers and javascript: URLs',
      files: {
        [file]: article(
          '<script src="x.js"></script>\n\n<IFRAME src="https://a.example"></IFRAME>\n\n<img src="a.png" onerror="alert(1)">\n\n' +
            'Inline <a href="javascript:alert(1)">x</a>.\n\n<style>body{}</style>\n\n<object data="x"></object>\n\n<embed src="x">\n\n[md](javascript:alert(1))',
        ),
      },
      errors: [
        { file, line: 11, column: 1 },
        { file, line: 13, column: 1 },
        { file, line: 15, column: 1 },
        { file, line: 17, column: 8 },
        { file, line: 19, column: 1 },
        { file, line: 21, column: 1 },
        { file, line: 23, column: 1 },
        { file, line: 25, column: 1 },
      ],
    },
  ],
})
