import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeFileAtomic } from '../io/atomic-write.js'
import { kindFolder, parseRecordFile, schemaDocuments, type Config, type Kind, type TreeReader } from '../index.js'

/** What `gitsm new` needs to know of the repository before it writes a record. */
export interface RepositoryFacts {
  /** Service ids and their owners. */
  services: Map<string, { owner?: string }>
  /** Standard change models: id, the services they cover ([] = any) and their max_risk. */
  models: { id: string; services: string[]; maxRisk?: string }[]
  /** Names of the files in the new record's folder and the ids written in them, for the next free id. */
  taken: string[]
}

/** Where `gitsm new` writes the JSON Schemas that the `# yaml-language-server` lines point at. */
export const schemaFolder = '.gitsm/schemas'

/** Reads the services, the standard change models and the names and ids taken in the folder of `kind`. */
export async function readRepositoryFacts(tree: TreeReader, config: Config, kind: Kind): Promise<RepositoryFacts> {
  const services = new Map<string, { owner?: string }>()
  for (const data of await readYamlRecords(tree, folderOf(config, 'Service'), 'Service')) {
    services.set(data.id as string, { owner: typeof data.owner === 'string' ? data.owner : undefined })
  }
  const models: RepositoryFacts['models'] = []
  for (const data of await readYamlRecords(tree, folderOf(config, 'StandardChange'), 'StandardChange')) {
    const covered = Array.isArray(data.services) ? data.services.filter((s): s is string => typeof s === 'string') : []
    models.push({ id: data.id as string, services: covered, maxRisk: typeof data.max_risk === 'string' ? data.max_risk : undefined })
  }
  models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  const taken: string[] = []
  const { entries } = await tree.list([folderOf(config, kind)])
  for (const entry of entries) {
    taken.push(entry.path.slice(entry.path.lastIndexOf('/') + 1))
    if (!/\.(ya?ml|md)$/i.test(entry.path)) continue
    // Only the number matters here, so a line scan does: a stray match can skip a number, never reuse one.
    const text = (await tree.read(entry.path).catch(() => undefined)) ?? ''
    for (const match of text.matchAll(/^id:[ \t]*["']?([^"'\s#]+)/gm)) taken.push(match[1]!)
  }
  return { services, models, taken }
}

/** The folder of a kind, relative to the root, without leading or trailing slashes ('' is the root). */
export function folderOf(config: Config, kind: Kind): string {
  return kindFolder(config, kind).replace(/^\.?\/+/, '').replace(/\/+$/, '')
}

async function readYamlRecords(tree: TreeReader, folder: string, kind: Kind): Promise<Record<string, unknown>[]> {
  const { entries } = await tree.list([folder])
  const found: Record<string, unknown>[] = []
  for (const entry of entries) {
    if (!/\.ya?ml$/i.test(entry.path)) continue
    const text = await tree.read(entry.path).catch(() => undefined)
    if (text === undefined) continue
    const parsed = parseRecordFile({ path: entry.path, text })
    if (parsed.ok && parsed.value.data.kind === kind && typeof parsed.value.data.id === 'string') found.push(parsed.value.data)
  }
  return found
}

/**
 * Writes the schema files of every kind into `.gitsm/schemas/` under the root, those missing only: a schema
 * that is there is kept, as the user may have pinned it. Returns the names of the files written.
 */
export async function writeMissingSchemas(root: string): Promise<string[]> {
  const written: string[] = []
  for (const { fileName, schema } of schemaDocuments()) {
    const path = join(root, schemaFolder, fileName)
    if (existsSync(path)) continue
    await writeFileAtomic(path, `${JSON.stringify(schema, null, 2)}\n`)
    written.push(fileName)
  }
  return written
}

/** templates/records of this package, found from this module (sources, compiled or bundled). */
export function findRecordTemplates(): string {
  let at = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(at, 'templates', 'records')
    if (existsSync(candidate)) return candidate
    at = dirname(at)
  }
  throw new Error('The record templates of gitsm new are missing from this installation.')
}
