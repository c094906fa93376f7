import { changeStandardModel } from '../../src/rules/change-standard-model.js'
import { ruleTester, text } from './harness.js'

const model = text`
  kind: StandardChange
  id: rotate-tls-cert
  title: Rotate a TLS certificate
  services: [payments-api, auth]
  max_risk: medium
`
const anywhere = 'kind: StandardChange\nid: restart\ntitle: Restart\nservices: []\nmax_risk: low\n'
const change = (lines: string): string => `kind: Change\nid: CHG-0001\ntitle: T\n${lines}`

ruleTester(changeStandardModel, {
  valid: [
    {
      name: 'services covered (case-folded), risk within the model',
      files: {
        'changes/standard/rotate-tls-cert.yaml': model,
        'changes/CHG-0001.yaml': change('type: standard\nmodel: rotate-tls-cert\nservices: [auth, Payments-API]\nrisk: medium\n'),
      },
    },
    {
      name: 'a model with services: [] covers any service',
      files: {
        'changes/standard/restart.yaml': anywhere,
        'changes/CHG-0001.yaml': change('type: standard\nmodel: restart\nservices: [anything]\nrisk: low\n'),
      },
    },
    {
      name: 'a model that is unknown, unparsed, or on a non-standard change is another rule\'s',
      files: {
        'changes/CHG-0001.yaml': change('type: standard\nmodel: rotate-tls-cert\nservices: [other]\nrisk: critical\n'),
        'changes/CHG-0002.yaml': 'kind: Change\nid: CHG-0002\ntitle: T\ntype: normal\nmodel: restart\nservices: [other]\nrisk: critical\n',
        'changes/standard/restart.yaml': 'kind: StandardChange\nid: restart\ntitle: Restart\nservices: [auth]\nmax_risk: low\n',
      },
      listed: [{ file: 'changes/standard/rotate-tls-cert.yaml', kind: 'StandardChange', id: 'rotate-tls-cert' }],
    },
    {
      name: 'unknown risk levels and mistyped services are the schema\'s',
      files: {
        'changes/standard/rotate-tls-cert.yaml': model,
        'changes/CHG-0001.yaml': change('type: standard\nmodel: rotate-tls-cert\nservices: auth\nrisk: extreme\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'a service the model does not cover, a risk above max_risk',
      files: {
        'changes/standard/rotate-tls-cert.yaml': model,
        'changes/CHG-0001.yaml': change('type: standard\nmodel: rotate-tls-cert\nservices: [auth, billing]\nrisk: high\n'),
      },
      errors: [
        { file: 'changes/CHG-0001.yaml', line: 6, column: 18 },
        { file: 'changes/CHG-0001.yaml', line: 7, column: 7 },
      ],
    },
  ],
})
