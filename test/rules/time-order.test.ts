import { timeOrder } from '../../src/rules/time-order.js'
import { ruleTester, text } from './harness.js'

ruleTester(timeOrder, {
  valid: [
    {
      name: 'an incident in order, across offsets, with equal neighbours and gaps',
      files: {
        'incidents/INC-0001.yaml': text`
          kind: Incident
          id: INC-0001
          title: T
          opened_at: 2026-11-02T10:14:00+01:00
          acknowledged_at: 2026-11-02T09:14:00Z
          closed_at: 2026-11-03T10:00:00Z
          downtime:
            - { start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:40:00Z }
            - { start: 2026-11-02T09:10:00Z }
        `,
      },
    },
    {
      name: 'a change window and review in order; an article reviewed before its review_by',
      files: {
        'changes/CHG-0001.yaml': text`
          kind: Change
          id: CHG-0001
          title: T
          window: { start: 2026-12-03T22:00:00+01:00, end: 2026-12-04T01:00:00+01:00 }
          review: { outcome: successful, completed_at: 2026-12-04T09:00:00+01:00 }
        `,
        'kb/KB-0001.md': '---\nkind: Article\nid: KB-0001\ntitle: T\nreviewed_at: 2026-10-01\nreview_by: 2026-10-01\n---\n',
      },
    },
    {
      name: 'malformed timestamps are the schema\'s and are skipped',
      files: {
        'incidents/INC-0001.yaml': text`
          kind: Incident
          id: INC-0001
          title: T
          opened_at: 2026-11-02T23:59:60Z
          resolved_at: 2026-11-01T00:00:00
          closed_at: 2026-02-30T00:00:00Z
          downtime: [{ start: 2026-11-02T09:10:00Z, end: 9 }, 7]
        `,
        'changes/CHG-0001.yaml': 'kind: Change\nid: CHG-0001\ntitle: T\nwindow: [2026-12-04T01:00:00Z, 2026-12-03T01:00:00Z]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'acknowledged before opened, closed before resolved',
      files: {
        'incidents/INC-0001.yaml': text`
          kind: Incident
          id: INC-0001
          title: T
          opened_at: 2026-11-02T09:14:00Z
          acknowledged_at: 2026-11-02T09:00:00Z
          resolved_at: 2026-11-02T11:02:00Z
          closed_at: 2026-11-02T12:02:00+02:00
        `,
      },
      errors: [
        { file: 'incidents/INC-0001.yaml', line: 5, column: 18 },
        { file: 'incidents/INC-0001.yaml', line: 7, column: 12 },
      ],
    },
    {
      name: 'resolved before opened when acknowledged_at is missing',
      files: { 'incidents/INC-0001.yaml': 'kind: Incident\nid: INC-0001\ntitle: T\nopened_at: 2026-11-02T09:14:00Z\nresolved_at: 2026-11-02T09:13:00Z\n' },
      errors: [{ file: 'incidents/INC-0001.yaml', line: 5, column: 14 }],
    },
    {
      name: 'downtime that ends before or when it starts',
      files: {
        'incidents/INC-0001.yaml': text`
          kind: Incident
          id: INC-0001
          title: T
          downtime:
            - { start: 2026-11-02T09:10:00Z, end: 2026-11-02T09:00:00Z }
            - { start: 2026-11-02T09:10:00Z, end: 2026-11-02T10:10:00+01:00 }
        `,
      },
      errors: [
        { file: 'incidents/INC-0001.yaml', line: 5, column: 41 },
        { file: 'incidents/INC-0001.yaml', line: 6, column: 41 },
      ],
    },
    {
      name: 'a change window that ends when it starts; a review completed before the window',
      files: {
        'changes/CHG-0001.yaml': text`
          kind: Change
          id: CHG-0001
          title: T
          window:
            start: 2026-12-03T22:00:00+01:00
            end: 2026-12-03T21:00:00Z
          review:
            outcome: successful
            completed_at: 2026-12-03T09:00:00+01:00
        `,
      },
      errors: [
        { file: 'changes/CHG-0001.yaml', line: 6, column: 8 },
        { file: 'changes/CHG-0001.yaml', line: 9, column: 17 },
      ],
    },
    {
      name: 'an article due for review before it was reviewed',
      files: { 'kb/KB-0001.md': '---\nkind: Article\nid: KB-0001\ntitle: T\nreviewed_at: 2026-10-01\nreview_by: 2026-09-30\n---\n' },
      errors: [{ file: 'kb/KB-0001.md', line: 6, column: 12 }],
    },
  ],
})
