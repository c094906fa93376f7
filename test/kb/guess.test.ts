import { describe, expect, it } from 'vitest'
import { guessTitle, guessType } from '../../src/kb/index.js'
import type { MarkdownHeading } from '../../src/model/record.js'

function headings(...list: [number, string][]): MarkdownHeading[] {
  return list.map(([depth, text], i) => ({ depth, text, range: { line: i + 1, column: 1, endLine: i + 1, endColumn: 1 }, empty: false }))
}

describe('guessType', () => {
  it.each([
    ['known_error', [[2, 'Symptoms'], [2, 'Cause'], [2, 'Workaround']]],
    ['known_error', [[2, '1. Symptoms'], [2, '2. Root cause'], [2, '3. Work-around:']]],
    ['runbook', [[2, 'Procedure'], [2, 'Rollback']]],
    ['runbook', [[2, 'Steps'], [3, 'Roll back']]],
    ['troubleshooting', [[2, 'Meaning'], [2, 'Impact'], [2, 'Diagnosis'], [2, 'Mitigation']]],
    ['troubleshooting', [[2, 'Symptoms'], [2, 'Resolution']]],
    ['faq', [[2, 'What is it?'], [2, 'Why have one?'], [2, 'Who are they?'], [2, 'Links']]],
    ['faq', [[2, 'FAQ']]],
    ['how_to', [[2, 'Before you start'], [2, 'Steps']]],
    ['how_to', [[2, 'How to communicate']]],
    ['reference', [[2, 'Overview'], [2, 'Details']]],
    ['reference', []],
  ] as [string, [number, string][]][])('%s from %j', (type, list) => {
    expect(guessType(headings(...list), 'Title').type).toBe(type)
  })

  it('needs more than one troubleshooting heading: a template with "Resolution" is not a troubleshooting guide', () => {
    expect(guessType(headings([2, 'Overview'], [2, 'Resolution'], [2, 'Timeline']), 'Postmortem template').type).toBe('reference')
  })

  it('does not count the level-1 heading, and explains the guess by the headings', () => {
    expect(guessType(headings([1, 'Steps'], [2, 'Context']), 'x').type).toBe('reference')
    expect(guessType(headings([2, 'Symptoms'], [2, 'Cause'], [2, 'Workaround']), 'x').reason).toBe('headings "Symptoms", "Cause", "Workaround"')
  })

  it('takes a title starting with "How to" as a how-to', () => {
    expect(guessType(headings([2, 'Context']), 'How to rotate a key').type).toBe('how_to')
  })
})

describe('guessTitle', () => {
  const base = { path: 'kb/NodeRAIDDegraded.md', frontMatterTitle: undefined, headings: [], opensWithHeading: false }

  it('prefers a level-1 heading, keeping a differing front-matter title as the replaced one', () => {
    expect(guessTitle({ ...base, frontMatterTitle: 'Node RAID Degraded', headings: headings([1, 'NodeRAIDDegraded']) })).toEqual({
      title: 'NodeRAIDDegraded',
      source: 'level-1 heading',
      replaced: 'Node RAID Degraded',
    })
    expect(guessTitle({ ...base, frontMatterTitle: 'Same', headings: headings([1, 'Same']) })).toEqual({ title: 'Same', source: 'level-1 heading' })
  })

  it('then the front matter, then a heading opening the body, then the file name', () => {
    expect(guessTitle({ ...base, frontMatterTitle: '  Spaced   title ', headings: headings([2, 'Meaning']) })).toEqual({ title: 'Spaced title', source: 'front matter' })
    expect(guessTitle({ ...base, headings: headings([2, 'Opening']), opensWithHeading: true })).toEqual({ title: 'Opening', source: 'first heading' })
    expect(guessTitle({ ...base, headings: headings([2, 'A section further down']) })).toEqual({ title: 'Node RAID Degraded', source: 'file name' })
    expect(guessTitle({ ...base, path: 'docs/being_on-call.md' }).title).toBe('Being on call')
    expect(guessTitle({ ...base, path: 'docs/etcdGRPCRequestsSlow.md' }).title).toBe('Etcd GRPC Requests Slow')
  })

  it('ignores a front-matter title that is not text, and a level-1 heading without text', () => {
    expect(guessTitle({ ...base, frontMatterTitle: { a: 1 }, headings: headings([1, '  ']) }).source).toBe('file name')
    expect(guessTitle({ ...base, frontMatterTitle: 2024 }).title).toBe('2024')
  })
})
