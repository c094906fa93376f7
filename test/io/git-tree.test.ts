import { chmodSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { InfrastructureError, UsageError } from '../../src/errors.js'
import { FileContentError } from '../../src/io/decode.js'
import { openRepository } from '../../src/io/git-repo.js'
import { resolveRevision } from '../../src/io/git-rev.js'
import { openGitTree } from '../../src/io/git-tree.js'
import { git, gitBytes, makeRepo, nulList, tempDir, write } from './git-fixture.js'

const longText = Array.from({ length: 200 }, (_, i) => `line ${i}: the quick brown fox jumps over the lazy dog`).join('\n')

/**
 * A repository with regular, executable, empty and non-UTF-8 files, names that sort differently by UTF-16 and by
 * code point, a symlink to a file and one to a folder, a submodule entry, tags, a branch, a merge and a
 * remote-tracking branch; with enough history of one file that packing makes delta chains.
 */
function buildRepo(): string {
  const dir = makeRepo({
    'gitsm.yaml': 'organization: acme\n',
    'kb/article.md': '---\nkind: Article\n---\n# Title\n',
    'kb/deep/er/nested.yaml': 'a: 1\n',
    'kb/ünïcödé.md': 'é\n',
    'kb/😀.md': 'smile\n',
    'kb/\uE000-private.md': 'private use\n',
    'kb/with space.md': 'spaces\n',
    'kb/latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'empty.md': '',
    'tool.sh': '#!/bin/sh\necho hi\n',
    'services/a.yaml': 'id: a\n',
    'history.txt': longText,
  })
  chmodSync(join(dir, 'tool.sh'), 0o755)
  symlinkSync('kb/article.md', join(dir, 'link-to-file'))
  symlinkSync('../services', join(dir, 'kb/linked-dir'))
  const first = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'add', '-A')
  git(dir, 'update-index', '--add', '--cacheinfo', `160000,${first},vendor/sub`)
  git(dir, 'commit', '-q', '-m', 'links, modes and a submodule')
  git(dir, 'tag', '-a', 'v1', '-m', 'release 1')
  for (let i = 0; i < 25; i++) {
    write(dir, { 'history.txt': longText.replace(`line ${i * 7}:`, `line ${i * 7} (edit ${i}):`) })
    git(dir, 'commit', '-q', '-am', `edit ${i}`)
  }
  write(dir, { 'kb/article.md': '---\nkind: Article\n---\n# New title\n', 'kb/new.md': 'new\n' })
  rmSync(join(dir, 'services/a.yaml'))
  git(dir, 'mv', 'kb/with space.md', 'kb/renamed.md')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'second')
  git(dir, 'tag', 'light')
  git(dir, 'checkout', '-q', '-b', 'feature')
  write(dir, { 'kb/feature.md': 'feature\n' })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'feature work')
  git(dir, 'checkout', '-q', 'main')
  write(dir, { 'kb/main.md': 'main\n' })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'main work')
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge feature', 'feature')
  git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD~1')
  return dir
}

/** What `git ls-tree -r -l` says a reader must list: regular files with sizes, and a diagnostic per other entry. */
function expectedListing(dir: string, rev: string, folder = '') {
  const entries: { path: string; size: number }[] = []
  const diagnostics: [string, string][] = []
  for (const line of nulList(git(dir, 'ls-tree', '-r', '-l', '-z', rev, ...(folder ? ['--', folder] : [])))) {
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(line)
    if (!match) throw new Error(`unexpected ls-tree line ${line}`)
    const [, mode, , , size, path] = match
    if (mode === '100644' || mode === '100755') entries.push({ path: path!, size: Number(size) })
    else diagnostics.push([path!, mode === '120000' ? 'file/symlink' : mode === '160000' ? 'file/submodule' : 'file/not-regular'])
  }
  return { entries, diagnostics }
}

async function crossCheck(dir: string, rev: string): Promise<void> {
  const tree = await openGitTree(dir, rev)
  const listing = await tree.list([''])
  const expected = expectedListing(dir, rev)
  expect(listing.entries).toEqual(expected.entries)
  expect(listing.diagnostics.map((d) => [d.file, d.ruleId])).toEqual(expected.diagnostics)
  for (const diagnostic of listing.diagnostics) expect(diagnostic).toMatchObject({ severity: 'error', line: 1, column: 1 })
  const strict = new TextDecoder('utf-8', { fatal: true })
  for (const { path } of listing.entries) {
    const bytes = gitBytes(dir, 'show', `${rev}:${path}`)
    let text: string | undefined
    try {
      text = strict.decode(bytes)
    } catch {
      text = undefined
    }
    if (text === undefined) await expect(tree.read(path)).rejects.toBeInstanceOf(FileContentError)
    else expect(await tree.read(path)).toBe(text)
  }
}

const revisions = ['HEAD', 'HEAD~1', 'HEAD^', 'HEAD^2', 'HEAD~3', 'main', 'feature', 'v1', 'light', 'origin/main', '@', 'v1^{}', 'main~2^', 'HEAD^1~1']

