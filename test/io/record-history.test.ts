import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parseCommitDetails } from '../../src/io/git-repo.js'
import { readRecordHistories, type HistoryReading } from '../../src/io/record-history.js'
import { changeYaml, commitAt as commit, gitAt as git, writeFiles as write } from '../support/dated-git.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitsm-history-'))
  made.push(dir)
  return dir
}

const files = ['changes/CHG-0042.yaml', 'changes/CHG-0043.yaml', 'changes/CHG-0044.yaml', 'changes/CHG-0045.yaml', 'changes/CHG-0046.yaml', 'changes/CHG-0099.yaml']

/**
 * A repository whose records folder is `prefix`: a change drafted on a branch and merged as pull request #12, a
 * squash commit adding a change already approved, a direct push approving a change, an edit of an approved window, a
 * version that does not parse, a change deleted, and commits that touch other folders only.
 */
function storyRepo(prefix = ''): { dir: string; root: string; commits: Record<string, string> } {
  const dir = tempDir()
  const p = (path: string) => (prefix === '' ? path : `${prefix}/${path}`)
  git(dir, '2026-11-01T09:00:00Z', 'init', '-q', '-b', 'main')
  git(dir, '2026-11-01T09:00:00Z', 'config', 'core.autocrlf', 'false')
  const commits: Record<string, string> = {}
  commits.initial = commit(dir, '2026-11-01T09:00:00Z', 'Initial', { [p('gitsm.yaml')]: 'organization: acme\n', [p('services/payments-api.yaml')]: 'kind: Service\n' })
  git(dir, '2026-11-01T09:00:00Z', 'checkout', '-q', '-b', 'chg-0042')
  commits.draft = commit(dir, '2026-11-02T09:00:00Z', 'Draft CHG-0042', { [p('changes/CHG-0042.yaml')]: changeYaml('CHG-0042', 'draft') })
  commits.submit = commit(dir, '2026-11-02T10:00:00Z', 'Submit CHG-0042', { [p('changes/CHG-0042.yaml')]: changeYaml('CHG-0042', 'submitted') })
  commits.approveOnBranch = commit(dir, '2026-11-03T10:00:00Z', 'Approve CHG-0042', { [p('changes/CHG-0042.yaml')]: changeYaml('CHG-0042', 'approved') })
  git(dir, '2026-11-03T11:00:00Z', 'checkout', '-q', 'main')
  commits.other = commit(dir, '2026-11-03T11:00:00Z', 'Touch a service', { [p('services/payments-api.yaml')]: 'kind: Service\nid: payments-api\n' })
  git(dir, '2026-11-04T08:00:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from acme/chg-0042', 'chg-0042')
  commits.merge = git(dir, '2026-11-04T08:00:00Z', 'rev-parse', 'HEAD').trim()
  commits.squash = commit(dir, '2026-11-05T08:00:00Z', 'Upgrade X (#13)', { [p('changes/CHG-0043.yaml')]: changeYaml('CHG-0043', 'approved') })
  commits.submit44 = commit(dir, '2026-11-06T08:00:00Z', 'Submit CHG-0044', { [p('changes/CHG-0044.yaml')]: changeYaml('CHG-0044', 'submitted'), [p('changes/CHG-0046.yaml')]: changeYaml('CHG-0046', 'draft') })
  commits.push44 = commit(dir, '2026-11-06T09:00:00Z', 'Approve CHG-0044', { [p('changes/CHG-0044.yaml')]: changeYaml('CHG-0044', 'approved') })
  commits.outside = commit(dir, '2026-11-06T10:00:00Z', 'Outside the records', { 'README.md': '# ops\n' })
  commits.edit = commit(dir, '2026-11-07T08:00:00Z', 'Move the window of CHG-0042', { [p('changes/CHG-0042.yaml')]: changeYaml('CHG-0042', 'approved', { start: '2026-12-05T22:00:00+01:00' }) })
  commits.broken = commit(dir, '2026-11-08T08:00:00Z', 'Break CHG-0045', { [p('changes/CHG-0045.yaml')]: 'kind: Change\nid: [unclosed\n' })
  commits.fixed = commit(dir, '2026-11-08T09:00:00Z', 'Fix CHG-0045', { [p('changes/CHG-0045.yaml')]: changeYaml('CHG-0045', 'submitted') })
  unlinkSync(join(dir, p('changes/CHG-0046.yaml')))
  commits.deleted = commit(dir, '2026-11-09T08:00:00Z', 'Drop CHG-0046', {})
  return { dir, root: prefix === '' ? dir : join(dir, prefix), commits }
}

