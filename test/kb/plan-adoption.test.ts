import { describe, expect, it } from 'vitest'
import { parseMarkdownRecord } from '../../src/parse/markdown.js'
import { article, plan, textAfter } from './plan.js'

const runbook = `---
title: Disk Filling Up
weight: 20
tags: [disk, "node"]
---

# DiskFillingUp

## Diagnosis

Look at [the other runbook](./other.md#mitigation).

## Mitigation

Clean up.
`

const other = `# Other

## Mitigation

See [disk](disk.md).
`

describe('planAdoption: front matter', () => {
  const files = { 'gitsm.yaml': 'timezone: UTC\n', 'kb/disk.md': runbook, 'kb/other.md': other }
  const result = plan(files)

  it('writes gitsm front matter with the old fields under x:, verbatim as data', () => {
    const disk = article(result, 'kb/disk.md')
    expect(disk.frontMatter).toEqual({
      kind: 'Article',
      id: 'KB-0001',
      title: 'DiskFillingUp',
      type: 'troubleshooting',
      status: 'draft',
      owner: '@acme/sre',
      reviewed_at: '2026-11-21',
      x: { title: 'Disk Filling Up', weight: 20, tags: ['disk', 'node'] },
    })
    expect(disk.replacedTitle).toBe('Disk Filling Up')
    expect(disk.addedHeading).toBe(false)
    const parsed = parseMarkdownRecord(textAfter(result, files, disk.to), disk.to)
    expect(parsed.ok && parsed.value.data).toEqual(disk.frontMatter)
  })

  it('renames to the id and a slug of the title, in the same folder', () => {
    expect(result.articles.map((a) => [a.from, a.to])).toEqual([
      ['kb/disk.md', 'kb/KB-0001-disk-filling-up.md'],
      ['kb/other.md', 'kb/KB-0002-other.md'],
    ])
  })

  it('keeps the body as it was, below the new front matter', () => {
    const after = textAfter(result, files, 'kb/KB-0002-other.md')
    expect(after).toBe(`---
kind: Article
id: KB-0002
title: Other
type: reference
status: draft
owner: "@acme/sre"
reviewed_at: 2026-11-21
---

# Other

## Mitigation

See [disk](KB-0001-disk-filling-up.md).
`)
  })

  it('keeps values that YAML could misread exactly as they were', () => {
    const old = ['---', 'a: "yes"', "b: '0012'", 'c: "@team"', 'd: "# not a comment"', 'e: null', 'f: 2026-01-01', 'g: |', '  two', '  lines', 'h: [1, "1"]', 'i: {nested: {deep: true}}', '---', '# T', ''].join('\n')
    const files = { 'kb/t.md': old }
    const result = plan(files)
    const t = article(result, 'kb/t.md')
    expect(t.frontMatter.x).toEqual({ a: 'yes', b: '0012', c: '@team', d: '# not a comment', e: null, f: '2026-01-01', g: 'two\nlines\n', h: [1, '1'], i: { nested: { deep: true } } })
    const parsed = parseMarkdownRecord(textAfter(result, files, t.to), t.to)
    expect(parsed.ok && parsed.value.data).toEqual(t.frontMatter)
  })

  it('adds "# title" when no level-1 heading reads as the title, escaped so it reads back the same', () => {
    const files = { 'kb/a.md': '---\ntitle: "Use *kubectl* #1"\n---\nBody text.\n' }
    const result = plan(files)
    const a = article(result, 'kb/a.md')
    expect(a.addedHeading).toBe(true)
    const after = textAfter(result, files, a.to)
    expect(after.endsWith('---\n\n# Use \\*kubectl\\* \\#1\n\nBody text.\n')).toBe(true)
    const parsed = parseMarkdownRecord(after, a.to)
    expect(parsed.ok && parsed.value.body?.headings[0]).toMatchObject({ depth: 1, text: 'Use *kubectl* #1' })
  })

  it('keeps CRLF line endings and drops a byte order mark', () => {
    const files = { 'kb/a.md': '\uFEFF# Title\r\n\r\nText.\r\n' }
    const result = plan(files)
    const after = textAfter(result, files, article(result, 'kb/a.md').to)
    expect(after).toBe('---\r\nkind: Article\r\nid: KB-0001\r\ntitle: Title\r\ntype: reference\r\nstatus: draft\r\nowner: "@acme/sre"\r\nreviewed_at: 2026-11-21\r\n---\r\n\r\n# Title\r\n\r\nText.\r\n')
  })

  it('leaves out the owner when none is given, and says so', () => {
    const result = plan({ 'kb/a.md': '# A\n' }, 'kb', { owner: undefined })
    expect(article(result, 'kb/a.md').frontMatter).not.toHaveProperty('owner')
    expect(article(result, 'kb/a.md').todos.map((t) => t.what)).toContain('owner')
  })
})

