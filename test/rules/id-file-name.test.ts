import { idFileName } from '../../src/rules/id-file-name.js'
import { ruleTester } from './harness.js'

ruleTester(idFileName, {
  valid: [
    {
      name: 'file names that are the id or start with "<id>-"',
      files: {
        'changes/CHG-0042.yaml': 'kind: Change\nid: CHG-0042\ntitle: T\n',
        'changes/CHG-0043-upgrade-postgres.yml': 'kind: Change\nid: CHG-0043\ntitle: T\n',
        'services/payments-api.yaml': 'kind: Service\nid: payments-api\ntitle: T\n',
        'kb/KB-0007-reset-consumer-group.md': '---\nkind: Article\nid: KB-0007\ntitle: T\n---\n',
        'incidents/2026/INC-0001.md': '---\nkind: Incident\nid: INC-0001\ntitle: T\n---\n',
      },
    },
    {
      name: 'malformed or missing ids are the schema\'s',
      files: {
        'changes/CHG-0042.yaml': 'kind: Change\nid: chg-42\ntitle: T\n',
        'changes/CHG-0043.yaml': 'kind: Change\ntitle: T\n',
      },
    },
  ],
  invalid: [
    {
      name: 'another id, a longer number, a missing dash',
      files: {
        'changes/CHG-0041.yaml': 'kind: Change\nid: CHG-0042\ntitle: T\n',
        'changes/CHG-00421.yaml': 'kind: Change\nid: CHG-0042\ntitle: T\n',
        'changes/CHG-0042upgrade.yaml': 'kind: Change\nid: CHG-0042\ntitle: T\n',
        'services/payments.yaml': 'kind: Service\nid: payments-api\ntitle: T\n',
      },
      errors: [
        { file: 'changes/CHG-0041.yaml', line: 2, column: 5 },
        { file: 'changes/CHG-00421.yaml', line: 2, column: 5 },
        { file: 'changes/CHG-0042upgrade.yaml', line: 2, column: 5 },
        { file: 'services/payments.yaml', line: 2, column: 5 },
      ],
    },
    {
      name: 'case matters',
      files: {
        'changes/chg-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\n',
        'kb/kb-0002.md': '---\nkind: Article\nid: KB-0002\ntitle: T\n---\n',
      },
      errors: [
        { file: 'changes/chg-0001.yaml', line: 2, column: 5 },
        { file: 'kb/kb-0002.md', line: 3, column: 5 },
      ],
    },
  ],
})
