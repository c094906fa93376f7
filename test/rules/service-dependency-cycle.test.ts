import { describe, expect, it } from 'vitest'
import { serviceDependencyCycle } from '../../src/rules/service-dependency-cycle.js'
import { lintCase, ruleTester } from './harness.js'

/** A service file whose depends_on is on line 4, starting at column 14. */
const service = (id: string, ...deps: string[]): [string, string] => [
  `services/${id}.yaml`,
  `kind: Service\nid: ${id}\ntitle: T\ndepends_on: [${deps.join(', ')}]\n`,
]
const files = (...entries: [string, string][]): Record<string, string> => Object.fromEntries(entries)

ruleTester(serviceDependencyCycle, {
  valid: [
    {
      name: 'a chain',
      files: files(service('a', 'b'), service('b', 'c'), service('c')),
    },
    {
      name: 'a diamond is not a cycle',
      files: files(service('a', 'b', 'c'), service('b', 'd'), service('c', 'd'), service('d')),
    },
    {
      name: 'unknown, unparsed and malformed dependencies are skipped',
      files: files(service('a', 'ghost', 'b', '42'), ['services/c.yaml', 'kind: Service\nid: c\ntitle: T\ndepends_on: a\n']),
      listed: [{ file: 'services/b.yaml', kind: 'Service', id: 'b' }],
    },
  ],
  invalid: [
    {
      name: 'a service that depends on itself',
      files: files(service('a', 'b', 'a'), service('b')),
      errors: [{ file: 'services/a.yaml', line: 4, column: 17 }],
    },
    {
      name: 'a cycle of two, reported once on the lexically first service',
      files: files(service('payments-api', 'auth'), service('auth', 'payments-api')),
      errors: [{ file: 'services/auth.yaml', line: 4, column: 14 }],
    },
    {
      name: 'a cycle of three',
      files: files(service('c', 'a'), service('a', 'b'), service('b', 'c')),
      errors: [{ file: 'services/a.yaml', line: 4, column: 14 }],
    },
    {
      name: 'two cycles through the same first service are reported at their own entries',
      files: files(service('a', 'b', 'c'), service('b', 'a'), service('c', 'a')),
      errors: [
        { file: 'services/a.yaml', line: 4, column: 14 },
        { file: 'services/a.yaml', line: 4, column: 17 },
      ],
    },
    {
      name: 'two cycles sharing a service, each on its own first service',
      files: files(service('a', 'b'), service('b', 'a', 'c'), service('c', 'b')),
      errors: [
        { file: 'services/a.yaml', line: 4, column: 14 },
        { file: 'services/b.yaml', line: 4, column: 17 },
      ],
    },
    {
      name: 'a cycle behind an acyclic part, with a repeated entry',
      files: files(service('x', 'y'), service('y', 'z', 'z'), service('z', 'y')),
      errors: [{ file: 'services/y.yaml', line: 4, column: 14 }],
    },
  ],
})

describe('service/dependency-cycle messages', () => {
  it('names the cycle in order and points at every edge', () => {
    const [found] = lintCase(serviceDependencyCycle, { name: '', files: files(service('c', 'a'), service('a', 'b'), service('b', 'c')) })
    expect(found?.message).toContain('a → b → c → a')
    expect(found?.related?.map((r) => [r.file, r.line, r.column])).toEqual([
      ['services/b.yaml', 4, 14],
      ['services/c.yaml', 4, 14],
    ])
  })

  it('names a self-dependency', () => {
    const [found] = lintCase(serviceDependencyCycle, { name: '', files: files(service('auth', 'auth')) })
    expect(found?.message).toContain('auth → auth')
  })

  it('stays fast on a long chain that closes into a cycle', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `s${String(i).padStart(4, '0')}`)
    const chain = files(...ids.map((id, i) => service(id, ids[(i + 1) % ids.length]!)))
    expect(lintCase(serviceDependencyCycle, { name: '', files: chain })).toHaveLength(1)
  })
})