describe('planAdoption: ids', () => {
  it('allocates after the highest KB id in use, in records and in file names, keeping their width', () => {
    const files = {
      'kb/KB-0041-old.md': '---\nkind: Article\nid: KB-0041\ntitle: Old\ntype: faq\nstatus: draft\n---\n# Old\n',
      'kb/moved.md': '---\nkind: Article\nid: KB-0099\ntitle: Moved\ntype: faq\nstatus: draft\n---\n# Moved\n',
      'attic/KB-00120-gone.txt': 'x',
      'kb/b.md': '# B\n',
      'kb/a.md': '# A\n',
    }
    const result = plan(files)
    expect(result.articles.map((a) => a.id)).toEqual(['KB-00121', 'KB-00122'])
    expect(result.articles.map((a) => a.from)).toEqual(['kb/a.md', 'kb/b.md'])
    expect(result.skipped).toEqual([
      { file: 'kb/KB-0041-old.md', reason: 'it is a gitsm Article already' },
      { file: 'kb/moved.md', reason: 'it is a gitsm Article already' },
    ])
  })

  it('keeps the id a file name starts with when no other file has it', () => {
    const result = plan({ 'kb/KB-0007-reset.md': '# Reset\n', 'kb/KB-0008-a.md': '# A\n', 'kb/KB-0008-b.md': '# B\n' })
    expect(result.articles.map((a) => [a.id, a.to])).toEqual([
      ['KB-0007', 'kb/KB-0007-reset.md'],
      ['KB-0009', 'kb/KB-0009-a.md'],
      ['KB-0010', 'kb/KB-0010-b.md'],
    ])
  })

  it('counts ids in file names of any case, as a file system may ignore case', () => {
    const result = plan({ 'kb/a.md': '# A\n', 'kb/kb-0001-a.md.orig': 'x', 'kb/kb-0005-b.md': '# B\n' })
    expect(result.articles.map((a) => [a.id, a.to])).toEqual([
      ['KB-0006', 'kb/KB-0006-a.md'],
      ['KB-0007', 'kb/KB-0007-b.md'],
    ])
    expect(result.conflicts).toEqual([])
  })
})

