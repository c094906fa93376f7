import { markdownBrokenLink } from '../../src/rules/markdown-broken-link.js'
import { fileRuleTester } from './file-cases.js'

/** An article whose body starts on line 9. */
const article = (id: string, body: string): string =>
  `---\nkind: Article\nid: ${id}\ntitle: T\ntype: reference\nstatus: published\n---\n\n# T\n\n${body}\n`
const a = (body: string): Record<string, string> => ({ 'kb/KB-0001-a.md': article('KB-0001', body) })
const b = article('KB-0002', '## Cause\n\n## Cause\n\n## Café au lait?\n\n## `pg_stat` and *locks*\n\n<a id="legacy-anchor"></a>')
const others = ['kb/img/pool.png', 'docs/guide.md', 'docs/folder/index.md', 'changes/CHG-0001-up.yaml', 'README.md']

fileRuleTester(markdownBrokenLink, {
  valid: [
    { name: 'external links and schemes', files: a('[x](https://a.example/b) [m](mailto:a@b.example) [t](tel:+1) [p](//cdn.example/x.png) [h](#)') },
    { name: 'a sibling file', files: { ...a('[b](KB-0002-b.md)'), 'kb/KB-0002-b.md': b } },
    { name: 'up a folder, query and percent-encoding', files: a('[g](../docs/guide.md?plain=1) [c](../changes/CHG-0001-up.yaml) [i](./img/%70ool.png)'), others },
    { name: 'root-relative, as GitHub resolves them', files: a('[g](/docs/guide.md) [r](/README.md)'), others },
    { name: 'a folder', files: a('[d](../docs/folder/) [e](../docs) [root](../)'), others },
    { name: 'an image that exists', files: a('![Pool usage](img/pool.png)'), others },
    {
      name: 'anchors: GitHub slugs, duplicates, punctuation, markup, case, HTML ids',
      files: {
        ...a('[1](KB-0002-b.md#cause) [2](KB-0002-b.md#cause-1) [3](KB-0002-b.md#caf%C3%A9-au-lait) [4](KB-0002-b.md#pg_stat-and-locks) [5](KB-0002-b.md#Cause) [6](KB-0002-b.md#legacy-anchor)'),
        'kb/KB-0002-b.md': b,
      },
    },
    { name: 'an anchor in the same file', files: a('## Two words\n\n[up](#two-words) [title](#t)') },
    { name: 'anchors into Markdown not parsed in this run are not checked', files: a('[g](../docs/guide.md#anything) [k](KB-0009-x.md#what)'), others, unparsed: ['kb/KB-0009-x.md'] },
    { name: 'a line of the source view', files: { ...a('[l](KB-0002-b.md?plain=1#L3)'), 'kb/KB-0002-b.md': b } },
    { name: 'anchors into non-Markdown files are not checked', files: a('[c](../changes/CHG-0001-up.yaml#L3)'), others },
    { name: 'a missing file named like a record is markdown/unknown-record\'s', files: a('[k](KB-0042-gone.md) [c](../changes/CHG-0099.yaml)'), others },
    { name: 'an empty anchor is not checked', files: a('[g](../docs/guide.md#)'), others },
  ],
  invalid: [
    { name: 'a missing file', files: a('See [the guide](../docs/gide.md).'), others, errors: [{ file: 'kb/KB-0001-a.md', line: 11, column: 5 }] },
    { name: 'a missing image', files: a('text\n\n![Pool usage](img/missing.png)'), others, errors: [{ file: 'kb/KB-0001-a.md', line: 13, column: 1 }] },
    { name: 'paths are case-sensitive', files: a('[g](../docs/Guide.md)'), others, errors: [{ file: 'kb/KB-0001-a.md', line: 11, column: 1 }] },
    { name: 'a link out of the repository', files: a('[up](../../etc/passwd)'), others, errors: [{ file: 'kb/KB-0001-a.md', line: 11, column: 1 }] },
    {
      name: 'a missing anchor, in another file and in the same file',
      files: { ...a('[1](KB-0002-b.md#causes)\n[2](#nope)\n[3](KB-0002-b.md#cause-2)'), 'kb/KB-0002-b.md': b },
      errors: [
        { file: 'kb/KB-0001-a.md', line: 11, column: 1 },
        { file: 'kb/KB-0001-a.md', line: 12, column: 1 },
        { file: 'kb/KB-0001-a.md', line: 13, column: 1 },
      ],
    },
    {
      name: 'a reference definition',
      files: a('See [the guide][g].\n\n[g]: ../docs/missing.md'),
      others,
      errors: [{ file: 'kb/KB-0001-a.md', line: 13, column: 1 }],
    },
    {
      name: 'links in incidents and problems written as Markdown',
      files: {
        'incidents/INC-0001-x.md': '---\nkind: Incident\nid: INC-0001\ntitle: X\n---\n\n# X\n\n[gone](../kb/gone.md)\n',
      },
      errors: [{ file: 'incidents/INC-0001-x.md', line: 9, column: 1 }],
    },
  ],
})
