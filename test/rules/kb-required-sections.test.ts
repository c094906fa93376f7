import { kbRequiredSections } from '../../src/rules/kb-required-sections.js'
import { ruleTester } from './harness.js'

/** An article of a type; its body starts on line 9. */
const article = (type: string, body: string): string =>
  `---\nkind: Article\nid: KB-0001\ntitle: T\ntype: ${type}\nstatus: published\n---\n\n${body}\n`
const file = 'kb/KB-0001.md'

ruleTester(kbRequiredSections, {
  valid: [
    { name: 'a how-to with its steps', files: { [file]: article('how_to', '# T\n\n## Steps\n\n1. Do it.') } },
    { name: 'names compare ignoring case and spaces', files: { [file]: article('troubleshooting', '# T\n\n##   symptoms  \n\nx\n\n## RESOLUTION\n\ny') } },
    { name: 'types without an entry require nothing', files: { [file]: article('faq', '# T\n\nNo sections.') } },
    {
      name: 'configured sections replace the defaults',
      files: { [file]: article('runbook', '# T\n\n## Prerequisites\n\nx') },
      config: { knowledge: { sections: { runbook: ['Prerequisites'] } } },
    },
    { name: 'a malformed type is the schema\'s', files: { [file]: article('[1, 2]', '# T') } },
  ],
  invalid: [
    {
      name: 'each missing section, at the title heading',
      files: { [file]: article('known_error', '# T\n\n## Symptoms\n\nx\n\n### Cause\n\nA level-3 heading does not count.') },
      errors: [
        { file, line: 9, column: 1 },
        { file, line: 9, column: 1 },
      ],
    },
    { name: 'without a title heading, at line 1', files: { [file]: article('how_to', 'Just text.') }, errors: [{ file, line: 1, column: 1 }] },
  ],
})
