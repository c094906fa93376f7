import { refUnknownIncident } from '../../src/rules/ref-unknown-incident.js'
import { ruleTester } from './harness.js'

const incident = 'kind: Incident\nid: INC-0012\ntitle: T\n'

ruleTester(refUnknownIncident, {
  valid: [
    {
      name: 'related.incidents and problem incidents exist',
      files: {
        'incidents/INC-0012.yaml': incident,
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nrelated: { incidents: [INC-0012], problems: [] }\n',
        'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: T\nincidents: [INC-0012]\n',
      },
    },
    {
      name: 'related of the wrong shape is skipped',
      files: { 'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nrelated: [INC-0099]\n' },
    },
  ],
  invalid: [
    {
      name: 'unknown incidents',
      files: {
        'incidents/INC-0012.yaml': incident,
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nrelated:\n  incidents: [INC-0012, INC-0013]\n',
        'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: T\nincidents: [INC-0099, INC-0012]\n',
      },
      errors: [
        { file: 'changes/CHG-0001.yaml', line: 5, column: 25 },
        { file: 'problems/PRB-0001.yaml', line: 4, column: 13 },
      ],
    },
  ],
})
