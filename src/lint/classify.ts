import type { Config } from '../model/config.js'
import { kindFolder } from '../model/config.js'
import { isKind, kinds, type Kind } from '../model/kinds.js'
import type { ItsmRecord, ParsedRecord } from '../model/record.js'

/** The kind whose folder holds this path (the deepest matching folder wins), or undefined. */
export function folderKind(path: string, config: Config): Kind | undefined {
  let best: Kind | undefined
  let bestLength = -1
  for (const kind of kinds) {
    const folder = trimSlashes(kindFolder(config, kind))
    const inside = folder === '' || path.startsWith(`${folder}/`)
    if (inside && folder.length > bestLength) {
      best = kind
      bestLength = folder.length
    }
  }
  return best
}

/**
 * Gives a parsed record its kind: the `kind` field when it names a kind, else the kind of its folder (so a record
 * missing `kind` is still checked against the right schema). Undefined when neither tells.
 */
export function classifyRecord(record: ParsedRecord, config: Config): ItsmRecord | undefined {
  const declared = record.data.kind
  const kind = isKind(declared) ? declared : folderKind(record.file, config)
  if (!kind) return undefined
  const id = typeof record.data.id === 'string' ? record.data.id : undefined
  return { ...record, kind, id }
}

export function trimSlashes(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '')
}
