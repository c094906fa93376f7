import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitFromRest, readRestList, reviewFromRest } from '../../src/io/pr-files.js'
import { makeTree } from '../support/repo.js'

const restReview = {
  id: 80,
  user: { login: 'Octocat', type: 'User' },
  body: 'Looks good',
  state: 'APPROVED',
  commit_id: 'ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091',
  submitted_at: '2019-11-17T17:43:43Z',
  author_association: 'collaborator',
}

describe('reviewFromRest', () => {
  it('maps a REST review', () => {
    expect(reviewFromRest(restReview, 'r')).toEqual({
      login: 'Octocat',
      state: 'APPROVED',
      commitId: 'ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091',
      submittedAt: '2019-11-17T17:43:43Z',
      id: 80,
      authorAssociation: 'COLLABORATOR',
      isBot: false,
    })
  })

  it('accepts the lower-case states of webhook payloads', () => {
    expect(reviewFromRest({ ...restReview, state: 'changes_requested' }, 'r').state).toBe('CHANGES_REQUESTED')
  })

  it('marks bots by type and by login', () => {
    expect(reviewFromRest({ ...restReview, user: { login: 'ci', type: 'Bot' } }, 'r').isBot).toBe(true)
    expect(reviewFromRest({ ...restReview, user: { login: 'renovate[bot]', type: 'User' } }, 'r').isBot).toBe(true)
  })

  it('refuses what it cannot read with certainty', () => {
    for (const broken of [{ ...restReview, state: 'LGTM' }, { ...restReview, id: '80' }, { ...restReview, submitted_at: '' }, { ...restReview, submitted_at: '2019-02-30T10:00:00Z' }]) {
      expect(() => reviewFromRest(broken, 'reviews.json[0]')).toThrow(/reviews\.json\[0\]/)
    }
  })

  it('reads a review on no known commit, or by a deleted account, as one that can never count', () => {
    expect(reviewFromRest({ ...restReview, commit_id: null }, 'r').commitId).toBe('')
    expect(reviewFromRest({ ...restReview, user: null }, 'r').login).toBe('ghost')
  })
})

describe('commitFromRest', () => {
  it('keeps the logins GitHub knows', () => {
    expect(commitFromRest({ sha: 'abc', author: { login: 'dana' }, committer: { login: 'web-flow' } }, 'c')).toEqual({ sha: 'abc', author: 'dana', committer: 'web-flow' })
    expect(commitFromRest({ sha: 'abc', author: null, committer: null }, 'c')).toEqual({ sha: 'abc' })
  })
})

describe('readRestList', () => {
  it('names the file and the item when something is wrong', async () => {
    const dir = makeTree({})
    writeFileSync(join(dir, 'r.json'), JSON.stringify([restReview, { ...restReview, state: 'nope' }]))
    await expect(readRestList(join(dir, 'r.json'), reviewFromRest)).rejects.toThrow(/r\.json\[1\]\.state/)
    writeFileSync(join(dir, 'o.json'), '{"not": "a list"}')
    await expect(readRestList(join(dir, 'o.json'), reviewFromRest)).rejects.toThrow(/JSON array/)
    writeFileSync(join(dir, 'b.json'), '[{')
    await expect(readRestList(join(dir, 'b.json'), reviewFromRest)).rejects.toThrow(/not valid JSON/)
    await expect(readRestList(join(dir, 'missing.json'), reviewFromRest)).rejects.toThrow(/Cannot read/)
  })
})
