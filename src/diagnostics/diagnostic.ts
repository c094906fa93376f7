/** How serious a finding is. Decided by the engine and the configuration, never by a rule body. */
export type Severity = 'error' | 'warning' | 'info'

/** A location inside a record, as an ajv `instancePath` split into keys and indexes. */
export type RecordPath = readonly (string | number)[]

/** A 1-based source range: `endColumn` points one past the last character, like ESLint. */
export interface SourceRange {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface RelatedLocation {
  message: string
  file?: string
  line?: number
  column?: number
}

/**
 * One problem, whatever found it: YAML syntax, a schema, a rule, the policy or the configuration.
 * Plain and serialisable; `file` is repository-relative with forward slashes; positions are 1-based.
 */
export interface Diagnostic {
  ruleId: string
  severity: Severity
  message: string
  file?: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  path?: RecordPath
  related?: RelatedLocation[]
}

/** A diagnostic before the engine stamps its severity. */
export type Finding = Omit<Diagnostic, 'severity'> & { severity?: Severity }
