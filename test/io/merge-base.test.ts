import { describe, expect, it } from 'vitest'
import { mergeBase } from '../../src/io/merge-base.js'
import { git, makeRepo, makeTree } from '../support/repo.js'

function commit(dir: string, file: string, text: string): string {
  makeTree({ [file]: text }, dir)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', file)
  return git(dir, 'rev-parse', 'HEAD').trim()
}

describe('mergeBase', () => {
  it('finds what `git merge-base` finds: a branch, main moving on, a merge of main into the branch', async () => {
    const dir = makeRepo({ 'a.txt': '1\n' })
    commit(dir, 'b.txt', '1\n')
    git(dir, 'checkout', '-q', '-b', 'topic')
    commit(dir, 'c.txt', '1\n')
    git(dir, 'checkout', '-q', 'main')
    commit(dir, 'd.txt', '1\n')
    const mainTip = commit(dir, 'e.txt', '1\n')
    git(dir, 'checkout', '-q', 'topic')
    const topicTip = commit(dir, 'f.txt', '1\n')
    expect(await mergeBase(dir, mainTip, topicTip)).toBe(git(dir, 'merge-base', mainTip, topicTip).trim())

    git(dir, 'merge', '-q', '--no-edit', 'main')
    const merged = git(dir, 'rev-parse', 'HEAD').trim()
    const later = (git(dir, 'checkout', '-q', 'main'), commit(dir, 'g.txt', '1\n'))
    expect(await mergeBase(dir, later, merged)).toBe(git(dir, 'merge-base', later, merged).trim())
    expect(await mergeBase(dir, topicTip, topicTip)).toBe(topicTip)
  })
})
