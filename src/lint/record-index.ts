import type { Kind } from '../model/kinds.js'
import type { ItsmRecord } from '../model/record.js'
import type { RecordIndex } from '../model/rule.js'

/** A record known only from its file name (with `--changed-since`, files left unparsed). */
export interface ListedRecord {
  file: string
  kind: Kind
  id: string
}

/** Ids compare after Unicode NFC and case folding: `CHG-0001` and `chg-0001` name the same record. */
export function normalizeId(id: string): string {
  return id.normalize('NFC').toUpperCase().toLowerCase()
}

/** Builds the index of every id in the repository from the parsed records and the records known by file name. */
export function buildRecordIndex(records: readonly ItsmRecord[], listed: readonly ListedRecord[] = []): RecordIndex {
  const parsed = new Map<string, ItsmRecord>()
  const files = new Map<string, string[]>()
  const add = (kind: Kind, id: string, file: string): void => {
    const key = `${kind}\u0000${normalizeId(id)}`
    const list = files.get(key)
    if (list) {
      if (!list.includes(file)) list.push(file)
    } else files.set(key, [file])
  }
  for (const record of records) {
    if (record.id === undefined) continue
    add(record.kind, record.id, record.file)
    const key = `${record.kind}\u0000${normalizeId(record.id)}`
    if (!parsed.has(key)) parsed.set(key, record)
  }
  for (const entry of listed) add(entry.kind, entry.id, entry.file)
  return {
    has: (kind, id) => files.has(`${kind}\u0000${normalizeId(id)}`),
    get: (kind, id) => parsed.get(`${kind}\u0000${normalizeId(id)}`),
    files: (kind, id) => files.get(`${kind}\u0000${normalizeId(id)}`) ?? [],
  }
}
