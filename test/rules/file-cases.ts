import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { lintRecords } from '../../src/lint/engine.js'
import type { ParsedRecord } from '../../src/model/record.js'
import type { Rule } from '../../src/model/rule.js'
import { parseRecordFile } from '../../src/parse/record-file.js'
import type { ExpectedError } from './harness.js'

/** A case for rules that look at files other than records: `others` are the repository's other files (images, docs). */
export interface FileCase {
  name: string
  files: Record<string, string>
  others?: string[]
  /** Files known by name only, as with --changed-since: they exist but were not parsed. */
  unparsed?: string[]
}

/** Runs one rule with a full listing of the repository, as validateRepository does. */
export function lintWithFiles(rule: Rule, scenario: FileCase): Diagnostic[] {
  const records: ParsedRecord[] = Object.entries(scenario.files).map(([path, text]) => {
    const parsed = parseRecordFile({ path, text })
    if (!parsed.ok) throw new Error(`test file ${path} does not parse`)
    return parsed.value
  })
  const files = new Set([...Object.keys(scenario.files), ...(scenario.others ?? []), ...(scenario.unparsed ?? [])])
  const { diagnostics } = lintRecords({ records, config: defaultConfig(), files, rules: [{ rule, severity: 'error' }] })
  expect(diagnostics.filter((d) => d.ruleId === 'internal/rule-failed')).toEqual([])
  return diagnostics.filter((d) => d.ruleId === rule.id)
}

/** The harness's table, for rules that need the repository's other files. */
export function fileRuleTester(rule: Rule, cases: { valid: FileCase[]; invalid: (FileCase & { errors: ExpectedError[] })[] }): void {
  describe(`${rule.id} (with the repository's files)`, () => {
    for (const scenario of cases.valid) it(`valid: ${scenario.name}`, () => expect(lintWithFiles(rule, scenario)).toEqual([]))
    for (const scenario of cases.invalid) {
      it(`invalid: ${scenario.name}`, () => {
        const found = lintWithFiles(rule, scenario).map((d) => ({ file: d.file, line: d.line, column: d.column }))
        expect(found).toEqual(scenario.errors)
      })
    }
  })
}
