import { changeRequiredFields } from '../../src/rules/change-required-fields.js'
import { ruleTester, text } from './harness.js'

const window = 'window: { start: 2026-12-03T22:00:00+01:00, end: 2026-12-04T01:00:00+01:00 }'

ruleTester(changeRequiredFields, {
  valid: [
    {
      name: 'a closed normal change with everything',
      files: {
        'changes/CHG-0001.yaml': text`
          kind: Change
          id: CHG-0001
          title: T
          type: normal
          status: closed
          ${window}
          plan: do it
          rollback_plan: undo it
          review: { outcome: successful, completed_at: 2026-12-04T09:00:00+01:00 }
        `,
      },
    },
    {
      name: 'a draft standard change needs only its model; a cancelled emergency change no window',
      files: {
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nstatus: draft\nmodel: rotate\n',
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\ntype: emergency\nstatus: cancelled\nplan: p\nrollback_plan: r\n',
      },
    },
    {
      name: 'outcomes that fit the status',
      files: {
        'changes/CHG-0001.yaml': `kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: m\nstatus: implemented\n${window}\nreview: { outcome: partial }\n`,
        'changes/CHG-0002.yaml': `kind: Change\nid: CHG-0002\ntitle: T\ntype: standard\nmodel: m\nstatus: rolled_back\n${window}\nreview: { outcome: failed }\n`,
        'changes/CHG-0003.yaml': `kind: Change\nid: CHG-0003\ntitle: T\ntype: standard\nmodel: m\nstatus: closed\n${window}\nreview: { outcome: rolled_back }\n`,
      },
    },
    {
      name: 'unknown or mistyped type and status are the schema\'s',
      files: {
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: [normal]\nstatus: constructor\nreview: { outcome: successful }\n',
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\ntype: Normal\n',
      },
    },
  ],
  invalid: [
    {
      name: 'standard without model; normal without plan and rollback_plan; submitted without window',
      files: {
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nstatus: draft\n',
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\ntype: normal\nstatus: submitted\n',
      },
      errors: [
        { file: 'changes/CHG-0001.yaml', line: 1, column: 1 },
        { file: 'changes/CHG-0002.yaml', line: 1, column: 1 },
        { file: 'changes/CHG-0002.yaml', line: 1, column: 1 },
        { file: 'changes/CHG-0002.yaml', line: 1, column: 1 },
      ],
    },
    {
      name: 'closed without review',
      files: { 'changes/CHG-0001.yaml': `kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: m\nstatus: closed\n${window}\n` },
      errors: [{ file: 'changes/CHG-0001.yaml', line: 1, column: 1 }],
    },
    {
      name: 'outcomes that contradict the status',
      files: {
        'changes/CHG-0001.yaml': `kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: m\nstatus: rolled_back\n${window}\nreview: { outcome: successful }\n`,
        'changes/CHG-0002.yaml': `kind: Change\nid: CHG-0002\ntitle: T\ntype: standard\nmodel: m\nstatus: failed\n${window}\nreview:\n  outcome: successful\n`,
        'changes/CHG-0003.yaml': `kind: Change\nid: CHG-0003\ntitle: T\ntype: standard\nmodel: m\nstatus: implemented\n${window}\nreview: { outcome: rolled_back }\n`,
      },
      errors: [
        { file: 'changes/CHG-0001.yaml', line: 8, column: 20 },
        { file: 'changes/CHG-0002.yaml', line: 9, column: 12 },
        { file: 'changes/CHG-0003.yaml', line: 8, column: 20 },
      ],
    },
  ],
})
