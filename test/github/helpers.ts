import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../src/io/github/index.js'
import type { CommitSeed, GitHubServer, PullRequestSeed } from '../support/github-server.js'

/** A client for the fake server with short timeouts: one "second" of backoff lasts 5 ms. */
export function testClient(server: GitHubServer, options: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({ token: server.token, baseUrl: server.url, deadlineMs: 3000, timeoutMs: 300, secondMs: 5, writeIntervalMs: 0, ...options })
}

/** A 40-hex commit id made from a label. */
export function sha(label: string | number): string {
  return Buffer.from(String(label)).toString('hex').padEnd(40, '0').slice(0, 40)
}

export function commits(count: number, author = 'alice'): CommitSeed[] {
  return Array.from({ length: count }, (_, i) => ({ sha: sha(`c${i}`), author, committer: 'web-flow' }))
}

export const headSha = sha('c0')

/** The pull request most tests read: acme/itsm#7 by alice, one commit, two files. */
export function pullSeed(overrides: Partial<PullRequestSeed> = {}): PullRequestSeed {
  return {
    owner: 'acme',
    repo: 'itsm',
    number: 7,
    author: 'alice',
    createdAt: '2026-11-18T10:00:00Z',
    baseSha: sha('base'),
    commits: commits(1),
    files: ['changes/CHG-0042.yaml', 'services/payments.yaml'],
    ...overrides,
  }
}

export const pullRef = { owner: 'acme', repo: 'itsm', pull: 7 }

/** The rejection of a promise, or a failure when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { exitCode?: number; status?: number; endpoint?: string; rateLimited?: boolean; timedOut?: boolean; attempts?: number }> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}
