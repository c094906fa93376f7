import { describe, expect, it } from 'vitest'
import { appendMissingSections, levelTwoHeadings } from '../../src/scaffold/sections.js'

describe('levelTwoHeadings', () => {
  it('finds level-2 ATX headings outside code fences', () => {
    const text = '# Title\n\n## Symptoms\n\n```sh\n## not a heading\n```\n\n  ## Cause ##\n### Detail\n~~~\n## no\n~~~\n##Nospace\n'
    expect(levelTwoHeadings(text)).toEqual(['Symptoms', 'Cause'])
  })
})

describe('appendMissingSections', () => {
  const placeholder = (name: string): string => `TODO: ${name}.`

  it('appends the required sections that are missing, case and spacing aside', () => {
    const text = '# T\n\n## symptoms\n\nx\n'
    expect(appendMissingSections(text, ['Symptoms', 'Root  cause', ' '], placeholder)).toBe('# T\n\n## symptoms\n\nx\n\n## Root  cause\n\nTODO: Root  cause.\n')
    expect(appendMissingSections('# T', ['Steps'], placeholder)).toBe('# T\n\n## Steps\n\nTODO: Steps.\n')
  })

  it('leaves a complete document as it is', () => {
    const text = '# T\n\n## Steps\n\n1. Do it.\n'
    expect(appendMissingSections(text, ['steps'], placeholder)).toBe(text)
  })
})
