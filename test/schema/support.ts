import { expect } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { classifyRecord } from '../../src/lint/classify.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { parseRecordFile } from '../../src/parse/index.js'
import { validateRecordSchema } from '../../src/schema/index.js'

/** Joins lines into a file's text, so a case's line numbers can be read off its source. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`
}

/** Parses and classifies a record file as the engine does; fails the test if it does not parse. */
export function recordOf(file: string, text: string): ItsmRecord {
  const parsed = parseRecordFile({ path: file, text })
  if (!parsed.ok) throw new Error(`${file} did not parse: ${parsed.diagnostics.map((d) => `${d.ruleId} ${d.message}`).join('; ')}`)
  const record = classifyRecord(parsed.value, defaultConfig())
  if (!record) throw new Error(`${file} has no kind`)
  return record
}

export function schemaCheck(file: string, text: string): Diagnostic[] {
  return validateRecordSchema(recordOf(file, text))
}

/**
 * An expected diagnostic: rule id, 1-based line, and 1-based column, or a token whose first occurrence on that
 * line gives the column.
 */
export type Expected = readonly [ruleId: string, line: number, column: number | string]

export interface ValidCase {
  name: string
  text: string
}

export interface InvalidCase {
  name: string
  text: string
  errors: readonly Expected[]
}

/** Asserts the exact set of schema diagnostics of a file, by rule id and start position. */
export function expectSchemaErrors(file: string, text: string, errors: readonly Expected[]): Diagnostic[] {
  const diagnostics = schemaCheck(file, text)
  const actual = diagnostics.map((d) => [d.ruleId, d.line!, d.column!] as const)
  expect(sortExpected(actual)).toEqual(sortExpected(errors.map((e) => resolveColumn(text, e))))
  for (const d of diagnostics) {
    expect(d.severity).toBe('error')
    expect(d.file).toBe(file)
    expect(d.message).not.toMatch(/\bline \d|\.(?:ya?ml|md):\d/)
  }
  return diagnostics
}

function resolveColumn(text: string, [ruleId, line, column]: Expected): readonly [string, number, number] {
  if (typeof column === 'number') return [ruleId, line, column]
  const source = text.split('\n')[line - 1] ?? ''
  const index = source.indexOf(column)
  if (index < 0) throw new Error(`Token ${column} is not on line ${line}: ${source}`)
  return [ruleId, line, index + 1]
}

function sortExpected(list: readonly (readonly [string, number, number])[]): (readonly [string, number, number])[] {
  return [...list].sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}
