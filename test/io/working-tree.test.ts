import { execFileSync } from 'node:child_process'
import { mkdirSync, statSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { FileContentError, isFileContentError } from '../../src/io/decode.js'
import { openWorkingTree } from '../../src/io/working-tree.js'
import { tempDir, write } from './git-fixture.js'

function buildTree(): string {
  const dir = tempDir()
  write(dir, {
    'gitsm.yaml': 'organization: acme\n',
    'kb/article.md': '# Title\n',
    'kb/deep/er/nested.yaml': 'a: 1\n',
    'kb/😀.md': 'smile\n',
    'kb/\uE000-private.md': 'private use\n',
    'kb/z.md': 'z\n',
    'services/a.yaml': 'id: a\n',
    'empty.md': '',
    'big.md': 'x'.repeat(2 * 1024 * 1024),
    '.git/config': '[core]\n',
    'kb/node_modules/pkg/index.md': 'skipped\n',
    'node_modules/x.md': 'skipped\n',
    'bom.md': '\uFEFF# With a byte order mark\n',
  })
  write(dir, { 'kb/latin1.md': Buffer.from('line one\ncaf\xe9\n', 'latin1') })
  symlinkSync('article.md', join(dir, 'kb/link.md'))
  symlinkSync('../services', join(dir, 'kb/linked-dir'))
  symlinkSync('/etc/passwd', join(dir, 'passwd.md'))
  symlinkSync('kb', join(dir, 'kb-link'))
  execFileSync('mkfifo', [join(dir, 'kb/pipe.md')])
  return dir
}

describe('openWorkingTree', () => {
  it('lists regular files with lstat sizes in code point order, skipping .git and node_modules', async () => {
    const dir = buildTree()
    const { entries } = await openWorkingTree(dir).list([''])
    expect(entries.map((e) => e.path)).toEqual([
      'big.md',
      'bom.md',
      'empty.md',
      'gitsm.yaml',
      'kb/article.md',
      'kb/deep/er/nested.yaml',
      'kb/latin1.md',
      'kb/z.md',
      'kb/\uE000-private.md',
      'kb/😀.md',
      'services/a.yaml',
    ])
    for (const entry of entries) expect(entry.size).toBe(statSync(join(dir, entry.path)).size)
    // Over the Markdown limit, but still listed: the caller reports file/too-large from the size.
    expect(entries[0]).toEqual({ path: 'big.md', size: 2 * 1024 * 1024 })
  })

  it('reports symlinks to files and folders and other non-regular files instead of following them', async () => {
    const dir = buildTree()
    const { diagnostics } = await openWorkingTree(dir).list([''])
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['kb-link', 'file/symlink'],
      ['kb/link.md', 'file/symlink'],
      ['kb/linked-dir', 'file/symlink'],
      ['kb/pipe.md', 'file/not-regular'],
      ['passwd.md', 'file/symlink'],
    ])
    for (const diagnostic of diagnostics) {
      expect(diagnostic).toMatchObject({ severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1 })
    }
    expect(diagnostics[0]!.message).toMatch(/Replace the link with the file itself/)
  })

  it('lists only the asked folders, once, and reports a folder that is a symlink', async () => {
    const dir = buildTree()
    const tree = openWorkingTree(dir)
    const kb = await tree.list(['kb/deep', 'kb', 'kb/'])
    expect(kb.entries.every((e) => e.path.startsWith('kb/'))).toBe(true)
    expect(new Set(kb.entries.map((e) => e.path)).size).toBe(kb.entries.length)
    expect(await tree.list(['missing', 'gitsm.yaml'])).toEqual({ entries: [], diagnostics: [] })
    for (const folder of ['kb-link', 'kb-link/deep', 'kb/linked-dir']) {
      const linked = await tree.list([folder])
      expect(linked.entries).toEqual([])
      expect(linked.diagnostics.map((d) => d.ruleId)).toEqual(['file/symlink'])
    }
  })

  it('reads UTF-8 text, and nothing through a symlink, a pipe or a folder', async () => {
    const dir = buildTree()
    const tree = openWorkingTree(dir)
    expect(await tree.read('kb/article.md')).toBe('# Title\n')
    expect(await tree.read('empty.md')).toBe('')
    expect(await tree.read('bom.md')).toBe('# With a byte order mark\n')
    for (const path of ['kb/link.md', 'passwd.md', 'kb/linked-dir/a.yaml', 'kb-link/article.md', 'kb/pipe.md', 'kb', 'missing.md', 'gitsm.yaml/x']) {
      expect(await tree.read(path), path).toBeUndefined()
    }
  })

  it('refuses paths that leave the tree', async () => {
    const tree = openWorkingTree(buildTree())
    for (const path of ['../outside.md', '/etc/passwd', 'kb/../../x', './gitsm.yaml', '', 'kb//article.md', 'kb\\article.md', 'C:/x']) {
      await expect(tree.read(path), path).rejects.toBeInstanceOf(UsageError)
    }
  })

  it('reports invalid UTF-8 with the line it is on instead of decoding garbage', async () => {
    const tree = openWorkingTree(buildTree())
    const error = await tree.read('kb/latin1.md').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileContentError)
    expect(isFileContentError(error)).toBe(true)
    expect((error as FileContentError).exitCode).toBe(1)
    expect((error as FileContentError).diagnostic).toMatchObject({ ruleId: 'file/encoding', severity: 'error', file: 'kb/latin1.md', line: 2, column: 1 })
  })

  it('yields nothing for a root without files', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'kb'))
    expect(await openWorkingTree(dir).list(['', 'kb'])).toEqual({ entries: [], diagnostics: [] })
    expect(openWorkingTree(dir).description).toBe(dir)
  })
})
