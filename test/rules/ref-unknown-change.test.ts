import { refUnknownChange } from '../../src/rules/ref-unknown-change.js'
import { ruleTester } from './harness.js'

const change = 'kind: Change\nid: CHG-0040\ntitle: T\n'

ruleTester(refUnknownChange, {
  valid: [
    {
      name: 'caused_by and fix name existing changes, in any case',
      files: {
        'changes/CHG-0040.yaml': change,
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\ncaused_by: CHG-0040\n',
        'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: T\nfix: CHG-0050\n',
      },
      listed: [{ file: 'changes/CHG-0050.yaml', kind: 'Change', id: 'CHG-0050' }],
    },
    {
      name: 'malformed or mistyped references are the schema\'s',
      files: {
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\ncaused_by: change 40\n',
        'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: T\nfix: [CHG-0099]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'unknown change in caused_by and fix',
      files: {
        'changes/CHG-0040.yaml': change,
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\ncaused_by: CHG-0041\n',
        'problems/PRB-0001.md': '---\nkind: Problem\nid: PRB-0001\ntitle: T\nfix: CHG-0099\n---\n',
      },
      errors: [
        { file: 'incidents/INC-0001.yaml', line: 4, column: 12 },
        { file: 'problems/PRB-0001.md', line: 5, column: 6 },
      ],
    },
    {
      name: 'a change of another kind does not count (ids are per kind)',
      files: {
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\ncaused_by: CHG-0001\n',
      },
      listed: [{ file: 'problems/CHG-0001.yaml', kind: 'Problem', id: 'CHG-0001' }],
      errors: [{ file: 'incidents/INC-0001.yaml', line: 4, column: 12 }],
    },
  ],
})
