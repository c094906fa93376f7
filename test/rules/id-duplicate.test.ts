import { idDuplicate } from '../../src/rules/id-duplicate.js'
import { ruleTester } from './harness.js'

const change = (id: string): string => `kind: Change\nid: ${id}\ntitle: T\n`
const incident = (id: string): string => `kind: Incident\nid: ${id}\ntitle: T\n`

ruleTester(idDuplicate, {
  valid: [
    {
      name: 'distinct ids',
      files: { 'changes/CHG-0001.yaml': change('CHG-0001'), 'changes/CHG-0002.yaml': change('CHG-0002') },
    },
    {
      name: 'the same id in two kinds is fine: ids are unique per kind',
      files: {
        'services/gold.yaml': 'kind: Service\nid: gold\ntitle: T\n',
        'slas/gold.yaml': 'kind: SLA\nid: gold\ntitle: T\n',
      },
    },
    {
      name: 'a record known only by name under another id',
      files: { 'changes/CHG-0001.yaml': change('CHG-0001') },
      listed: [{ file: 'changes/CHG-0002.yaml', kind: 'Change', id: 'CHG-0002' }],
    },
    {
      name: 'a record without a usable id is the schema\'s',
      files: { 'changes/CHG-0001.yaml': 'kind: Change\nid: 1\ntitle: T\n', 'changes/CHG-0001-b.yaml': 'kind: Change\nid: 1\ntitle: T\n' },
    },
  ],
  invalid: [
    {
      name: 'the same id twice: reported on the second file by path',
      files: { 'changes/CHG-0001-b.yaml': change('CHG-0001'), 'changes/CHG-0001-a.yaml': change('CHG-0001') },
      errors: [{ file: 'changes/CHG-0001-b.yaml', line: 2, column: 5 }],
    },
    {
      name: 'ids that differ only in case collide (CHG-0001.yaml and chg-0001.yaml)',
      files: { 'changes/chg-0001.yaml': change('chg-0001'), 'changes/CHG-0001.yaml': change('CHG-0001') },
      errors: [{ file: 'changes/chg-0001.yaml', line: 2, column: 5 }],
    },
    {
      name: 'three incidents, case-folded: every file but the first',
      files: {
        'incidents/INC-0007.yaml': incident('INC-0007'),
        'incidents/INC-0007-again.md': `---\n${incident('inc-0007')}---\n`,
        'incidents/old/INC-0007.yaml': incident('Inc-0007'),
      },
      errors: [
        { file: 'incidents/INC-0007.yaml', line: 2, column: 5 },
        { file: 'incidents/old/INC-0007.yaml', line: 2, column: 5 },
      ],
    },
    {
      name: 'the first file is known only by name',
      files: { 'changes/CHG-0001-z.yaml': change('CHG-0001') },
      listed: [{ file: 'changes/CHG-0001.yaml', kind: 'Change', id: 'CHG-0001' }],
      errors: [{ file: 'changes/CHG-0001-z.yaml', line: 2, column: 5 }],
    },
    {
      name: 'the other copies are known only by name: the parsed first file carries the finding',
      files: { 'changes/CHG-0001.yaml': change('CHG-0001') },
      listed: [{ file: 'changes/CHG-0001-z.yaml', kind: 'Change', id: 'CHG-0001' }],
      errors: [{ file: 'changes/CHG-0001.yaml', line: 2, column: 5 }],
    },
  ],
})
