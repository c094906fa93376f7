export type { Diagnostic, Finding, RecordPath, RelatedLocation, Severity, SourceRange } from './diagnostic.js'
export { LineIndex } from './line-index.js'
export { compareDiagnostics, sortDiagnostics } from './sort.js'