describe('planAdoption: links', () => {
  const files = {
    'README.md': 'See [the guide](kb/guides/guide.md) and [its steps](./kb/guides/guide.md#steps).\n',
    'kb/guides/guide.md': '# Guide\n\n## Steps\n\nBack to [the index](../index.md), [self](#steps), [self by name](guide.md#steps).\n',
    'kb/index.md': [
      '# Index',
      '',
      '- [inline](guides/guide.md "Guide title")',
      '- [angle](<guides/guide.md#steps>)',
      '- [site style](guides/guide.md/#steps)',
      '- [query](guides/guide.md?plain=1#L3)',
      '- [reference][ref]',
      '- ![picture](guides/guide.md)',
      '- <a href="guides/guide.md#steps">html</a>',
      '- [absolute](/kb/guides/guide.md)',
      '- [external](https://example.com/guides/guide.md)',
      '- `[code](guides/guide.md)`',
      '',
      '[ref]: ./guides/guide.md#steps',
      '',
    ].join('\n'),
    'other/notes.md': 'Outside DIR: [guide](../kb/guides/guide.md).\n',
  }
  const result = plan(files)
  const guide = 'kb/guides/KB-0001-guide.md'

  it('rewrites every relative link to a renamed file at its place, keeping anchors, queries and the relative style', () => {
    expect(textAfter(result, files, 'kb/KB-0002-index.md').split('\n---\n')[1]).toBe(
      [
        '',
        '# Index',
        '',
        '- [inline](guides/KB-0001-guide.md "Guide title")',
        '- [angle](<guides/KB-0001-guide.md#steps>)',
        '- [site style](guides/KB-0001-guide.md#steps)',
        '- [query](guides/KB-0001-guide.md?plain=1#L3)',
        '- [reference][ref]',
        '- ![picture](guides/KB-0001-guide.md)',
        '- <a href="guides/KB-0001-guide.md#steps">html</a>',
        '- [absolute](/kb/guides/KB-0001-guide.md)',
        '- [external](https://example.com/guides/guide.md)',
        '- `[code](guides/guide.md)`',
        '',
        '[ref]: ./guides/KB-0001-guide.md#steps',
        '',
      ].join('\n'),
    )
  })

  it('rewrites links in files outside DIR and in files that are not adopted, and nothing else in them', () => {
    expect(textAfter(result, files, 'README.md')).toBe('See [the guide](kb/guides/KB-0001-guide.md) and [its steps](./kb/guides/KB-0001-guide.md#steps).\n')
    expect(textAfter(result, files, 'other/notes.md')).toBe('Outside DIR: [guide](../kb/guides/KB-0001-guide.md).\n')
  })

  it('rewrites links of a renamed file to itself and to others, and leaves #anchor links alone', () => {
    expect(textAfter(result, files, guide)).toContain('Back to [the index](../KB-0002-index.md), [self](#steps), [self by name](KB-0001-guide.md#steps).')
  })

  it('lists every rewrite with its place and both destinations', () => {
    expect(result.rewrites.filter((r) => r.file === 'README.md')).toEqual([
      { file: 'README.md', line: 1, column: 5, before: 'kb/guides/guide.md', after: 'kb/guides/KB-0001-guide.md' },
      { file: 'README.md', line: 1, column: 41, before: './kb/guides/guide.md#steps', after: './kb/guides/KB-0001-guide.md#steps' },
    ])
    expect(result.rewrites).toHaveLength(13)
    expect(result.changes.map((c) => c.from)).toEqual(['README.md', 'kb/guides/guide.md', 'kb/index.md', 'other/notes.md'])
  })

  it('keeps rewriting right when a destination is written with escapes or entities, and reports what it cannot locate', () => {
    const files = {
      'kb/my guide.md': '# My guide\n',
      'kb/a.md': '# A\n\n[one](<my guide.md>) [two](my%20guide.md) [three](my&#32;guide.md)\n\n> [quoted]:\n> my%20guide.md\n\n[four][quoted]\n',
    }
    const result = plan(files)
    const after = textAfter(result, files, 'kb/KB-0001-a.md')
    expect(after).toContain('[one](<KB-0002-my-guide.md>) [two](KB-0002-my-guide.md) [three](KB-0002-my-guide.md)')
    // A destination on the next line of a block quote has a `>` in the way: a person rewrites that one.
    expect(article(result, 'kb/a.md').todos.filter((t) => t.what === 'unrewritten-link').map((t) => t.line)).toEqual([5])
    expect(after).toContain('> [quoted]:\n> my%20guide.md')
  })
})

