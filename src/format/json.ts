import type { Diagnostic } from '../diagnostics/diagnostic.js'

export interface JsonInput {
  root: string
  files: number
  records: number
  diagnostics: readonly Diagnostic[]
}

/** The `--format json` document of `gitsm validate` (DESIGN.md): one object, `version: 1`, 1-based positions. */
export function formatValidationJson(input: JsonInput): string {
  const errors = input.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = input.diagnostics.filter((d) => d.severity === 'warning').length
  const doc = {
    version: 1,
    root: input.root,
    files: input.files,
    records: input.records,
    errors,
    warnings,
    diagnostics: input.diagnostics.map(diagnosticJson),
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** A diagnostic in every JSON document: all the documented fields present (null where unknown), 1-based. */
export function diagnosticJson(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    ...(d.path && d.path.length > 0 ? { path: d.path } : {}),
    ...(d.related && d.related.length > 0 ? { related: d.related } : {}),
  }
}
