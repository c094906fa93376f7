import type { ListedRecord } from '../lint/record-index.js'
import { folderKind } from '../lint/classify.js'
import type { Config } from '../model/config.js'
import { idPrefixes, slugKinds } from '../model/kinds.js'
import type { TreeEntry } from '../model/source.js'
import { parseRecordFile } from '../parse/record-file.js'
import { configFile } from '../config/read.js'

/** What a `--changed-since` run checks: the changed files, with the rest of the repository as context. */
export type ChangeScope =
  | { full: true; reason: string }
  | {
      full: false
      /** Findings are reported for these files only. */
      reportFiles: Set<string>
      /** Parsed and reported. */
      checked: TreeEntry[]
      /** Parsed for their content (catalog records other records need), not reported. */
      context: TreeEntry[]
      /** Known by the id their file name carries. */
      listed: ListedRecord[]
    }

export interface ChangeScopeInput {
  root: string
  rev: string
  ref: string | undefined
  config: Config
  /** Every record file of the repository, as checked now. */
  entries: readonly TreeEntry[]
  isIgnored: (path: string) => boolean
}

const recordExtension = /\.(ya?ml|md)$/i

/**
 * Decides what a `--changed-since REV` run must check. Only the changed files, as long as no change can break a
 * record that did not change; otherwise the whole repository, with the reason: gitsm.yaml changed, a record was
 * deleted or renamed (references to it elsewhere would break unseen), a standard change model changed (the changes
 * that use it are judged by it), or a service changed its id.
 */
export async function scopeToChanges(input: ChangeScopeInput): Promise<ChangeScope> {
  const { config, entries } = input
  const { changedFilesSince } = await import('../io/changed-files.js')
  const changed = new Set(await changedFilesSince(input.root, input.rev, input.ref ? { ref: input.ref } : undefined))
  if (changed.has(configFile)) return { full: true, reason: `${configFile} changed` }
  const present = new Set(entries.map((e) => e.path))
  const changedRecords = [...changed].filter((path) => recordExtension.test(path) && folderKind(path, config) !== undefined && !input.isIgnored(path)).sort()
  const gone = changedRecords.find((path) => !present.has(path))
  if (gone) return { full: true, reason: `${gone} was deleted or renamed` }
  const model = changedRecords.find((path) => folderKind(path, config) === 'StandardChange')
  if (model) return { full: true, reason: `the standard change model ${model} changed` }
  const renamed = await serviceWithNewId(input, changedRecords.filter((path) => folderKind(path, config) === 'Service'))
  if (renamed) return { full: true, reason: renamed }

  const checked = entries.filter((e) => changed.has(e.path))
  const context: TreeEntry[] = []
  const listed: ListedRecord[] = []
  for (const entry of entries) {
    if (changed.has(entry.path)) continue
    const kind = folderKind(entry.path, config)
    if (!kind) continue
    // Catalog records are few and other records need their content (the dependency graph), so they are parsed;
    // the others are known by the ids their file names carry.
    if (slugKinds.includes(kind)) context.push(entry)
    else {
      const id = idFromFileName(entry.path, idPrefixes[kind])
      if (id) listed.push({ file: entry.path, kind, id })
    }
  }
  return { full: false, reportFiles: changed, checked, context, listed }
}

/**
 * A service's file name need not be its id (`auth-api.yaml` may hold `auth`), so an id can change while the file
 * keeps its name, and records that name the old id break. Compares each changed service with its version at REV.
 */
async function serviceWithNewId(input: ChangeScopeInput, paths: readonly string[]): Promise<string | undefined> {
  if (paths.length === 0) return undefined
  const { openGitTree } = await import('../io/git-tree.js')
  const { openWorkingTree } = await import('../io/working-tree.js')
  const base = await openGitTree(input.root, input.rev)
  const head = input.ref ? await openGitTree(input.root, input.ref) : openWorkingTree(input.root)
  for (const path of paths) {
    const before = await idAt(base, path)
    if (before === undefined) continue
    const after = await idAt(head, path)
    if (after !== before) return `the service in ${path} changed its id from ${before} to ${after ?? 'nothing readable'}`
  }
  return undefined
}

async function idAt(tree: { read(path: string): Promise<string | undefined> }, path: string): Promise<string | undefined> {
  const text = await tree.read(path).catch(() => undefined)
  if (text === undefined) return undefined
  const parsed = parseRecordFile({ path, text })
  return parsed.ok && typeof parsed.value.data.id === 'string' ? parsed.value.data.id : undefined
}

/** The id a file name carries for a kind with a `PREFIX-NNNN` id: `CHG-0042-upgrade.yaml` → `CHG-0042`. */
function idFromFileName(path: string, prefix: string | undefined): string | undefined {
  if (!prefix) return undefined
  const base = path.slice(path.lastIndexOf('/') + 1)
  const match = new RegExp(`^(${prefix}-[0-9]{4,})(?=[-.])`).exec(base)
  return match?.[1]
}
