import type { Kind } from '../model/kinds.js'
import type { ItsmRecord } from '../model/record.js'
import { map, text } from '../rules/util.js'
import { parseTimestamp } from '../time/timestamp.js'

/** The period a report covers, `[from, to)`, and the instant it is computed at; epoch milliseconds. */
export interface ReportPeriod {
  from: number
  to: number
  now: number
}

/** The records of one kind that have an id, in the order given. */
export function recordsOf(records: readonly ItsmRecord[], kind: Kind): (ItsmRecord & { id: string })[] {
  return records.filter((r): r is ItsmRecord & { id: string } => r.kind === kind && r.id !== undefined)
}

/** A change's window as instants, or undefined unless both ends are readable timestamps. */
export function changeWindow(record: ItsmRecord): { start: number; end: number } | undefined {
  const window = map(record.data.window)
  const start = parseTimestamp(window?.start)
  const end = parseTimestamp(window?.end)
  return start === undefined || end === undefined ? undefined : { start: Math.min(start, end), end: Math.max(start, end) }
}

/** `part / whole`, or null when `whole` is 0 (no data). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/** The arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** The median, or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The record's status, when it is a string. */
export function statusOf(record: ItsmRecord): string | undefined {
  return text(record.data.status)
}

/** Code-point order, for sorting ids and names: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** How often each key occurs, keys in code-point order. */
export function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const key of [...keys].sort(compare)) out[key] = (out[key] ?? 0) + 1
  return out
}
