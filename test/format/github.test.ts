import { describe, expect, it } from 'vitest'
import { formatGithubAnnotations } from '../../src/format/github.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'

const base: Diagnostic = { ruleId: 'ref/unknown-service', severity: 'error', message: 'm', file: 'services/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9 }

describe('formatGithubAnnotations', () => {
  it('writes one workflow command per finding, with its range', () => {
    expect(formatGithubAnnotations([base], 'itsm')).toBe('::error file=itsm/services/a.yaml,line=3,endLine=3,col=5,endColumn=9,title=gitsm ref/unknown-service::m\n')
  })

  it('maps severities to error, warning and notice', () => {
    const out = formatGithubAnnotations([base, { ...base, severity: 'warning' }, { ...base, severity: 'info' }])
    expect(out.split('\n').map((l) => l.split(' ')[0])).toEqual(['::error', '::warning', '::notice', ''])
  })

  it('leaves out columns on multi-line ranges, which GitHub would ignore', () => {
    expect(formatGithubAnnotations([{ ...base, endLine: 5 }])).toMatch(/^::error file=services\/a.yaml,line=3,endLine=5,title=/)
  })

  it('escapes user text so it can never start a command of its own', () => {
    const evil: Diagnostic = { ...base, message: 'bad\n::error file=x::pwned\r%0A', file: 'services/a,b:c.yaml' }
    const out = formatGithubAnnotations([evil])
    expect(out.trimEnd().split('\n')).toHaveLength(1)
    expect(out).toContain('::bad%0A::error file=x::pwned%0D%250A')
    expect(out).toContain('file=services/a%2Cb%3Ac.yaml,')
  })
})
