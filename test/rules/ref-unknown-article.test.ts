import { refUnknownArticle } from '../../src/rules/ref-unknown-article.js'
import { ruleTester } from './harness.js'

const article = '---\nkind: Article\nid: KB-0007\ntitle: T\n---\n'

ruleTester(refUnknownArticle, {
  valid: [
    {
      name: 'workaround and runbooks exist',
      files: {
        'kb/KB-0007-reset.md': article,
        'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: T\nworkaround: KB-0007\n',
        'services/auth.yaml': 'kind: Service\nid: auth\ntitle: T\nrunbooks: [KB-0007]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'unknown articles',
      files: {
        'kb/KB-0007-reset.md': article,
        'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: T\nworkaround: KB-0042\n',
        'services/auth.yaml': 'kind: Service\nid: auth\ntitle: T\nrunbooks: [KB-0007, KB-0008]\n',
      },
      errors: [
        { file: 'problems/PRB-0001.yaml', line: 4, column: 13 },
        { file: 'services/auth.yaml', line: 4, column: 21 },
      ],
    },
  ],
})
