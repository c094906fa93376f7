import type { Diagnostic } from '../diagnostics/diagnostic.js'

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), one per diagnostic, so each finding shows
 * as an annotation on its line. Data and properties are escaped: no message can start a command of its own.
 */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[], rootPrefix = ''): string {
  const prefix = rootPrefix && rootPrefix !== '.' ? `${rootPrefix.replace(/\/+$/, '')}/` : ''
  const lines = diagnostics.map((d) => {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice'
    const props: string[] = []
    if (d.file !== undefined) props.push(`file=${escapeProperty(prefix + d.file)}`)
    if (d.line !== undefined) props.push(`line=${d.line}`)
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`)
    // GitHub ignores columns on multi-line annotations; only send them for single-line ranges.
    if (d.column !== undefined && (d.endLine === undefined || d.endLine === d.line)) {
      props.push(`col=${d.column}`)
      if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`)
    }
    props.push(`title=${escapeProperty(`gitsm ${d.ruleId}`)}`)
    return `::${command} ${props.join(',')}::${escapeData(d.message)}`
  })
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
