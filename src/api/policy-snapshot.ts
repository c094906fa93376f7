import { readConfig } from '../config/read.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { ConfigError } from '../errors.js'
import { changedFilesSince } from '../io/changed-files.js'
import { resolveCommit } from '../io/git-rev.js'
import { mergeBase } from '../io/merge-base.js'
import { openGitTree } from '../io/git-tree.js'
import { classifyRecord, folderKind } from '../lint/classify.js'
import type { Config } from '../model/config.js'
import type { PolicySnapshot, PullRequestFacts, RecordVersions } from '../model/policy.js'
import type { ItsmRecord } from '../model/record.js'
import type { TreeReader } from '../model/source.js'
import { parseRecordFile } from '../parse/record-file.js'
import { teamKey } from '../policy/handles.js'
import { teamsNeeded } from '../policy/index.js'
import { validateRepository } from './validate-repository.js'

export interface SnapshotOptions {
  /** The repository (a git work tree or bare repository). */
  root: string
  /** The pull request's base and head commits (any REV git understands). */
  base: string
  head: string
  pr: PullRequestFacts
  /**
   * A team's active members (`@org/team` → lower-case logins) from GitHub, or undefined when the token cannot read
   * it; then `teams:` in the base gitsm.yaml answers. Throws for infrastructure failures.
   */
  fetchTeam?: (team: string) => Promise<readonly string[] | undefined>
}

/**
 * Reads everything the policy is judged on, once: the policy, teams and service catalog from the BASE commit (a
 * pull request cannot weaken the rules it is judged by), the changed change records at base and head, and the
 * head's validation findings for the changed files. Throws ConfigError (exit 2) when the base configuration is
 * broken or a team's members cannot be known, InfrastructureError (exit 3) when git cannot answer.
 */
export async function readPolicySnapshot(options: SnapshotOptions): Promise<PolicySnapshot> {
  const [baseSha, headSha] = await Promise.all([resolveCommit(options.root, options.base), resolveCommit(options.root, options.head)])
  const [baseTree, headTree] = await Promise.all([openGitTree(options.root, baseSha), openGitTree(options.root, headSha)])
  const config = await readConfig(baseTree)
  // The pull request's files are those it changes since it branched off, as GitHub lists them: commits that
  // reached the base branch later are not its own. The policy itself is still read at the base commit.
  const forkPoint = (await mergeBase(options.root, baseSha, headSha)) ?? baseSha
  const changedFiles = (await changedFilesSince(options.root, forkPoint, { ref: headSha })).sort()

  const validation = await validateRepository({ root: options.root, ref: headSha, changedSince: forkPoint })
  const headDiagnostics: Diagnostic[] = validation.diagnostics.filter((d) => d.severity === 'error')
  const unreadable = new Set(headDiagnostics.filter((d) => d.ruleId.startsWith('yaml/') || d.ruleId.startsWith('file/') || d.ruleId.startsWith('markdown/')).map((d) => d.file))

  const changes: RecordVersions[] = []
  for (const file of changedFiles) {
    if (folderKind(file, config) !== 'Change' || !/\.ya?ml$/i.test(file)) continue
    // A head version that does not parse is `undefined` here; its diagnostics (same file) reject it.
    const [base, head] = await Promise.all([readRecord(baseTree, file, config), unreadable.has(file) ? undefined : readRecord(headTree, file, config)])
    if (base || head || unreadable.has(file)) changes.push({ file, base, head })
  }

  const [baseServices, headServices] = await Promise.all([readServices(baseTree, config), readServices(headTree, config)])
  const withoutTeams = {
    base: { sha: baseSha, config, services: baseServices },
    head: { sha: headSha, services: headServices },
    changedFiles,
    changes,
    headDiagnostics,
    pr: options.pr,
  }
  const teams = await resolveTeams(teamsNeeded(withoutTeams), config, options.fetchTeam)
  return { ...withoutTeams, teams }
}

async function readRecord(tree: TreeReader, file: string, config: Config): Promise<ItsmRecord | undefined> {
  const text = await tree.read(file)
  if (text === undefined) return undefined
  const parsed = parseRecordFile({ path: file, text })
  return parsed.ok ? classifyRecord(parsed.value, config) : undefined
}

async function readServices(tree: TreeReader, config: Config): Promise<Map<string, ItsmRecord>> {
  const { entries } = await tree.list([config.paths.services])
  const services = new Map<string, ItsmRecord>()
  for (const entry of entries) {
    if (!/\.ya?ml$/i.test(entry.path)) continue
    const record = await readRecord(tree, entry.path, config).catch(() => undefined)
    if (record?.kind === 'Service' && record.id !== undefined && !services.has(record.id)) services.set(record.id, record)
  }
  return services
}

async function resolveTeams(
  needed: readonly string[],
  config: Config,
  fetchTeam: SnapshotOptions['fetchTeam'],
): Promise<Map<string, readonly string[]>> {
  const teams = new Map<string, readonly string[]>()
  const configured = new Map(Object.entries(config.teams).map(([team, members]) => [teamKey(team), members]))
  for (const team of [...needed].sort()) {
    const live = fetchTeam ? await fetchTeam(team) : undefined
    const members = live ?? configured.get(teamKey(team))?.map((m) => m.replace(/^@/, '').toLowerCase())
    if (members === undefined) {
      throw new ConfigError(
        `Cannot tell who is in ${team}: ${fetchTeam ? 'the GitHub token cannot read its members' : 'no GitHub token was given'}, and gitsm.yaml at the base commit does not list it under teams:. ` +
          `Give a token that can read the organization's teams (read:org), or add "${team}": [...] under teams: in gitsm.yaml.`,
      )
    }
    teams.set(team, members)
  }
  return teams
}
