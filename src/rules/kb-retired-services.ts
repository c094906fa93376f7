import { defineRule } from '../model/rule.js'
import { strings, text } from './util.js'

export const kbRetiredServices = defineRule({
  id: 'kb/retired-services',
  description: 'A knowledge article that is not retired is about at least one service that is not retired',
  check(ctx) {
    for (const record of ctx.byKind('Article')) {
      if (text(record.data.status) === 'retired') continue
      const ids = strings(record.data.services)
      if (ids.length === 0) continue
      // A service not parsed in this run (or unknown) may be live: only a fully known, fully retired list counts.
      const services = ids.map((id) => ctx.index.get('Service', id))
      if (!services.every((service) => service !== undefined && text(service.data.lifecycle) === 'retired')) continue
      const which = ids.length === 1 ? `its service ${ids[0]} is retired` : `all its services (${ids.join(', ')}) are retired`
      ctx.report({
        record,
        path: ['services'],
        message: `This article is still ${text(record.data.status) ?? 'active'}, but ${which}. Retire the article (status: retired), or list the services that replaced ${ids.length === 1 ? 'it' : 'them'}.`,
      })
    }
  },
})
