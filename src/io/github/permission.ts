import { ConfigError } from '../../errors.js'
import type { GitHubClient } from './client.js'
import { isGitHubStatus } from './github-error.js'
import { object, string } from './rest-shapes.js'

const permissionRoute = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission'

export type RepositoryPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

const roles = new Set<string>(['admin', 'maintain', 'write', 'triage', 'read', 'none'])

/** Whether a permission lets its holder push: what "write access" means for an approval. */
export function canWrite(permission: RepositoryPermission): boolean {
  return permission === 'admin' || permission === 'maintain' || permission === 'write'
}

/**
 * The user's effective permission on the repository, from "get repository permissions for a user". The role name
 * answers for the five built-in roles; a custom role is judged by the base permissions it grants (`user.permissions`,
 * else the legacy `permission`), never by its name. A 404 (no such user, or not visible) is `none`: such an approval
 * never counts. A 403 means the token may not ask: ConfigError (exit 2).
 */
export async function fetchPermission(client: GitHubClient, owner: string, repo: string, username: string): Promise<RepositoryPermission> {
  let data: unknown
  try {
    ;({ data } = await client.request(permissionRoute, { owner, repo, username }))
  } catch (error) {
    if (isGitHubStatus(error, 404)) return 'none'
    if (isGitHubStatus(error, 403)) {
      throw new ConfigError(
        `Cannot read ${username}'s permission on ${owner}/${repo}: GitHub answered 403 to ${permissionRoute}. Give the token read access to the repository's metadata (GITHUB_TOKEN has it by default unless the workflow's permissions: block removes it).`,
        { cause: error },
      )
    }
    throw error
  }
  const answer = object(data, permissionRoute, 'the permission')
  const role = typeof answer.role_name === 'string' ? answer.role_name : ''
  if (roles.has(role)) return role as RepositoryPermission
  const user = answer.user && typeof answer.user === 'object' ? (answer.user as { permissions?: Record<string, unknown> }) : undefined
  const granted = user?.permissions
  if (granted) {
    if (granted.admin === true) return 'admin'
    if (granted.maintain === true) return 'maintain'
    if (granted.push === true) return 'write'
    if (granted.triage === true) return 'triage'
    if (granted.pull === true) return 'read'
  }
  const base = string(answer.permission, permissionRoute, 'permission')
  return roles.has(base) ? (base as RepositoryPermission) : 'none'
}
