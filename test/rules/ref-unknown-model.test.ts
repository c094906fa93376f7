import { refUnknownModel } from '../../src/rules/ref-unknown-model.js'
import { ruleTester } from './harness.js'

ruleTester(refUnknownModel, {
  valid: [
    {
      name: 'the model exists',
      files: {
        'changes/standard/rotate-tls-cert.yaml': 'kind: StandardChange\nid: rotate-tls-cert\ntitle: T\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: rotate-tls-cert\n',
      },
    },
    {
      name: 'no model at all is change/required-fields\' business',
      files: { 'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\n' },
    },
  ],
  invalid: [
    {
      name: 'the model does not exist',
      files: {
        'changes/standard/rotate-tls-cert.yaml': 'kind: StandardChange\nid: rotate-tls-cert\ntitle: T\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: rotate-tls\n',
      },
      errors: [{ file: 'changes/CHG-0001.yaml', line: 5, column: 8 }],
    },
    {
      name: 'a service with that id is not a model',
      files: {
        'services/rotate-tls-cert.yaml': 'kind: Service\nid: rotate-tls-cert\ntitle: T\n',
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\ntype: standard\nmodel: rotate-tls-cert\n',
      },
      errors: [{ file: 'changes/CHG-0001.yaml', line: 5, column: 8 }],
    },
  ],
})
