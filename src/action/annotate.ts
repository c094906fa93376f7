import * as core from '@actions/core'
import type { Diagnostic } from '../index.js'

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const annotationsPerLevel = 10

// A step with error findings fails, and its failure message is an error annotation too: it keeps one slot.
const levels = [
  { severity: 'error', level: 'error', emit: core.error, slots: annotationsPerLevel - 1 },
  { severity: 'warning', level: 'warning', emit: core.warning, slots: annotationsPerLevel },
  { severity: 'info', level: 'notice', emit: core.notice, slots: annotationsPerLevel },
] as const

/**
 * Writes each diagnostic as an annotation on its file and line (paths relative to the workspace: `prefix` is the
 * repository root's place in it). GitHub drops annotations past its per-step limit without a word, so past it the
 * last slot of the level says how many more there are and where to find them. @actions/core escapes every message
 * and property, so no text can start a workflow command of its own. Returns how many were not annotated.
 */
export function annotateDiagnostics(diagnostics: readonly Diagnostic[], prefix: string, elsewhere = 'the job summary'): number {
  let hidden = 0
  for (const { severity, level, emit, slots } of levels) {
    const all = diagnostics.filter((d) => d.severity === severity)
    const shown = all.length > slots ? all.slice(0, slots - 1) : all
    for (const d of shown) emit(d.message, properties(d, prefix))
    const rest = all.length - shown.length
    if (rest > 0) {
      hidden += rest
      emit(`…and ${rest} more ${level === 'notice' ? 'notices' : `${level}s`}: GitHub shows at most ${annotationsPerLevel} per step. See ${elsewhere}.`, { title: 'gitsm' })
    }
  }
  return hidden
}

function properties(d: Diagnostic, prefix: string): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: `gitsm ${d.ruleId}` }
  if (d.file === undefined) return props
  props.file = prefix + d.file
  if (d.line === undefined) return props
  props.startLine = d.line
  const endLine = Math.max(d.endLine ?? d.line, d.line)
  props.endLine = endLine
  // GitHub ignores columns on annotations that span lines.
  if (endLine === d.line && d.column !== undefined) {
    props.startColumn = d.column
    if (d.endColumn !== undefined) props.endColumn = Math.max(d.endColumn, d.column)
  }
  return props
}
