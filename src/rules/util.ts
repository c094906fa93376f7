import type { RecordPath, RelatedLocation } from '../diagnostics/diagnostic.js'
import type { ItsmRecord } from '../model/record.js'

// Rules also see records whose schema validation failed, so every read of record data goes through these helpers:
// a value of the wrong type is skipped here and left for the schema to report.

/** The value if it is a string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The value if it is a mapping (a plain object, not an array), else undefined. */
export function map(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The string items of an array, in order; empty for anything that is not an array. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** The mapping items of an array with their indexes; empty for anything that is not an array. */
export function entries(value: unknown): { item: Record<string, unknown>; index: number }[] {
  if (!Array.isArray(value)) return []
  const out: { item: Record<string, unknown>; index: number }[] = []
  value.forEach((element, index) => {
    const item = map(element)
    if (item) out.push({ item, index })
  })
  return out
}

/** A string found in record data, and where. */
export interface Found {
  value: string
  path: RecordPath
}

/**
 * Every string at a path pattern, with its exact path. `[]` stands for every item of an array and `{}` for every
 * value of a mapping: `['services', '[]']`, `['downtime', '[]', 'service']`, `['targets', 'clock', '{}']`.
 * A value of another shape than the pattern expects yields nothing.
 */
export function collect(data: unknown, pattern: readonly string[], at: RecordPath = []): Found[] {
  if (pattern.length === 0) return typeof data === 'string' ? [{ value: data, path: at }] : []
  const [head, ...rest] = pattern as [string, ...string[]]
  if (head === '[]') return Array.isArray(data) ? data.flatMap((item, index) => collect(item, rest, [...at, index])) : []
  const object = map(data)
  if (!object) return []
  if (head === '{}') return Object.keys(object).flatMap((key) => collect(object[key], rest, [...at, key]))
  return Object.hasOwn(object, head) ? collect(object[head], rest, [...at, head]) : []
}

/** Whether a field is present at all (a present value of the wrong type is the schema's to report). */
export function has(data: Record<string, unknown>, key: string): boolean {
  return data[key] !== undefined
}

/** Ids compare like the record index compares them: after Unicode NFC and case folding. */
export function sameId(a: string, b: string): boolean {
  return fold(a) === fold(b)
}

function fold(id: string): string {
  return id.normalize('NFC').toUpperCase().toLowerCase()
}

/** A related location inside a record, for "first defined here" and the other half of a pair. */
export function relatedAt(record: ItsmRecord, path: RecordPath, message: string): RelatedLocation {
  const { line, column } = record.locate(path)
  return { message, file: record.file, line, column }
}

/** Today's date (`YYYY-MM-DD`) at `now` in a time zone; UTC when the zone is unknown. */
export function dateIn(now: Date, timeZone: string): string {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** A valid date moved forward by whole days, as `YYYY-MM-DD`. */
export function addDays(date: { year: number; month: number; day: number }, days: number): string {
  const moved = new Date(0)
  // setUTCFullYear, unlike Date.UTC, keeps years 0..99 as written.
  moved.setUTCFullYear(date.year, date.month - 1, date.day + days)
  return moved.toISOString().slice(0, 10)
}
