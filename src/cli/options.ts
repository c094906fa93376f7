import { sep } from 'node:path'
import { UsageError } from '../errors.js'
import { parseTimestamp } from '../time/timestamp.js'

/** Epoch milliseconds of an RFC 3339 option value; a UsageError names the option otherwise. */
export function timestampOption(text: string, option: string): number {
  const ms = parseTimestamp(text)
  if (ms === undefined) throw new UsageError(`${option} "${text}" is not an RFC 3339 timestamp with an offset, such as 2026-11-21T09:00:00Z.`)
  return ms
}

/** "Now": `--now` when given, else the clock. The front door is the one place that reads it. */
export function nowOption(text: string | undefined): Date {
  return new Date(text === undefined ? Date.now() : timestampOption(text, '--now'))
}

/** A path of this system written with forward slashes, as gitsm prints and stores paths. */
export function toPosix(path: string): string {
  return path.split(sep).join('/')
}
