import { kbRetiredServices } from '../../src/rules/kb-retired-services.js'
import { ruleTester } from './harness.js'

const article = (services: string, status = 'published'): string =>
  `---\nkind: Article\nid: KB-0001\ntitle: T\ntype: faq\nstatus: ${status}\nservices: ${services}\n---\n\n# T\n`
const service = (id: string, lifecycle: string): string => `kind: Service\nid: ${id}\ntitle: ${id}\nlifecycle: ${lifecycle}\n`
const catalog = {
  'services/old.yaml': service('old', 'retired'),
  'services/older.yaml': service('older', 'retired'),
  'services/live.yaml': service('live', 'live'),
}
const file = 'kb/KB-0001.md'

ruleTester(kbRetiredServices, {
  valid: [
    { name: 'one service still live', files: { ...catalog, [file]: article('[old, live]') } },
    { name: 'a retired article', files: { ...catalog, [file]: article('[old]', 'retired') } },
    { name: 'no services', files: { ...catalog, [file]: article('[]') } },
    { name: 'an unknown service is ref/unknown-service\'s', files: { ...catalog, [file]: article('[old, gone]') } },
    {
      name: 'a service not parsed in this run may be live',
      files: { ...catalog, [file]: article('[old, other]') },
      listed: [{ file: 'services/other.yaml', kind: 'Service', id: 'other' }],
    },
  ],
  invalid: [
    { name: 'its only service is retired', files: { ...catalog, [file]: article('[old]') }, errors: [{ file, line: 7, column: 11 }] },
    { name: 'all its services are retired', files: { ...catalog, [file]: article('[old, OLDER]', 'draft') }, errors: [{ file, line: 7, column: 11 }] },
  ],
})
