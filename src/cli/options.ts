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

/** `OWNER/NAME` from an option (or environment variable) named `source`; a UsageError otherwise. */
export function repositoryOption(text: string, source: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text)
  if (!match) throw new UsageError(`${source} must be OWNER/NAME, such as acme/itsm; got "${text}".`)
  return { owner: match[1]!, repo: match[2]! }
}
