import { refUnknownCalendar } from '../../src/rules/ref-unknown-calendar.js'
import { ruleTester, text } from './harness.js'

const calendars = { 'business-hours': { timezone: 'Europe/Berlin', hours: { mon: '08:00-18:00' }, holidays: [] } }

ruleTester(refUnknownCalendar, {
  valid: [
    {
      name: '24x7 is built in, configured calendars resolve',
      config: { calendars },
      files: {
        'services/auth.yaml': 'kind: Service\nid: auth\ntitle: T\nsupport_hours: 24x7\n',
        'services/pay.yaml': 'kind: Service\nid: pay\ntitle: T\nsupport_hours: business-hours\n',
        'slas/gold.yaml': text`
          kind: SLA
          id: gold
          title: Gold
          calendar: business-hours
          targets:
            clock: { P1: 24x7, P2: business-hours }
        `,
      },
    },
    {
      name: 'names inherited from Object.prototype are not calendars, but wrong types are skipped',
      files: { 'slas/gold.yaml': 'kind: SLA\nid: gold\ntitle: Gold\ncalendar: 7\ntargets: { clock: [constructor] }\n' },
    },
  ],
  invalid: [
    {
      name: 'unknown calendars in support_hours, calendar and targets.clock',
      config: { calendars },
      files: {
        'services/auth.yaml': 'kind: Service\nid: auth\ntitle: T\nsupport_hours: business\n',
        'slas/gold.yaml': text`
          kind: SLA
          id: gold
          title: Gold
          calendar: 24X7
          targets:
            clock: { P1: 24x7, P2: constructor }
        `,
      },
      errors: [
        { file: 'services/auth.yaml', line: 4, column: 16 },
        { file: 'slas/gold.yaml', line: 4, column: 11 },
        { file: 'slas/gold.yaml', line: 6, column: 26 },
      ],
    },
  ],
})
