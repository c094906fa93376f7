import { defineReferenceRule } from './reference-rule.js'

export const refUnknownCalendar = defineReferenceRule({
  id: 'ref/unknown-calendar',
  description: 'Every calendar a service or SLA names is 24x7 or defined under calendars: in gitsm.yaml',
  sources: {
    Service: [['support_hours']],
    SLA: [['calendar'], ['targets', 'clock', '{}']],
  },
  exists: (ctx, name) => name === '24x7' || Object.hasOwn(ctx.config.calendars, name),
  message: (ctx, name, field) => {
    const known = ['24x7', ...Object.keys(ctx.config.calendars).sort()].join(', ')
    return `${field} names the calendar "${name}", which is not defined. Use one of ${known}, or define it under calendars: in gitsm.yaml.`
  },
})
