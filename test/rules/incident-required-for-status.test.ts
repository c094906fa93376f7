import { incidentRequiredForStatus } from '../../src/rules/incident-required-for-status.js'
import { ruleTester, text } from './harness.js'

ruleTester(incidentRequiredForStatus, {
  valid: [
    {
      name: 'each status with the timestamps it implies',
      files: {
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\nstatus: open\n',
        'incidents/INC-0002.yaml': 'kind: Incident\nid: INC-0002\ntitle: T\nstatus: pending\n',
        'incidents/INC-0003.yaml': 'kind: Incident\nid: INC-0003\ntitle: T\nstatus: acknowledged\nacknowledged_at: 2026-11-02T09:20:00Z\n',
        'incidents/INC-0004.yaml': 'kind: Incident\nid: INC-0004\ntitle: T\nstatus: resolved\nresolved_at: 2026-11-02T09:20:00Z\n',
        'incidents/INC-0005.yaml': text`
          kind: Incident
          id: INC-0005
          title: T
          status: closed
          resolved_at: 2026-11-02T09:20:00Z
          closed_at: 2026-11-02T09:20:00Z
        `,
      },
    },
    {
      name: 'a present but malformed timestamp, or an unknown status, is the schema\'s',
      files: {
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\nstatus: resolved\nresolved_at: yesterday\n',
        'incidents/INC-0002.yaml': 'kind: Incident\nid: INC-0002\ntitle: T\nstatus: constructor\n',
        'incidents/INC-0003.yaml': 'kind: Incident\nid: INC-0003\ntitle: T\nstatus: [closed]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'missing timestamps, reported at the record',
      files: {
        'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\nstatus: acknowledged\n',
        'incidents/INC-0002.yaml': 'kind: Incident\nid: INC-0002\ntitle: T\nstatus: resolved\nacknowledged_at: 2026-11-02T09:20:00Z\n',
        'incidents/INC-0003.md': '---\nkind: Incident\nid: INC-0003\ntitle: T\nstatus: closed\n---\n',
      },
      errors: [
        { file: 'incidents/INC-0001.yaml', line: 1, column: 1 },
        { file: 'incidents/INC-0002.yaml', line: 1, column: 1 },
        { file: 'incidents/INC-0003.md', line: 2, column: 1 },
        { file: 'incidents/INC-0003.md', line: 2, column: 1 },
      ],
    },
  ],
})
