import { refUnknownService } from '../../src/rules/ref-unknown-service.js'
import { ruleTester, text } from './harness.js'

const auth = text`
  kind: Service
  id: auth
  title: Auth
`

ruleTester(refUnknownService, {
  valid: [
    {
      name: 'every kind names services that exist',
      files: {
        'services/auth.yaml': auth,
        'services/payments-api.yaml': text`
          kind: Service
          id: payments-api
          title: Payments API
          depends_on: [auth]
        `,
        'slas/gold.yaml': 'kind: SLA\nid: gold\ntitle: Gold\nservices: [payments-api]\n',
        'changes/standard/rotate.yaml': 'kind: StandardChange\nid: rotate\ntitle: Rotate\nservices: [auth]\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nservices: [auth, payments-api]\n',
        'incidents/INC-0001.yaml': text`
          kind: Incident
          id: INC-0001
          title: Down
          services: [payments-api]
          downtime:
            - { start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:40:00Z, service: auth }
            - { start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:40:00Z }
        `,
        'problems/PRB-0001.md': '---\nkind: Problem\nid: PRB-0001\ntitle: P\nservices: [auth]\n---\n\n# P\n',
        'kb/KB-0001.md': '---\nkind: Article\nid: KB-0001\ntitle: A\nservices: [payments-api]\n---\n',
      },
    },
    {
      name: 'a service known only by file name (not parsed in this run) resolves',
      files: { 'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nservices: [auth]\n' },
      listed: [{ file: 'services/auth.yaml', kind: 'Service', id: 'auth' }],
    },
    {
      name: 'malformed ids and values of the wrong type are left to the schema',
      files: {
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nservices: [Payments API, 42, { a: b }]\n',
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\nservices: nope\n',
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\ndowntime: { service: nope }\n',
      },
    },
  ],
  invalid: [
    {
      name: 'unknown dependency, at the exact list item',
      files: {
        'services/auth.yaml': auth,
        'services/payments-api.yaml': text`
          kind: Service
          id: payments-api
          title: Payments API
          depends_on: [auth, postgres-main]
        `,
      },
      errors: [{ file: 'services/payments-api.yaml', line: 4, column: 20 }],
    },
    {
      name: 'unknown services in every kind that names services',
      files: {
        'slas/gold.yaml': 'kind: SLA\nid: gold\ntitle: Gold\nservices: [ghost]\n',
        'changes/standard/rotate.yaml': 'kind: StandardChange\nid: rotate\ntitle: Rotate\nservices:\n  - ghost\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nservices: [ghost]\n',
        'problems/PRB-0001.md': '---\nkind: Problem\nid: PRB-0001\ntitle: P\nservices: [ghost]\n---\n',
        'kb/KB-0001.md': '---\nkind: Article\nid: KB-0001\ntitle: A\nservices: [ghost]\n---\n',
      },
      errors: [
        { file: 'slas/gold.yaml', line: 4, column: 12 },
        { file: 'changes/standard/rotate.yaml', line: 5, column: 5 },
        { file: 'changes/CHG-0001.yaml', line: 4, column: 12 },
        { file: 'problems/PRB-0001.md', line: 5, column: 12 },
        { file: 'kb/KB-0001.md', line: 5, column: 12 },
      ],
    },
    {
      name: 'incident services and downtime services',
      files: {
        'services/auth.yaml': auth,
        'incidents/INC-0001.yaml': text`
          kind: Incident
          id: INC-0001
          title: Down
          services: [auth, ghost]
          downtime:
            - start: 2026-11-02T09:10:00Z
              end: 2026-11-02T10:40:00Z
              service: phantom
        `,
      },
      errors: [
        { file: 'incidents/INC-0001.yaml', line: 4, column: 18 },
        { file: 'incidents/INC-0001.yaml', line: 8, column: 14 },
      ],
    },
  ],
})
