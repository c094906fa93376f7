import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InfrastructureError } from '../../src/errors.js'
import { changedFilesSince } from '../../src/io/changed-files.js'
import { comparePaths } from '../../src/io/tree-paths.js'
import { git, makeRepo, nulList, tempDir, write } from './git-fixture.js'

/** What git says changed: `git diff --name-only` (renames as both paths) plus untracked files that are not ignored. */
function gitChanged(dir: string, rev: string, ref?: string): string[] {
  const diff = nulList(git(dir, 'diff', '--name-only', '--no-renames', '-z', rev, ...(ref ? [ref] : [])))
  const untracked = ref ? [] : nulList(git(dir, 'ls-files', '-z', '--others', '--exclude-standard'))
  return [...new Set([...diff, ...untracked])].sort(comparePaths)
}

async function expectSameAsGit(dir: string, rev: string, ref?: string): Promise<string[]> {
  const expected = gitChanged(dir, rev, ref)
  expect(await changedFilesSince(dir, rev, ref ? { ref } : {})).toEqual(expected)
  return expected
}

function baseRepo(): string {
  const dir = makeRepo({
    '.gitignore': '*.log\nbuild/\n!keep.log\n',
    'gitsm.yaml': 'organization: acme\n',
    'services/payments.yaml': 'id: payments\n',
    'services/postgres.yaml': 'id: postgres\n',
    'kb/a.md': '# A\n',
    'kb/b.md': '# B\n',
    'kb/deep/er/and/deeper/c.md': '# C\n',
    'changes/CHG-0001.yaml': 'id: CHG-0001\n',
    'tool.sh': 'echo hi\n',
  })
  // A second commit so that REV and HEAD differ and folders are shared between them.
  write(dir, { 'kb/b.md': '# B, revised\n', 'changes/CHG-0002.yaml': 'id: CHG-0002\n' })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'second')
  return dir
}

type Scenario = [name: string, change: (dir: string) => void, expected?: string[]]

const scenarios: Scenario[] = [
  ['a clean working tree', () => {}, []],
  ['a modified file', (dir) => write(dir, { 'services/payments.yaml': 'id: payments\ntier: 1\n' }), ['services/payments.yaml']],
  ['a modified file of the same size', (dir) => write(dir, { 'kb/a.md': '# Z\n' }), ['kb/a.md']],
  ['a new untracked file, also in a new folder', (dir) => write(dir, { 'kb/new.md': 'n\n', 'problems/PRB-0001.yaml': 'id: x\n' }), ['kb/new.md', 'problems/PRB-0001.yaml']],
  ['ignored files and folders', (dir) => write(dir, { 'debug.log': 'x', 'kb/x.log': 'x', 'build/out.md': 'x', 'build/deep/y.md': 'y', 'keep.log': 'kept' }), ['keep.log']],
  ['a deleted file', (dir) => rmSync(join(dir, 'services/postgres.yaml')), ['services/postgres.yaml']],
  ['a file deleted from the index (git rm)', (dir) => git(dir, 'rm', '-q', 'kb/a.md'), ['kb/a.md']],
  ['a file removed from the index but kept on disk', (dir) => git(dir, 'rm', '-q', '--cached', 'kb/a.md'), ['kb/a.md']],
  ['a rename (git mv)', (dir) => git(dir, 'mv', 'kb/a.md', 'kb/renamed.md'), ['kb/a.md', 'kb/renamed.md']],
  ['a rename on disk only', (dir) => renameSync(join(dir, 'kb/a.md'), join(dir, 'kb/moved.md')), ['kb/a.md', 'kb/moved.md']],
  ['a change deep in the tree', (dir) => write(dir, { 'kb/deep/er/and/deeper/c.md': '# C2\n' }), ['kb/deep/er/and/deeper/c.md']],
  ['staged and unstaged changes together', (dir) => {
    write(dir, { 'kb/a.md': 'staged\n', 'kb/staged-new.md': 'new\n' })
    git(dir, 'add', 'kb/a.md', 'kb/staged-new.md')
    write(dir, { 'services/payments.yaml': 'unstaged\n' })
  }, ['kb/a.md', 'kb/staged-new.md', 'services/payments.yaml']],
  ['a staged change reverted in the working tree', (dir) => {
    write(dir, { 'kb/a.md': 'staged\n' })
    git(dir, 'add', 'kb/a.md')
    write(dir, { 'kb/a.md': '# A\n' })
  }, []],
  ['a staged new file deleted again from the working tree', (dir) => {
    write(dir, { 'kb/ghost.md': 'boo\n' })
    git(dir, 'add', 'kb/ghost.md')
    rmSync(join(dir, 'kb/ghost.md'))
  }],
  ['an executable bit', (dir) => chmodSync(join(dir, 'tool.sh'), 0o755), ['tool.sh']],
  ['a file replaced by a folder', (dir) => {
    rmSync(join(dir, 'kb/a.md'))
    write(dir, { 'kb/a.md/inside.md': 'x\n' })
  }, ['kb/a.md', 'kb/a.md/inside.md']],
  ['a folder replaced by a symlink', (dir) => {
    rmSync(join(dir, 'services'), { recursive: true })
    symlinkSync('kb', join(dir, 'services'))
  }, ['services', 'services/payments.yaml', 'services/postgres.yaml']],
  ['a file replaced by a symlink', (dir) => {
    rmSync(join(dir, 'kb/a.md'))
    symlinkSync('b.md', join(dir, 'kb/a.md'))
  }, ['kb/a.md']],
  ['an untracked nested folder inside an ignored one', (dir) => {
    mkdirSync(join(dir, 'build/sub'), { recursive: true })
    writeFileSync(join(dir, 'build/sub/x.md'), 'x')
  }, []],
  ['a file touched without a change', (dir) => {
    const path = join(dir, 'kb/a.md')
    writeFileSync(path, '# A\n')
  }, []],
]

