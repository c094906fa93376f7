import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ConfigError, InfrastructureError } from '../../src/errors.js'
import { fetchTeamMembers, TeamUnreadableError } from '../../src/io/github/index.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { rejection, testClient } from './helpers.js'

const membersRoute = 'GET /orgs/{org}/teams/{team_slug}/members'
const membershipRoute = 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}'

let server: GitHubServer
beforeEach(async () => {
  server = await startGitHubServer()
})
afterEach(async () => {
  await server.close()
})

describe('fetchTeamMembers', () => {
  test('active members, lower case, sorted', async () => {
    server.addTeam('acme', 'cab', [{ login: 'Zoe' }, { login: 'bob', role: 'maintainer' }, { login: 'Carol' }])
    expect(await fetchTeamMembers(testClient(server), 'acme', 'cab')).toEqual(['bob', 'carol', 'zoe'])
  })

  test('a pending membership never counts, even when the members list shows it', async () => {
    server.addTeam('acme', 'cab', [{ login: 'bob' }, { login: 'mallory', state: 'pending' }], { listPending: true })
    expect(await fetchTeamMembers(testClient(server), 'acme', 'cab')).toEqual(['bob'])
    expect(server.requests.filter((r) => r.route === membershipRoute).map((r) => r.path)).toEqual([
      '/orgs/acme/teams/cab/memberships/bob',
      '/orgs/acme/teams/cab/memberships/mallory',
    ])
  })

  test('a pending membership GitHub does not list is not asked about', async () => {
    server.addTeam('acme', 'cab', [{ login: 'bob' }, { login: 'mallory', state: 'pending' }])
    expect(await fetchTeamMembers(testClient(server), 'acme', 'cab')).toEqual(['bob'])
    expect(server.requests.filter((r) => r.route === membershipRoute)).toHaveLength(1)
  })

  test('with candidates, only they are checked', async () => {
    server.addTeam('acme', 'cab', [...Array.from({ length: 40 }, (_, i) => ({ login: `m${i}` })), { login: 'Mallory', state: 'pending' }], { listPending: true })
    const members = await fetchTeamMembers(testClient(server), 'acme', 'cab', { candidates: ['@M3', 'mallory', 'outsider'] })
    expect(members).toEqual(['m3'])
    expect(server.requests.filter((r) => r.route === membershipRoute)).toHaveLength(2)
  })

  test('reads every page of a large team', async () => {
    server.addTeam('acme', 'everyone', Array.from({ length: 230 }, (_, i) => ({ login: `u${String(i).padStart(3, '0')}` })))
    const members = await fetchTeamMembers(testClient(server), 'acme', 'everyone', { concurrency: 8 })
    expect(members).toHaveLength(230)
    expect(server.requests.filter((r) => r.route === membersRoute)).toHaveLength(3)
  })

  test('404 on the team (the default GITHUB_TOKEN cannot see teams): a configuration error that says what to do', async () => {
    const error = await rejection(fetchTeamMembers(testClient(server), 'acme', 'cab'))
    expect(error).toBeInstanceOf(TeamUnreadableError)
    expect(error).toBeInstanceOf(ConfigError)
    expect(error.exitCode).toBe(2)
    expect((error as TeamUnreadableError).team).toBe('@acme/cab')
    expect(error.message).toContain('404')
    expect(error.message).toContain(membersRoute)
    expect(error.message).toContain('default GITHUB_TOKEN cannot read organization teams')
    expect(error.message).toContain('read:org')
    expect(error.message).toContain('Members: read')
    expect(error.message).toContain('teams: in gitsm.yaml')
  })

  test('403 on the team is the same configuration error', async () => {
    server.addTeam('acme', 'cab', [{ login: 'bob' }])
    server.fault(membersRoute, { kind: 'status', status: 403, message: 'Resource not accessible by integration' })
    const error = await rejection(fetchTeamMembers(testClient(server), 'acme', 'cab'))
    expect(error).toBeInstanceOf(TeamUnreadableError)
    expect(error.exitCode).toBe(2)
  })

  test('403 on a membership check is the same configuration error', async () => {
    server.addTeam('acme', 'cab', [{ login: 'bob' }])
    server.fault(membershipRoute, { kind: 'status', status: 403, message: 'Resource not accessible by integration' })
    const error = await rejection(fetchTeamMembers(testClient(server), 'acme', 'cab'))
    expect(error).toBeInstanceOf(TeamUnreadableError)
  })

  test('a rate limit is not mistaken for a missing permission: infrastructure failure, exit 3', async () => {
    server.addTeam('acme', 'cab', [{ login: 'bob' }])
    server.fault(membersRoute, { kind: 'rate-limit', resetInSeconds: 3600 })
    const error = await rejection(fetchTeamMembers(testClient(server, { secondMs: 1000 }), 'acme', 'cab'))
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error.exitCode).toBe(3)
  })

  test('5xx on membership checks after retries: infrastructure failure naming the endpoint', async () => {
    server.addTeam('acme', 'cab', [{ login: 'bob' }])
    server.fault(membershipRoute, { kind: 'status', status: 502 })
    const error = await rejection(fetchTeamMembers(testClient(server, { retries: 1 }), 'acme', 'cab'))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain(`${membershipRoute} (org=acme, team_slug=cab, username=bob): status 502`)
  })

  test('a member list cut short fails closed', async () => {
    server.addTeam('acme', 'cab', Array.from({ length: 150 }, (_, i) => ({ login: `u${i}` })))
    server.fault(membersRoute, { kind: 'short-page', page: 1, keep: 30 })
    const error = await rejection(fetchTeamMembers(testClient(server), 'acme', 'cab'))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain(membersRoute)
  })
})
