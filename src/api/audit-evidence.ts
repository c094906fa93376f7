import type { GitHubClient } from '../io/github/client.js'
import { fetchPullFactsForCommits } from '../io/github/audit-facts.js'
import { readRecordHistories } from '../io/record-history.js'
import type { ItsmRecord } from '../model/record.js'
import { auditChanges, commitsToLookUp, type AuditEntry } from '../report/audit.js'

export interface AuditEvidenceOptions {
  /** The report's folder (the one holding gitsm.yaml); it may be a subfolder of its git repository. */
  root: string
  /** The changes to audit; their `file` is relative to `root`. */
  changes: readonly ItsmRecord[]
  /** When given, who merged and approved is read from GitHub and checked; without it, commit messages name the pull requests. */
  github?: { client: GitHubClient; owner: string; repo: string }
}

export interface AuditEvidence {
  /** One entry per Change record, in the order given. */
  entries: AuditEntry[]
  /** The commit the history was read from (null outside a git repository, or before its first commit); `shallow`: history was cut off. */
  history: { head: string | null; shallow: boolean }
}

/**
 * The audit evidence and lead time of `changes`: their history is read from git, then, with `github`, the pull
 * requests of the commits that matter, then {@link auditChanges} judges. Throws InfrastructureError (exit 3) when a
 * git object the history needs is missing or GitHub cannot answer: evidence is never guessed.
 */
export async function readAuditEvidence(options: AuditEvidenceOptions): Promise<AuditEvidence> {
  const changes = options.changes.filter((c) => c.kind === 'Change')
  const histories = await readRecordHistories(options.root, changes.map((c) => c.file))
  const github = options.github
  const pulls = github && histories ? await fetchPullFactsForCommits(github.client, github, commitsToLookUp(changes, histories)) : undefined
  return {
    entries: auditChanges({ changes, histories, ...(pulls ? { pulls } : {}) }),
    history: { head: histories?.head ?? null, shallow: histories?.shallow ?? false },
  }
}