describe('changedFilesSince', () => {
  it.each(scenarios)('matches git for %s', async (_name, change, expected) => {
    const dir = baseRepo()
    change(dir)
    for (const rev of ['HEAD', 'HEAD~1']) {
      const found = await expectSameAsGit(dir, rev)
      if (rev === 'HEAD' && expected) expect(found).toEqual(expected)
    }
  })

  it('matches git with the index in version 4 and without a cached tree', async () => {
    const dir = baseRepo()
    write(dir, { 'kb/a.md': 'changed\n', 'kb/new.md': 'new\n' })
    git(dir, 'update-index', '--index-version', '4')
    await expectSameAsGit(dir, 'HEAD~1')
    rmSync(join(dir, '.git/index'))
    git(dir, 'read-tree', 'HEAD')
    await expectSameAsGit(dir, 'HEAD~1')
  })

  it('matches git on a packed repository with history', async () => {
    const dir = baseRepo()
    for (let i = 0; i < 12; i++) {
      write(dir, { [`kb/area-${i % 3}/KB-${i}.md`]: `# ${i}\n`, 'kb/a.md': `# A ${i}\n` })
      git(dir, 'add', '-A')
      git(dir, 'commit', '-q', '-m', `commit ${i}`)
    }
    git(dir, 'gc', '-q', '--prune=now')
    write(dir, { 'kb/area-1/KB-4.md': 'edited\n', 'kb/area-2/new.md': 'new\n' })
    for (const rev of ['HEAD', 'HEAD~5', 'HEAD~13']) await expectSameAsGit(dir, rev)
  })

  it('compares two revisions when given ref, ignoring the working tree', async () => {
    const dir = baseRepo()
    git(dir, 'checkout', '-q', '-b', 'feature')
    write(dir, { 'kb/feature.md': 'f\n', 'kb/deep/er/and/deeper/c.md': '# C3\n', 'tool.sh': 'echo changed\n' })
    rmSync(join(dir, 'services/postgres.yaml'))
    git(dir, 'mv', 'kb/a.md', 'kb/a-renamed.md')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'feature')
    write(dir, { 'untracked.md': 'x', 'kb/b.md': 'dirty\n' })
    expect(await expectSameAsGit(dir, 'main', 'feature')).toEqual([
      'kb/a-renamed.md',
      'kb/a.md',
      'kb/deep/er/and/deeper/c.md',
      'kb/feature.md',
      'services/postgres.yaml',
      'tool.sh',
    ])
    await expectSameAsGit(dir, 'feature', 'main~1')
    expect(await changedFilesSince(dir, 'feature', { ref: 'feature' })).toEqual([])
  })

  it('never writes to the repository, not even to refresh the index', async () => {
    const dir = baseRepo()
    // Same content, new stat data: git status would rewrite the index here.
    write(dir, { 'kb/a.md': '# A\n' })
    const index = join(dir, '.git/index')
    const before = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs }
    expect(await changedFilesSince(dir, 'HEAD')).toEqual([])
    expect({ bytes: readFileSync(index), mtime: statSync(index).mtimeMs }).toEqual(before)
  })

  it('throws InfrastructureError for an unknown revision and for missing history', async () => {
    const dir = baseRepo()
    await expect(changedFilesSince(dir, 'nope')).rejects.toBeInstanceOf(InfrastructureError)
    await expect(changedFilesSince(dir, 'HEAD', { ref: 'nope' })).rejects.toBeInstanceOf(InfrastructureError)
    const shallow = tempDir()
    git(shallow, 'clone', '-q', '--depth', '1', `file://${dir}`, '.')
    await expect(changedFilesSince(shallow, 'HEAD~1')).rejects.toThrow(/fetch-depth: 0/)
    await expect(changedFilesSince(shallow, 'HEAD')).resolves.toEqual([])
  })
})