/** What `git log` says: mainline commits (oldest first) and the earliest commit that added each file. */
function gitSays(dir: string, path: string): { mainline: { commit: string; at: number; subject: string; author: string }[]; added: { commit: string; at: number } | null } {
  const mainline = git(dir, '', 'log', '--first-parent', '--format=%H%x00%ct%x00%s%x00%an <%ae>', 'HEAD', '--', path)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [commit, at, subject, author] = line.split('\0') as [string, string, string, string]
      return { commit, at: Number(at) * 1000, subject, author }
    })
    .reverse()
  const added = git(dir, '', 'log', '--full-history', '--diff-filter=A', '--format=%H %ct', 'HEAD', '--', path)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => ({ commit: line.split(' ')[0]!, at: Number(line.split(' ')[1]) * 1000 }))
    .sort((a, b) => a.at - b.at || (a.commit < b.commit ? -1 : 1))
  return { mainline, added: added[0] ?? null }
}

function statuses(reading: HistoryReading, file: string): (unknown)[] {
  return reading.histories.get(file)!.mainline.map((v) => (v.data === null ? null : v.data.status))
}

describe('readRecordHistories', () => {
  test('reads what git log reads: first-parent versions, and the earliest commit that added each file, branch commits included', async () => {
    const { dir, commits } = storyRepo()
    const reading = (await readRecordHistories(dir, files))!
    expect(reading.head).toBe(git(dir, '', 'rev-parse', 'HEAD').trim())
    expect(reading.shallow).toBe(false)
    expect([...reading.histories.keys()]).toEqual(files)
    for (const file of files) {
      const history = reading.histories.get(file)!
      const says = gitSays(dir, file)
      expect(history.mainline.map((v) => ({ commit: v.commit, at: v.committed_at, subject: v.message.split('\n')[0], author: v.author }))).toEqual(says.mainline)
      expect(history.first_commit === null ? null : { commit: history.first_commit.commit, at: history.first_commit.committed_at }).toEqual(says.added)
      expect(history.complete).toBe(true)
      expect(history.mainline_complete).toBe(true)
    }
    // The merge is the mainline commit that approved CHG-0042; its draft on the branch is its first commit.
    expect(reading.histories.get('changes/CHG-0042.yaml')!.mainline.map((v) => v.commit)).toEqual([commits.merge, commits.edit])
    expect(reading.histories.get('changes/CHG-0042.yaml')!.first_commit).toEqual({ commit: commits.draft, committed_at: Date.parse('2026-11-02T09:00:00Z') })
    expect(statuses(reading, 'changes/CHG-0042.yaml')).toEqual(['approved', 'approved'])
    expect(reading.histories.get('changes/CHG-0042.yaml')!.mainline[1]!.data).toMatchObject({ window: { start: '2026-12-05T22:00:00+01:00' } })
    expect(reading.histories.get('changes/CHG-0043.yaml')!.mainline[0]).toMatchObject({ commit: commits.squash, message: 'Upgrade X (#13)', author: 'Dana Doe <dana@example.com>' })
    expect(statuses(reading, 'changes/CHG-0044.yaml')).toEqual(['submitted', 'approved'])
    // A version that does not parse, and a deletion, have no data.
    expect(statuses(reading, 'changes/CHG-0045.yaml')).toEqual([null, 'submitted'])
    expect(statuses(reading, 'changes/CHG-0046.yaml')).toEqual(['draft', null])
    expect(reading.histories.get('changes/CHG-0099.yaml')).toEqual({ file: 'changes/CHG-0099.yaml', mainline: [], mainline_complete: true, first_commit: null, complete: true })
  })

  test('a records folder inside a subfolder of the repository: paths stay relative to that folder', async () => {
    const { dir, root, commits } = storyRepo('ops/itsm')
    const reading = (await readRecordHistories(root, files))!
    for (const file of files) {
      const says = gitSays(dir, `ops/itsm/${file}`)
      expect(reading.histories.get(file)!.mainline.map((v) => v.commit)).toEqual(says.mainline.map((m) => m.commit))
    }
    expect(reading.histories.get('changes/CHG-0042.yaml')!.first_commit?.commit).toBe(commits.draft)
    // From a folder below the records too: the enclosing repository is found by walking up.
    const nested = (await readRecordHistories(join(root, 'changes'), ['CHG-0043.yaml']))!
    expect(nested.histories.get('CHG-0043.yaml')!.mainline.map((v) => v.commit)).toEqual([commits.squash])
  })

  test('a shallow clone: the boundary commit stands for everything before it, marked incomplete', async () => {
    const { dir, commits } = storyRepo()
    const clone = join(tempDir(), 'clone')
    git(dir, '', 'clone', '-q', '--depth', '4', '--branch', 'main', `file://${dir}`, clone)
    const reading = (await readRecordHistories(clone, files))!
    expect(reading.shallow).toBe(true)
    const boundary = git(clone, '', 'rev-parse', 'HEAD~3').trim()
    expect(boundary).toBe(commits.edit)
    // CHG-0042: the boundary holds it, so its earlier history is unknown.
    expect(reading.histories.get('changes/CHG-0042.yaml')).toMatchObject({ mainline_complete: false, complete: false, first_commit: null })
    expect(reading.histories.get('changes/CHG-0042.yaml')!.mainline.map((v) => v.commit)).toEqual([commits.edit])
    // CHG-0045 was added after the boundary: its history is whole.
    expect(reading.histories.get('changes/CHG-0045.yaml')).toMatchObject({ mainline_complete: true, complete: true, first_commit: { commit: commits.broken } })
    expect(reading.histories.get('changes/CHG-0045.yaml')!.mainline.map((v) => v.commit)).toEqual([commits.broken, commits.fixed])
  })

  test('no repository: undefined; a repository without commits: no head and empty histories', async () => {
    const plain = tempDir()
    write(plain, { 'changes/CHG-0001.yaml': changeYaml('CHG-0001', 'approved') })
    expect(await readRecordHistories(plain, ['changes/CHG-0001.yaml'])).toBeUndefined()
    expect(await readRecordHistories(join(plain, 'missing'), ['changes/CHG-0001.yaml'])).toBeUndefined()

    const empty = tempDir()
    git(empty, '2026-11-01T09:00:00Z', 'init', '-q', '-b', 'main')
    const reading = await readRecordHistories(empty, ['changes/CHG-0001.yaml'])
    expect(reading).toEqual({
      head: null,
      shallow: false,
      histories: new Map([['changes/CHG-0001.yaml', { file: 'changes/CHG-0001.yaml', mainline: [], mainline_complete: true, first_commit: null, complete: true }]]),
    })
  })

  test('a large folder edited at random, with branches merged both ways, reads the same as git log', async () => {
    const dir = tempDir()
    git(dir, '2025-01-01T00:00:00Z', 'init', '-q', '-b', 'main')
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const names = Array.from({ length: 240 }, (_, i) => `changes/CHG-${String(i * 7).padStart(4, '0')}${i % 3 === 0 ? '-long-slug' : ''}.yaml`)
    // Names that sort around a folder of the same stem (git orders a folder as if its name ended in "/").
    names.push('changes/standard-x.yaml', 'changes/standard0.yaml', 'changes/standard/one.yaml', 'changes/standard.yaml')
    let minute = 0
    const at = () => new Date(Date.UTC(2025, 0, 1) + minute++ * 60_000).toISOString()
    const step = (files: number) => {
      for (let i = 0; i < files; i++) {
        const name = names[random(names.length)]!
        if (existsSync(join(dir, name)) && random(4) === 0) unlinkSync(join(dir, name))
        else write(dir, { [name]: changeYaml('CHG-0001', ['draft', 'submitted', 'approved', 'closed'][random(4)]!, { start: `2026-12-0${1 + random(8)}T22:00:00Z` }) })
      }
      const when = at()
      git(dir, when, 'add', '-A')
      git(dir, when, 'commit', '-q', '--allow-empty', '-m', `Step ${minute}`)
    }
    step(120)
    for (let round = 0; round < 6; round++) {
      git(dir, at(), 'checkout', '-q', '-b', `topic-${round}`)
      for (let i = 0; i < 3; i++) step(1 + random(3))
      git(dir, at(), 'checkout', '-q', 'main')
      for (let i = 0; i < 2; i++) step(round === 3 ? 80 : 1 + random(3))
      if (round % 2 === 0) {
        // Main merged into the branch first, then the branch into main.
        git(dir, at(), 'checkout', '-q', `topic-${round}`)
        git(dir, at(), 'merge', '-q', '--no-edit', '-X', 'theirs', 'main')
        git(dir, at(), 'checkout', '-q', 'main')
      }
      git(dir, at(), 'merge', '-q', '--no-ff', '-X', 'theirs', '-m', `Merge pull request #${round} from acme/topic-${round}`, `topic-${round}`)
    }
    git(dir, '', 'gc', '-q')
    const reading = (await readRecordHistories(dir, names))!
    for (const file of names) {
      const says = gitSays(dir, file)
      expect(reading.histories.get(file)!.mainline.map((v) => v.commit), file).toEqual(says.mainline.map((m) => m.commit))
      expect(reading.histories.get(file)!.first_commit?.commit, file).toBe(says.added?.commit)
    }
  })

  test('a packed repository with many commits reads the same as git log', async () => {
    const dir = tempDir()
    git(dir, '2026-01-01T00:00:00Z', 'init', '-q', '-b', 'main')
    for (let i = 0; i < 40; i++) {
      const at = new Date(Date.UTC(2026, 0, 1 + i)).toISOString()
      const id = `CHG-${String(1 + (i % 7)).padStart(4, '0')}`
      commit(dir, at, `Commit ${i}`, { [`changes/${id}.yaml`]: changeYaml(id, i % 3 === 0 ? 'approved' : 'submitted'), [`kb/KB-${i}.md`]: `# ${i}\n` })
    }
    git(dir, '', 'gc', '-q')
    const names = Array.from({ length: 7 }, (_, i) => `changes/CHG-${String(i + 1).padStart(4, '0')}.yaml`)
    const reading = (await readRecordHistories(dir, names))!
    for (const file of names) {
      const says = gitSays(dir, file)
      expect(reading.histories.get(file)!.mainline.map((v) => v.commit)).toEqual(says.mainline.map((m) => m.commit))
      expect(reading.histories.get(file)!.first_commit?.commit).toBe(says.added?.commit)
    }
  })
})

