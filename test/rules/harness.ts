import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { lintRecords } from '../../src/lint/engine.js'
import type { ListedRecord } from '../../src/lint/record-index.js'
import type { Config } from '../../src/model/config.js'
import type { ParsedRecord } from '../../src/model/record.js'
import type { Rule } from '../../src/model/rule.js'
import { parseRecordFile } from '../../src/parse/record-file.js'

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] }

/** One scenario: a few files (repository path → text), optionally a config override, "now" and unparsed records. */
export interface RuleCase {
  name: string
  files: Record<string, string>
  config?: DeepPartial<Config>
  /** RFC 3339; without it, date-dependent rules are off. */
  now?: string
  /** Records known only by file name, as with --changed-since. */
  listed?: ListedRecord[]
}

/** Where a finding is expected. Positions are 1-based; the rule id is the rule under test. */
export interface ExpectedError {
  file: string
  line: number
  column: number
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedError[]
}

/** Runs one rule (and the schema, whose findings are filtered out) over the case's files. */
export function lintCase(rule: Rule, scenario: RuleCase): Diagnostic[] {
  const records: ParsedRecord[] = Object.entries(scenario.files).map(([path, text]) => {
    const parsed = parseRecordFile({ path, text })
    if (!parsed.ok) throw new Error(`test file ${path} does not parse: ${JSON.stringify(parsed.diagnostics)}`)
    return parsed.value
  })
  const config = merge(defaultConfig(), scenario.config ?? {}) as Config
  const now = scenario.now === undefined ? undefined : new Date(scenario.now)
  const { diagnostics } = lintRecords({ records, config, now, listed: scenario.listed, rules: [{ rule, severity: 'error' }] })
  const crashes = diagnostics.filter((d) => d.ruleId === 'internal/rule-failed')
  if (crashes.length > 0) throw new Error(crashes.map((d) => d.message).join('\n'))
  return diagnostics.filter((d) => d.ruleId === rule.id)
}

/** An ESLint-RuleTester-style table: every valid case has no finding, every invalid case exactly the listed ones. */
export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const scenario of cases.valid) {
        it(scenario.name, () => {
          expect(lintCase(rule, scenario).map(where)).toEqual([])
        })
      }
    })
    describe('invalid', () => {
      for (const scenario of cases.invalid) {
        it(scenario.name, () => {
          const found = lintCase(rule, scenario)
          expect(found.map(where)).toEqual(scenario.errors.map((e) => ({ ruleId: rule.id, ...e })).sort(byPosition))
          for (const diagnostic of found) {
            expect(diagnostic.message).not.toMatch(/\.(ya?ml|md):\d/)
            expect(diagnostic.severity).toBe('error')
          }
        })
      }
    })
  })
}

/**
 * Strips the common indentation and the first newline of a template, so records can be written indented in the
 * table and their line numbers read off directly (the first line of the text is line 1).
 */
export function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '')
  const indent = Math.min(...raw.split('\n').filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length))
  return raw
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n')
    .replace(/[ \n]*$/, '\n')
}

function where(d: Diagnostic): { ruleId: string; file?: string; line?: number; column?: number } {
  return { ruleId: d.ruleId, file: d.file, line: d.line, column: d.column }
}

function byPosition(a: ExpectedError, b: ExpectedError): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
}

function merge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override === undefined ? base : override
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) out[key] = merge(base[key], value)
  return out
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
