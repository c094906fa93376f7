import { afterEach, beforeEach, expect, test } from 'vitest'
import { ConfigError } from '../../src/errors.js'
import { canWrite, fetchPermission } from '../../src/io/github/index.js'
import { startGitHubServer, type GitHubServer, type Role } from '../support/github-server.js'
import { rejection, testClient } from './helpers.js'

const permissionRoute = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission'

let server: GitHubServer
beforeEach(async () => {
  server = await startGitHubServer()
})
afterEach(async () => {
  await server.close()
})

test.each<[Role, boolean]>([
  ['admin', true],
  ['maintain', true],
  ['write', true],
  ['triage', false],
  ['read', false],
  ['none', false],
])('role %s: write access %s', async (role, writes) => {
  server.setPermission('acme', 'itsm', 'Bob', role)
  const permission = await fetchPermission(testClient(server), 'acme', 'itsm', 'bob')
  expect(permission).toBe(role)
  expect(canWrite(permission)).toBe(writes)
})

test('a user GitHub does not know has no permission', async () => {
  server.fault(permissionRoute, { kind: 'status', status: 404, message: 'Not Found' })
  expect(await fetchPermission(testClient(server), 'acme', 'itsm', 'nobody')).toBe('none')
})

test('403: the token may not ask, a configuration error', async () => {
  server.fault(permissionRoute, { kind: 'status', status: 403, message: 'Resource not accessible by integration' })
  const error = await rejection(fetchPermission(testClient(server), 'acme', 'itsm', 'bob'))
  expect(error).toBeInstanceOf(ConfigError)
  expect(error.message).toContain(permissionRoute)
})

test('5xx after retries fails closed, naming the endpoint and status', async () => {
  server.fault(permissionRoute, { kind: 'status', status: 500 })
  const error = await rejection(fetchPermission(testClient(server, { retries: 1 }), 'acme', 'itsm', 'bob'))
  expect(error.exitCode).toBe(3)
  expect(error.message).toContain(`${permissionRoute} (owner=acme, repo=itsm, username=bob): status 500`)
})