describe('parseCommitDetails', () => {
  test('reads author, committer, times and message; skips multi-line headers', () => {
    const object = Buffer.from(
      [
        `tree ${'a'.repeat(40)}`,
        `parent ${'b'.repeat(40)}`,
        `parent ${'c'.repeat(40)}`,
        'author Dana Doe <dana@example.com> 1793520000 +0100',
        'committer GitHub <noreply@github.com> 1793523600 -0500',
        'gpgsig -----BEGIN PGP SIGNATURE-----',
        ' committer Mallory <m@example.com> 1 +0000',
        ' -----END PGP SIGNATURE-----',
        '',
        'Merge pull request #12 from acme/chg-0042',
        '',
        'Upgrade Postgres',
        '',
      ].join('\n'),
    )
    expect(parseCommitDetails(object)).toEqual({
      tree: 'a'.repeat(40),
      parents: ['b'.repeat(40), 'c'.repeat(40)],
      author: { name: 'Dana Doe', email: 'dana@example.com', at: 1793520000_000 },
      committer: { name: 'GitHub', email: 'noreply@github.com', at: 1793523600_000 },
      message: 'Merge pull request #12 from acme/chg-0042\n\nUpgrade Postgres',
    })
    expect(() => parseCommitDetails(Buffer.from(`tree ${'a'.repeat(40)}\nauthor A <a@b> 1 +0000\ncommitter nobody\n\nx\n`))).toThrow()
  })
})
