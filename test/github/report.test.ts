import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createCheckRun, policyCommentMarker, setCommitStatus, upsertStickyComment, type CheckAnnotation } from '../../src/io/github/index.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { headSha, rejection, testClient } from './helpers.js'

const createComment = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const updateComment = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
const deleteComment = 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}'
const listComments = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'

let server: GitHubServer
beforeEach(async () => {
  server = await startGitHubServer()
  server.addRepository('acme', 'itsm')
})
afterEach(async () => {
  await server.close()
})

const where = { owner: 'acme', repo: 'itsm', issue: 7 }
const calls = (route: string) => server.requests.filter((r) => r.route === route).length

describe('upsertStickyComment', () => {
  test('created once, then updated in place on the next run, then left alone when nothing changed', async () => {
    server.addComment('acme', 'itsm', 7, 'alice', 'Please review')
    const client = testClient(server)
    const first = await upsertStickyComment(client, { ...where, body: 'Missing: 1 approval from @acme/cab' })
    expect(first.action).toBe('created')
    const second = await upsertStickyComment(client, { ...where, body: 'Approved' })
    expect(second).toEqual({ action: 'updated', commentId: first.commentId, deleted: [] })
    const third = await upsertStickyComment(client, { ...where, body: 'Approved' })
    expect(third.action).toBe('unchanged')

    const comments = server.comments('acme', 'itsm', 7)
    expect(comments.map((c) => c.body)).toEqual(['Please review', `${policyCommentMarker}\nApproved`])
    expect(calls(createComment)).toBe(1)
    expect(calls(updateComment)).toBe(1)
  })

  test('several marked comments: the first is updated, the others deleted, nobody else\'s touched', async () => {
    const a = server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\nold 1`, 'Bot')
    server.addComment('acme', 'itsm', 7, 'alice', 'a human comment')
    const b = server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\nold 2`, 'Bot')
    const c = server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\nold 3`, 'Bot')
    const result = await upsertStickyComment(testClient(server), { ...where, body: 'new' })
    expect(result).toEqual({ action: 'updated', commentId: a.id, deleted: [b.id, c.id] })
    expect(server.comments('acme', 'itsm', 7).map((x) => x.body)).toEqual([`${policyCommentMarker}\nnew`, 'a human comment'])
  })

  test('finds its comment among all comments, past the first page', async () => {
    for (let i = 0; i < 130; i++) server.addComment('acme', 'itsm', 7, 'alice', `comment ${i}`)
    const ours = server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\nold`, 'Bot')
    const result = await upsertStickyComment(testClient(server), { ...where, body: 'new' })
    expect(result.commentId).toBe(ours.id)
    expect(calls(listComments)).toBe(2)
    expect(calls(createComment)).toBe(0)
  })

  test('with an author, a marked comment by someone else is neither updated nor deleted', async () => {
    const forged = server.addComment('acme', 'itsm', 7, 'mallory', `${policyCommentMarker}\nApproved!`)
    const result = await upsertStickyComment(testClient(server), { ...where, body: 'Pending', author: 'github-actions[bot]' })
    expect(result.action).toBe('created')
    expect(server.comments('acme', 'itsm', 7).map((x) => x.id)).toContain(forged.id)
  })

  test('with botsOnly, an App\'s comment is found again and a person\'s marked comment is left alone', async () => {
    const forged = server.addComment('acme', 'itsm', 7, 'mallory', `${policyCommentMarker}\nApproved!`)
    const ours = server.addComment('acme', 'itsm', 7, 'gitsm-app[bot]', `${policyCommentMarker}\nold`, 'Bot')
    const result = await upsertStickyComment(testClient(server), { ...where, body: 'Pending', botsOnly: true })
    expect(result).toMatchObject({ action: 'updated', commentId: ours.id, deleted: [] })
    expect(server.comments('acme', 'itsm', 7).map((x) => x.id)).toEqual([forged.id, ours.id])
  })

  test('a body over GitHub\'s limit is cut with a note, never rejected', async () => {
    await upsertStickyComment(testClient(server), { ...where, body: 'x'.repeat(70_000) })
    const [comment] = server.comments('acme', 'itsm', 7)
    expect(String(comment!.body)).toHaveLength(65_536)
    expect(String(comment!.body)).toMatch(/65,536-character limit/)
  })

  test('a comment deleted meanwhile by another run is fine', async () => {
    server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\n1`, 'Bot')
    server.addComment('acme', 'itsm', 7, 'github-actions[bot]', `${policyCommentMarker}\n2`, 'Bot')
    server.fault(deleteComment, { kind: 'status', status: 404, message: 'Not Found', times: 1 })
    const result = await upsertStickyComment(testClient(server), { ...where, body: 'new' })
    expect(result.deleted).toHaveLength(1)
  })

  test('a failing write fails closed, naming the endpoint and status', async () => {
    server.fault(createComment, { kind: 'status', status: 500 })
    const error = await rejection(upsertStickyComment(testClient(server, { retries: 1 }), { ...where, body: 'x' }))
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain(`${createComment} (owner=acme, repo=itsm, issue_number=7): status 500`)
  })

  test('a marker that is not an HTML comment is refused', async () => {
    const error = await rejection(upsertStickyComment(testClient(server), { ...where, body: 'x', marker: 'gitsm' }))
    expect(error.exitCode).toBe(2)
  })
})

describe('setCommitStatus', () => {
  test('posts gitsm/policy on the evaluated head, with the description cut to 140 characters', async () => {
    await setCommitStatus(testClient(server), { owner: 'acme', repo: 'itsm', sha: headSha, state: 'failure', description: 'd'.repeat(200), targetUrl: 'https://example.com/run/1' })
    const [status] = server.statuses('acme', 'itsm', headSha)
    expect(status).toMatchObject({ state: 'failure', context: 'gitsm/policy', target_url: 'https://example.com/run/1' })
    expect(String(status!.description)).toHaveLength(140)
  })
})

describe('createCheckRun', () => {
  const annotation = (i: number): CheckAnnotation => ({ path: `changes/CHG-${i}.yaml`, startLine: i + 1, startColumn: 3, endColumn: 9, level: 'failure', message: `problem ${i}` })

  test('up to 50 annotations: one request, completed', async () => {
    const result = await createCheckRun(testClient(server), { owner: 'acme', repo: 'itsm', headSha, conclusion: 'failure', title: 'Policy', summary: 'Missing approvals', annotations: [annotation(0)] })
    expect(result.requests).toBe(1)
    const [run] = server.checkRuns('acme', 'itsm')
    expect(run).toMatchObject({ name: 'gitsm/policy', head_sha: headSha, status: 'completed', conclusion: 'failure' })
    expect(server.annotations('acme', 'itsm', result.id)).toEqual([
      { path: 'changes/CHG-0.yaml', start_line: 1, end_line: 1, start_column: 3, end_column: 9, annotation_level: 'failure', message: 'problem 0' },
    ])
  })

  test('120 annotations: 50 per request, concluded only with the last batch', async () => {
    const annotations = Array.from({ length: 120 }, (_, i) => annotation(i))
    const result = await createCheckRun(testClient(server), { owner: 'acme', repo: 'itsm', headSha, conclusion: 'success', title: 'Policy', summary: 'ok', annotations })
    expect(result.requests).toBe(3)
    const stored = server.annotations('acme', 'itsm', result.id)
    expect(stored.map((a) => a.message)).toEqual(annotations.map((a) => a.message))
    const requests = server.requests.filter((r) => r.route.includes('check-runs'))
    expect(requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(server.checkRuns('acme', 'itsm')[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
  })

  test('a batch that fails leaves the run in progress, never concluded', async () => {
    server.fault('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { kind: 'status', status: 500 })
    const annotations = Array.from({ length: 60 }, (_, i) => annotation(i))
    const error = await rejection(createCheckRun(testClient(server, { retries: 0 }), { owner: 'acme', repo: 'itsm', headSha, conclusion: 'success', title: 'Policy', summary: 'ok', annotations }))
    expect(error.exitCode).toBe(3)
    expect(server.checkRuns('acme', 'itsm')[0]).toMatchObject({ status: 'in_progress', conclusion: null })
  })

  test('columns are dropped on a multi-line annotation, as GitHub requires', async () => {
    const result = await createCheckRun(testClient(server), {
      owner: 'acme', repo: 'itsm', headSha, conclusion: 'neutral', title: 't', summary: 's',
      annotations: [{ path: 'a.yaml', startLine: 2, endLine: 4, startColumn: 1, endColumn: 5, level: 'warning', message: 'm', title: 'T' }],
    })
    expect(server.annotations('acme', 'itsm', result.id)).toEqual([{ path: 'a.yaml', start_line: 2, end_line: 4, annotation_level: 'warning', message: 'm', title: 'T' }])
  })
})
