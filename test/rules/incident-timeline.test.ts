import { incidentTimeline } from '../../src/rules/incident-timeline.js'
import { ruleTester, text } from './harness.js'

const file = 'incidents/INC-0012.yaml'

ruleTester(incidentTimeline, {
  valid: [
    {
      name: 'the format example: pending pauses, a priority change, closed after the last resolved entry',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: Card payments failing at checkout
          status: closed
          opened_at: 2026-11-02T09:14:00Z
          acknowledged_at: 2026-11-02T09:20:00Z
          resolved_at: 2026-11-02T11:02:00Z
          closed_at: 2026-11-03T10:00:00Z
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T09:20:00Z, status: acknowledged }
            - { at: 2026-11-02T09:40:00Z, status: pending, note: waiting for the card processor }
            - { at: 2026-11-02T10:05:00Z, status: acknowledged }
            - { at: 2026-11-02T10:30:00Z, priority: P2 }
            - { at: 2026-11-02T11:02:00Z, status: resolved }
        `,
      },
    },
    {
      name: 'reopened after resolution: first acknowledged and last resolved anchor the timestamps',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          status: closed
          opened_at: 2026-11-02T10:14:00+01:00
          acknowledged_at: 2026-11-02T09:20:00Z
          resolved_at: 2026-11-02T13:00:00Z
          closed_at: 2026-11-02T14:00:00Z
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T09:20:00Z, status: acknowledged }
            - { at: 2026-11-02T10:00:00Z, status: resolved }
            - { at: 2026-11-02T11:00:00Z, status: open }
            - { at: 2026-11-02T11:30:00Z, status: acknowledged }
            - { at: 2026-11-02T12:00:00Z, status: resolved }
            - { at: 2026-11-02T12:30:00Z, status: acknowledged }
            - { at: 2026-11-02T13:00:00Z, status: resolved }
            - { at: 2026-11-02T14:00:00Z, status: closed }
        `,
      },
    },
    {
      name: 'a partial timeline, pending before acknowledgement, entries at the same instant',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          status: acknowledged
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: pending }
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T09:20:00Z, status: acknowledged }
        `,
      },
    },
    {
      name: 'malformed entries are the schema\'s',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          status: open
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: not a time, status: resolved, x: 1 }
            - 42
            - { at: 2026-11-02T09:00:00, status: constructor }
            - { at: 2026-11-02T09:20:00Z, status: open }
        `,
      },
    },
    {
      name: 'no timeline',
      files: { [file]: 'kind: Incident\nid: INC-0012\ntitle: T\nstatus: open\ntimeline: nope\n' },
    },
  ],
  invalid: [
    {
      name: 'entries out of time order',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T09:40:00Z, priority: P2 }
            - { at: 2026-11-02T10:30:00+01:00, status: acknowledged }
        `,
      },
      errors: [{ file, line: 7, column: 11 }],
    },
    {
      name: 'illegal transitions: acknowledged back to open, anything after closed, closed before resolved, a repeated status',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T09:20:00Z, status: acknowledged }
            - { at: 2026-11-02T09:30:00Z, status: open }
            - { at: 2026-11-02T09:40:00Z, status: closed }
            - { at: 2026-11-02T09:50:00Z, status: resolved }
            - { at: 2026-11-02T10:00:00Z, status: resolved }
        `,
        'incidents/INC-0013.yaml': text`
          kind: Incident
          id: INC-0013
          title: T
          status: pending
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: pending }
            - { at: 2026-11-02T09:20:00Z, status: pending }
        `,
      },
      errors: [
        { file, line: 7, column: 41 },
        { file, line: 8, column: 41 },
        { file, line: 9, column: 41 },
        { file, line: 10, column: 41 },
        { file: 'incidents/INC-0013.yaml', line: 7, column: 41 },
      ],
    },
    {
      name: 'top-level timestamps that differ from their timeline entries',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          opened_at: 2026-11-02T09:15:00Z
          acknowledged_at: 2026-11-02T09:20:00Z
          resolved_at: 2026-11-02T10:00:00Z
          closed_at: 2026-11-02T12:00:00Z
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T09:20:00Z, status: acknowledged }
            - { at: 2026-11-02T10:00:00Z, status: resolved }
            - { at: 2026-11-02T10:30:00Z, status: acknowledged }
            - { at: 2026-11-02T11:00:00Z, status: resolved }
            - { at: 2026-11-02T11:30:00Z, status: closed }
        `,
      },
      errors: [
        { file, line: 4, column: 12 },
        { file, line: 6, column: 14 },
        { file, line: 7, column: 12 },
      ],
    },
    {
      name: 'status that disagrees with the last status entry',
      files: {
        [file]: text`
          kind: Incident
          id: INC-0012
          title: T
          status: open
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: open }
            - { at: 2026-11-02T11:00:00Z, status: resolved }
            - { at: 2026-11-02T11:30:00Z, note: customer confirmed }
        `,
        'incidents/INC-0013.md': text`
          ---
          kind: Incident
          id: INC-0013
          title: T
          status: acknowledged
          timeline:
            - { at: 2026-11-02T09:14:00Z, status: acknowledged }
            - { at: 2026-11-02T09:20:00Z, status: pending }
          ---
        `,
      },
      errors: [
        { file, line: 4, column: 9 },
        { file: 'incidents/INC-0013.md', line: 5, column: 9 },
      ],
    },
  ],
})
