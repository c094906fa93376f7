import { refUnknownProblem } from '../../src/rules/ref-unknown-problem.js'
import { ruleTester } from './harness.js'

const problem = 'kind: Problem\nid: PRB-0003\ntitle: T\n'

ruleTester(refUnknownProblem, {
  valid: [
    {
      name: 'incident problem and change related.problems exist',
      files: {
        'problems/PRB-0003.yaml': problem,
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\nproblem: PRB-0003\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nrelated: { problems: [PRB-0003] }\n',
      },
    },
  ],
  invalid: [
    {
      name: 'unknown problems',
      files: {
        'incidents/INC-0001.md': '---\nkind: Incident\nid: INC-0001\ntitle: T\nproblem: PRB-0004\n---\n\n# Timeline\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nrelated: { problems: [PRB-0004] }\n',
      },
      errors: [
        { file: 'incidents/INC-0001.md', line: 5, column: 10 },
        { file: 'changes/CHG-0001.yaml', line: 4, column: 23 },
      ],
    },
  ],
})
