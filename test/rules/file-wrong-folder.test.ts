import { fileWrongFolder } from '../../src/rules/file-wrong-folder.js'
import { ruleTester } from './harness.js'

ruleTester(fileWrongFolder, {
  valid: [
    {
      name: 'every kind in its folder with a fitting extension',
      files: {
        'services/auth.yaml': 'kind: Service\nid: auth\ntitle: T\n',
        'slas/gold.yml': 'kind: SLA\nid: gold\ntitle: T\n',
        'changes/standard/rotate.yaml': 'kind: StandardChange\nid: rotate\ntitle: T\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\n',
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\n',
        'incidents/2026/INC-0002.md': '---\nkind: Incident\nid: INC-0002\ntitle: T\n---\n',
        'problems/PRB-0001.md': '---\nkind: Problem\nid: PRB-0001\ntitle: T\n---\n',
        'kb/KB-0001.md': '---\nkind: Article\nid: KB-0001\ntitle: T\n---\n',
      },
    },
    {
      name: 'configured folders',
      config: { paths: { services: 'catalog/services/', standard_changes: 'models' } },
      files: {
        'catalog/services/auth.yaml': 'kind: Service\nid: auth\ntitle: T\n',
        'models/rotate.yaml': 'kind: StandardChange\nid: rotate\ntitle: T\n',
      },
    },
    {
      name: 'a record whose kind came from its folder',
      files: { 'services/auth.yaml': 'kind: Servce\nid: auth\ntitle: T\n' },
    },
  ],
  invalid: [
    {
      name: 'a service among incidents, a change among standard changes, a model among changes',
      files: {
        'incidents/auth.yaml': 'kind: Service\nid: auth\ntitle: T\n',
        'changes/standard/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\n',
        'changes/rotate.yaml': 'kind: StandardChange\nid: rotate\ntitle: T\n',
        'other/KB-0001.md': '---\nkind: Article\nid: KB-0001\ntitle: T\n---\n',
      },
      errors: [
        { file: 'incidents/auth.yaml', line: 1, column: 7 },
        { file: 'changes/standard/CHG-0001.yaml', line: 1, column: 7 },
        { file: 'changes/rotate.yaml', line: 1, column: 7 },
        { file: 'other/KB-0001.md', line: 2, column: 7 },
      ],
    },
    {
      name: 'extensions that do not suit the kind',
      files: {
        'services/auth.md': '---\nkind: Service\nid: auth\ntitle: T\n---\n',
        'kb/KB-0001.yaml': 'kind: Article\nid: KB-0001\ntitle: T\n',
        'changes/CHG-0001.YAML': 'kind: Change\nid: CHG-0001\ntitle: T\n',
      },
      errors: [
        { file: 'services/auth.md', line: 2, column: 7 },
        { file: 'kb/KB-0001.yaml', line: 1, column: 7 },
        { file: 'changes/CHG-0001.YAML', line: 1, column: 7 },
      ],
    },
    {
      name: 'both wrong: two findings',
      files: { 'services/KB-0001.yaml': 'kind: Article\nid: KB-0001\ntitle: T\n' },
      errors: [
        { file: 'services/KB-0001.yaml', line: 1, column: 7 },
        { file: 'services/KB-0001.yaml', line: 1, column: 7 },
      ],
    },
  ],
})