describe('planAdoption: what a person decides', () => {
  const files = {
    'kb/ke.md': '# Pool exhaustion\n\n## Symptoms\n\nx\n\n## Cause\n\nx\n\n## Workaround\n\nx\n',
    'kb/ts.md': [
      '# Slow disk',
      '## Diagnosis',
      '[gone](missing.md) [anchor](ke.md#no-such-heading) [fine](ke.md#cause) ![img](img/chart.png) [out](../../x.md)',
      '## Mitigation',
      'x',
      '',
    ].join('\n\n'),
    'kb/two.md': '# One\n\ntext\n\n# Two\n\ntext\n',
    'kb/deep.md': '---\ntitle: Deep\n---\n### Starts deep\n\ntext\n',
    'kb/_index.md': '---\ntitle: section\n---\n',
  }
  const result = plan(files)
  const todos = (from: string): string[] => article(result, from).todos.map((t) => `${t.what}${t.line === undefined ? '' : `@${t.line}`}`)

  it('always asks for services; lists the sections the guessed type lacks', () => {
    expect(todos('kb/ke.md')).toEqual(['services'])
    expect(todos('kb/ts.md')).toEqual(['services', 'sections', 'broken-link@5', 'broken-link@5', 'missing-image@5', 'broken-link@5'])
    expect(article(result, 'kb/ts.md').todos[1]!.message).toMatch(/"## Symptoms", "## Resolution"/)
  })

  it('lists extra level-1 headings, sections that start too deep, and empty files', () => {
    expect(todos('kb/two.md')).toEqual(['services', 'headings@5'])
    expect(todos('kb/deep.md')).toEqual(['services', 'headings@4'])
    expect(todos('kb/_index.md')).toEqual(['services', 'empty'])
  })

  it('skips ignored files, TOML front matter and front matter that is not plain YAML', () => {
    const result = plan(
      {
        'kb/README.md': '# Read me\n',
        'kb/toml.md': '+++\ntitle = "x"\n+++\n# X\n',
        'kb/bad.md': '---\ntitle: &a x\nother: *a\n---\n# Bad\n',
        'kb/dup.md': '---\ntitle: a\ntitle: b\n---\n# Dup\n',
      },
      'kb',
      { isIgnored: (p) => p.endsWith('README.md') },
    )
    expect(result.articles).toEqual([])
    expect(result.skipped.map((s) => [s.file, s.reason.replace(/:.*/s, '')])).toEqual([
      ['kb/README.md', 'gitsm.yaml ignores it (ignore'],
      ['kb/bad.md', 'its front matter is not plain YAML'],
      ['kb/dup.md', 'its front matter is not plain YAML'],
      ['kb/toml.md', 'its front matter is TOML (+++)'],
    ])
  })

  it('names the file instead of a section heading that opens several files, and flags titles still shared', () => {
    const result = plan({
      'kb/deputy.md': '## Purpose\n\nx\n',
      'kb/scribe.md': '## Purpose\n\nx\n',
      'kb/a.md': '# Same\n',
      'kb/b.md': '# Same\n',
    })
    expect(result.articles.map((a) => a.title)).toEqual(['Same', 'Same', 'Deputy', 'Scribe'])
    expect(article(result, 'kb/a.md').todos.map((t) => t.what)).toEqual(['services', 'title'])
    expect(article(result, 'kb/deputy.md').todos.map((t) => t.what)).toEqual(['services', 'title'])
  })

  it('reports old file names that only a person can update, outside links', () => {
    const result = plan(
      { 'kb/a.md': '# A\n\nSee [b]({{< ref "./b.md" >}}).\n', 'kb/b.md': '# B\n' },
      'kb',
      { otherTexts: [{ path: 'mkdocs.yml', text: 'nav:\n  - A: a.md\n  - Ab: ab.md\n' }] },
    )
    expect(result.mentions).toEqual([
      { file: 'kb/KB-0001-a.md', line: 13, name: 'b.md', renamedTo: 'kb/KB-0002-b.md' },
      { file: 'mkdocs.yml', line: 2, name: 'a.md', renamedTo: 'kb/KB-0001-a.md' },
    ])
  })

  it('notes a DIR outside the knowledge folder, and a DIR with nothing to adopt', () => {
    expect(plan({ 'docs/a.md': '# A\n' }, 'docs', { knowledgeFolder: 'kb' }).notes[0]).toMatch(/outside the knowledge folder kb\//)
    expect(plan({ 'kb/sub/a.md': '# A\n' }, 'kb/sub', { knowledgeFolder: 'kb' }).notes).toEqual([])
    expect(plan({ 'kb/a.txt': 'x' }).notes).toEqual(['No Markdown file under kb needs adopting.'])
    expect(plan({ 'a.md': '# A\n' }, '.').articles.map((a) => a.to)).toEqual(['KB-0001-a.md'])
  })
})
