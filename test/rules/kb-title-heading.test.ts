import { kbTitleHeading } from '../../src/rules/kb-title-heading.js'
import { ruleTester } from './harness.js'

const article = (title: string, body: string): string =>
  `---\nkind: Article\nid: KB-0001\ntitle: ${title}\ntype: faq\nstatus: published\n---\n\n${body}\n`
const file = 'kb/KB-0001.md'

ruleTester(kbTitleHeading, {
  valid: [
    { name: 'the heading is the title', files: { [file]: article('Reset a consumer group', '# Reset a consumer group\n\n## More') } },
    { name: 'markup in the heading', files: { [file]: article('"Tune `max_connections` safely"', '# Tune `max_connections` *safely*') } },
    { name: 'surrounding and repeated spaces', files: { [file]: article('Reset  it ', '#   Reset it   ') } },
    { name: 'other kinds are not articles', files: { 'incidents/INC-0001.md': '---\nkind: Incident\nid: INC-0001\ntitle: X\n---\n\nNo heading.\n' } },
  ],
  invalid: [
    { name: 'no level-1 heading: at the title', files: { [file]: article('Reset', '## Reset') }, errors: [{ file, line: 4, column: 8 }] },
    { name: 'a different heading', files: { [file]: article('Reset a consumer group', 'Intro.\n\n# Reset consumer groups') }, errors: [{ file, line: 11, column: 1 }] },
    { name: 'case counts', files: { [file]: article('Reset', '# reset') }, errors: [{ file, line: 9, column: 1 }] },
    {
      name: 'a second level-1 heading',
      files: { [file]: article('Reset', '# Reset\n\ntext\n\n# Appendix\n\nmore\n\nSetext\n======') },
      errors: [
        { file, line: 13, column: 1 },
        { file, line: 17, column: 1 },
      ],
    },
  ],
})