describe('openGitTree', () => {
  let dir: string
  beforeAll(() => {
    dir = buildRepo()
  })

  it.each(['HEAD', 'HEAD~1', 'v1', 'HEAD~28'])('lists and reads what git ls-tree and git show say at %s (loose objects)', async (rev) => {
    await crossCheck(dir, rev)
  })

  it('reads packed objects with offset deltas and with reference deltas the same way', async () => {
    const packed = tempDir()
    git(packed, 'clone', '-q', '--no-local', dir, '.')
    git(packed, 'update-ref', 'refs/remotes/origin/main', 'HEAD~1')
    git(packed, 'gc', '-q', '--aggressive', '--prune=now')
    expect(git(packed, 'count-objects', '-v')).toMatch(/^count: 0$/m)
    for (const rev of ['HEAD', 'HEAD~2', 'v1', 'HEAD~28']) await crossCheck(packed, rev)
    git(packed, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f')
    for (const rev of ['HEAD', 'v1', 'HEAD~28']) await crossCheck(packed, rev)
  })

  it('describes the tree by the revision and its abbreviated commit', async () => {
    const tree = await openGitTree(dir, 'origin/main')
    expect(tree.description).toBe(`origin/main (commit ${git(dir, 'rev-parse', '--short=7', 'origin/main').trim()})`)
  })

  it('lists only the asked folders, once each, and reports a symlink that stands for a folder', async () => {
    const tree = await openGitTree(dir, 'v1')
    const kb = await tree.list(['kb', 'kb/deep', 'kb/'])
    expect(kb.entries).toEqual(expectedListing(dir, 'v1', 'kb').entries)
    expect(kb.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['kb/linked-dir', 'file/symlink']])
    const linked = await tree.list(['kb/linked-dir'])
    expect(linked.entries).toEqual([])
    expect(linked.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['kb/linked-dir', 'file/symlink']])
    expect(await tree.list(['nope', 'gitsm.yaml'])).toEqual({ entries: [], diagnostics: [] })
    expect((await tree.list(['vendor/sub'])).diagnostics.map((d) => d.ruleId)).toEqual(['file/submodule'])
  })

  it('returns undefined for anything that is not a regular file and refuses paths that leave the tree', async () => {
    const tree = await openGitTree(dir, 'v1')
    for (const path of ['link-to-file', 'kb/linked-dir', 'kb/linked-dir/a.yaml', 'vendor/sub', 'kb', 'missing.md', 'kb/article.md/x']) {
      expect(await tree.read(path)).toBeUndefined()
    }
    for (const path of ['../gitsm.yaml', '/etc/passwd', 'kb/../gitsm.yaml', './gitsm.yaml', '', 'kb//article.md', 'kb\\article.md']) {
      await expect(tree.read(path)).rejects.toBeInstanceOf(UsageError)
    }
  })

  it('reports invalid UTF-8 as a file/encoding diagnostic', async () => {
    const tree = await openGitTree(dir, 'v1')
    const error = await tree.read('kb/latin1.md').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileContentError)
    expect((error as FileContentError).diagnostic).toMatchObject({ ruleId: 'file/encoding', severity: 'error', file: 'kb/latin1.md', line: 1 })
  })
})

describe('resolveRevision', () => {
  let dir: string
  beforeAll(() => {
    dir = buildRepo()
  })

  it.each(revisions)('resolves %s to what git rev-parse says', async (rev) => {
    expect(await resolveRevision(openRepository(dir), rev)).toBe(git(dir, 'rev-parse', `${rev}^{commit}`).trim())
  })

  it('resolves full and abbreviated commit ids, loose and packed, and packed refs', async () => {
    const full = git(dir, 'rev-parse', 'HEAD~2').trim()
    const repo = openRepository(dir)
    expect(await resolveRevision(repo, full)).toBe(full)
    expect(await resolveRevision(repo, full.slice(0, 7))).toBe(full)
    expect(await resolveRevision(repo, full.slice(0, 7).toUpperCase())).toBe(full)
    git(dir, 'gc', '-q', '--prune=now')
    git(dir, 'pack-refs', '--all')
    const packed = openRepository(dir)
    for (const rev of [full.slice(0, 9), ...revisions]) {
      expect(await resolveRevision(packed, rev)).toBe(git(dir, 'rev-parse', `${rev}^{commit}`).trim())
    }
  })

  it('throws InfrastructureError naming a revision that does not resolve', async () => {
    const repo = openRepository(dir)
    for (const rev of ['nope', 'origin/nope', 'HEAD~400', 'HEAD^3', 'deadbeef', '0123456789012345678901234567890123456789']) {
      const error = await resolveRevision(repo, rev).catch((e: unknown) => e)
      expect(error, rev).toBeInstanceOf(InfrastructureError)
      expect((error as InfrastructureError).exitCode).toBe(3)
      expect((error as Error).message).toContain(`"${rev}"`)
    }
    await expect(openGitTree(dir, 'nope')).rejects.toThrow(/fetch-depth: 0/)
  })

  it('refuses forms it does not support as usage errors', async () => {
    const repo = openRepository(dir)
    for (const rev of ['main..feature', 'HEAD:kb', 'HEAD@{1}', '../../config', '-x', 'a b', '']) {
      await expect(resolveRevision(repo, rev), rev).rejects.toBeInstanceOf(UsageError)
    }
  })

  it('says how to fetch history when a shallow clone lacks the commit', async () => {
    const shallow = tempDir()
    git(shallow, 'clone', '-q', '--depth', '1', `file://${dir}`, '.')
    await expect(openGitTree(shallow, 'HEAD')).resolves.toBeDefined()
    const error = await openGitTree(shallow, 'HEAD~1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as Error).message).toMatch(/HEAD~1.*shallow.*fetch-depth: 0/s)
  })

  it('fails with InfrastructureError outside a repository', async () => {
    await expect(openGitTree(tempDir(), 'HEAD')).rejects.toBeInstanceOf(InfrastructureError)
  })
})
