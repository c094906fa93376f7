import { postmortemActionItems } from '../../src/rules/postmortem-action-items.js'
import { ruleTester } from './harness.js'

const incident = (...actions: string[]): string =>
  `kind: Incident\nid: INC-0001\ntitle: X\nservices: [a]\npriority: P3\nstatus: open\nopened_at: 2026-11-01T09:00:00Z\nactions:\n${actions.map((a) => `  - ${a}`).join('\n')}\n`
const file = 'incidents/INC-0001.yaml'

ruleTester(postmortemActionItems, {
  valid: [
    { name: 'owner and due on every action', files: { [file]: incident('{ title: A, owner: "@erik", due: 2026-11-20, done: false }', '{ title: B, owner: "@acme/ops", due: 2026-12-01, done: true }') } },
    { name: 'no actions', files: { [file]: 'kind: Incident\nid: INC-0001\ntitle: X\n' } },
    { name: 'malformed actions are the schema\'s', files: { [file]: incident('just a string') } },
  ],
  invalid: [
    {
      name: 'an action without an owner, one without a due date, one with neither',
      files: { [file]: incident('{ title: A, due: 2026-11-20 }', '{ title: B, owner: "@erik" }', '{ title: C, done: true }') },
      errors: [
        { file, line: 9, column: 5 },
        { file, line: 10, column: 5 },
        { file, line: 11, column: 5 },
      ],
    },
    {
      name: 'in the front matter of a Markdown incident',
      files: { 'incidents/INC-0001.md': `---\n${incident('{ title: A }')}---\n\n# X\n` },
      errors: [{ file: 'incidents/INC-0001.md', line: 10, column: 5 }],
    },
  ],
})
