import { changeModelNotStandard } from '../../src/rules/change-model-not-standard.js'
import { ruleTester } from './harness.js'

ruleTester(changeModelNotStandard, {
  valid: [
    {
      name: 'a model on a standard change; no model on a normal one; an unknown type is the schema\'s',
      files: {
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: m\n',
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\ntype: normal\n',
        'changes/CHG-0003.yaml': 'kind: Change\nid: CHG-0003\ntitle: T\ntype: minor\nmodel: m\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a model on normal and emergency changes, at the key',
      files: {
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: normal\nmodel: m\n',
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\ntype: emergency\n  \nmodel: m\n',
      },
      errors: [
        { file: 'changes/CHG-0001.yaml', line: 5, column: 1 },
        { file: 'changes/CHG-0002.yaml', line: 6, column: 1 },
      ],
    },
  ],
})
