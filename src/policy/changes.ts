import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { normalizeId } from '../lint/record-index.js'
import type { PolicySnapshot } from '../model/policy.js'
import type { ItsmRecord } from '../model/record.js'
import { show } from './data.js'

/** One change as this pull request moves it: its base and head versions, wherever the file lives at each. */
export interface ChangeUnderReview {
  id: string
  /** The head file, or the base file for a deleted change. */
  file: string
  base?: ItsmRecord
  head?: ItsmRecord
  /** The problems found reading the head version (parse and schema errors). */
  headDiagnostics: Diagnostic[]
}

/**
 * Pairs base and head versions by change id rather than by file, so a renamed file is one change moved, not a
 * deletion and a new change, and a file whose id changed is a deletion plus a new change (the new id has no
 * approval to inherit). A head version that is not a Change (its kind edited away) counts as absent.
 */
export function changesUnderReview(snapshot: Pick<PolicySnapshot, 'changes' | 'headDiagnostics'>): ChangeUnderReview[] {
  const slots = new Map<string, { base?: ItsmRecord; head?: ItsmRecord; files: string[] }>()
  const place = (record: ItsmRecord | undefined, side: 'base' | 'head', file: string): void => {
    // Without an id, the file pairs the versions; a second head version of one id (a duplicate) stands alone.
    let key = record?.id === undefined ? `file:${file}` : `id:${normalizeId(record.id)}`
    if (record && slots.get(key)?.[side]) key = `duplicate:${side}:${file}`
    const slot = slots.get(key) ?? { files: [] }
    if (record) slot[side] = record
    if (!slot.files.includes(file)) slot.files.push(file)
    slots.set(key, slot)
  }
  for (const versions of snapshot.changes) {
    const base = versions.base?.kind === 'Change' ? versions.base : undefined
    const head = versions.head?.kind === 'Change' ? versions.head : undefined
    if (base) place(base, 'base', versions.file)
    if (head) place(head, 'head', versions.file)
    // A file with no readable version at either side still needs a verdict when its head failed to parse.
    if (!base && !head) place(undefined, 'head', versions.file)
  }
  const out: ChangeUnderReview[] = []
  for (const slot of slots.values()) {
    const file = slot.head?.file ?? slot.base?.file ?? slot.files[0]!
    const id = slot.head?.id ?? slot.base?.id ?? idFromFile(file)
    const headDiagnostics = snapshot.headDiagnostics.filter((d) => d.file !== undefined && slot.files.includes(d.file))
    const change: ChangeUnderReview = { id, file, headDiagnostics }
    if (slot.base) change.base = slot.base
    if (slot.head) change.head = slot.head
    out.push(change)
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

function idFromFile(file: string): string {
  return /CHG-[0-9]+/i.exec(file)?.[0] ?? file
}

/** The change's status at one side, as written (null where the version does not exist). */
export function statusAt(record: ItsmRecord | undefined): string | null {
  if (!record) return null
  return record.data.status === undefined ? 'none' : show(record.data.status)
}
