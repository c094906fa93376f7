import { describe, expect, test } from 'vitest'
import type { Kind } from '../../src/model/kinds.js'
import type { Review } from '../../src/model/policy.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { parseRecordFile } from '../../src/parse/record-file.js'
import { auditChanges, commitsToLookUp, pullRequestInMessage, type HistoryReading, type PullFacts, type RecordHistory, type RecordVersion } from '../../src/report/audit.js'

/** A record from YAML lines. */
function record(path: string, ...lines: string[]): ItsmRecord {
  const parsed = parseRecordFile({ path, text: `${lines.join('\n')}\n` })
  if (!parsed.ok) throw new Error(`test record ${path} does not parse`)
  const { data } = parsed.value
  return { ...parsed.value, kind: data.kind as Kind, id: typeof data.id === 'string' ? data.id : undefined }
}

const file = 'changes/CHG-0042.yaml'
const at = (text: string) => Date.parse(text)

/** The change as it is now: approved, window on 3 December, requested by @dana, implemented by @erik. */
function current(status = 'approved', start = '2026-12-03T22:00:00Z', extra: string[] = []): ItsmRecord {
  return record(
    file,
    'kind: Change',
    'id: CHG-0042',
    'title: Upgrade Postgres',
    'type: normal',
    `status: ${status}`,
    'services: [payments-api]',
    'requested_by: "@Dana"',
    'implementer: "@erik"',
    'risk: high',
    'window:',
    `  start: ${start}`,
    '  end: 2026-12-04T01:00:00Z',
    'plan: Upgrade.',
    'rollback_plan: Restore.',
    ...extra,
  )
}

function data(status: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'Change', id: 'CHG-0042', title: 'Upgrade Postgres', type: 'normal', status, services: ['payments-api'], risk: 'high', window: { start: '2026-12-03T22:00:00Z', end: '2026-12-04T01:00:00Z' }, plan: 'Upgrade.', rollback_plan: 'Restore.', ...changes }
}

function version(commit: string, when: string, record: Record<string, unknown> | null, message = `Commit ${commit}`): RecordVersion {
  return { commit, committed_at: at(when), message, author: 'Dana <dana@example.com>', data: record }
}

function history(mainline: RecordVersion[], first: { commit: string; when: string } | null, options: Partial<RecordHistory> = {}): HistoryReading {
  const h: RecordHistory = {
    file,
    mainline,
    mainline_complete: true,
    first_commit: first && { commit: first.commit, committed_at: at(first.when) },
    complete: true,
    ...options,
  }
  return { head: mainline.at(-1)?.commit ?? 'head', shallow: !h.complete, histories: new Map([[file, h]]) }
}

function review(login: string, state: Review['state'], submittedAt: string, id = 1): Review {
  return { login, state, commitId: 'head', submittedAt, id, authorAssociation: 'MEMBER', isBot: false }
}

function pull(number: number, author: string, reviews: Review[], firstCommitAt: string | null = null): PullFacts {
  return { number, author, firstCommitAt: firstCommitAt === null ? null : at(firstCommitAt), reviews }
}

/** A change drafted on a branch (first commit at 09:00 on 1 November), merged approved as pull request #12. */
const merged = history(
  [version('m12', '2026-11-02T10:00:00Z', data('approved'), 'Merge pull request #12 from acme/chg-0042\n\nUpgrade Postgres')],
  { commit: 'b1', when: '2026-11-01T09:00:00Z' },
)

function only(entries: ReturnType<typeof auditChanges>) {
  expect(entries).toHaveLength(1)
  return entries[0]!
}

describe('auditChanges', () => {
  test('a change approved in a merged pull request: the merge commit, its number, the lead time, no flags', () => {
    const entry = only(auditChanges({ changes: [current()], histories: merged }))
    expect(entry).toEqual({
      change: 'CHG-0042',
      file,
      requested_by: '@Dana',
      implementer: '@erik',
      approved_in: { commit: 'm12', pull_request: 12, at: '2026-11-02T10:00:00Z' },
      lead_time_minutes: 25 * 60,
      approvals: null,
      flags: [],
      notes: [],
    })
  })

  test('a squash commit names its pull request at the end of its subject; a record added already approved was approved there', () => {
    const reading = history([version('s13', '2026-11-05T08:00:00Z', data('approved'), 'Upgrade X (#13)\n\n* draft\n* approve')], { commit: 's13', when: '2026-11-05T08:00:00Z' })
    const entry = only(auditChanges({ changes: [current()], histories: reading }))
    expect(entry.approved_in).toEqual({ commit: 's13', pull_request: 13, at: '2026-11-05T08:00:00Z' })
    expect(entry.lead_time_minutes).toBe(0)
    expect(entry.flags).toEqual([])
  })

  test('the latest transition to approved counts, from any not-approved version or from no file', () => {
    const reading = history(
      [
        version('a', '2026-11-01T09:00:00Z', data('submitted')),
        version('b', '2026-11-02T09:00:00Z', data('approved'), 'Merge pull request #1 from a/b'),
        version('c', '2026-11-03T09:00:00Z', null),
        version('d', '2026-11-04T09:00:00Z', data('approved'), 'Merge pull request #2 from a/b'),
        version('e', '2026-11-05T09:00:00Z', data('in_progress'), 'Start (#3)'),
        version('f', '2026-11-06T09:00:00Z', data('implemented', { title: 'Renamed' })),
      ],
      { commit: 'a', when: '2026-11-01T09:00:00Z' },
    )
    const entry = only(auditChanges({ changes: [current('implemented')], histories: reading }))
    expect(entry.approved_in).toEqual({ commit: 'd', pull_request: 2, at: '2026-11-04T09:00:00Z' })
    expect(entry.lead_time_minutes).toBe(3 * 24 * 60)
    // Status and title changes need no new approval.
    expect(entry.flags).toEqual([])
  })

  test('changes not approved now get no approval and no flags, whatever the history', () => {
    for (const status of ['draft', 'submitted', 'cancelled']) {
      const entry = only(auditChanges({ changes: [current(status)], histories: undefined }))
      expect(entry).toMatchObject({ approved_in: null, lead_time_minutes: null, approvals: null, flags: [], notes: [] })
      expect(only(auditChanges({ changes: [current(status)], histories: merged })).flags).toEqual([])
    }
  })

  test('approved-outside-pull-request: a direct push', () => {
    const reading = history(
      [version('a', '2026-11-01T09:00:00Z', data('submitted')), version('p', '2026-11-01T12:00:00Z', data('approved'), 'Approve CHG-0042')],
      { commit: 'a', when: '2026-11-01T09:00:00Z' },
    )
    const entry = only(auditChanges({ changes: [current()], histories: reading }))
    expect(entry.approved_in).toEqual({ commit: 'p', pull_request: null, at: '2026-11-01T12:00:00Z' })
    expect(entry.lead_time_minutes).toBe(180)
    expect(entry.flags).toEqual(['approved-outside-pull-request'])
    expect(entry.notes).toHaveLength(1)
  })

  test('approved-outside-pull-request: with GitHub facts, GitHub decides, not the commit message', () => {
    const entry = only(auditChanges({ changes: [current()], histories: merged, pulls: new Map([['m12', null]]) }))
    expect(entry.approved_in?.pull_request).toBeNull()
    expect(entry.approvals).toEqual([])
    expect(entry.flags).toEqual(['approved-outside-pull-request'])
  })

  describe('edited-after-approval', () => {
    const edited = history(
      [
        version('m12', '2026-11-02T10:00:00Z', data('approved'), 'Merge pull request #12 from acme/chg-0042'),
        version('w', '2026-11-03T10:00:00Z', data('approved', { window: { start: '2026-12-05T22:00:00Z', end: '2026-12-06T01:00:00Z' }, plan: 'Upgrade later.' }), 'Merge pull request #14 from acme/move'),
      ],
      { commit: 'b1', when: '2026-11-01T09:00:00Z' },
    )

    test('without a token: flagged, and the note says re-approval could not be checked', () => {
      const entry = only(auditChanges({ changes: [current()], histories: edited }))
      expect(entry.approved_in?.commit).toBe('m12')
      expect(entry.flags).toEqual(['edited-after-approval'])
      expect(entry.notes[0]).toContain('the window and the plan')
      expect(entry.notes[0]).toContain('without a GitHub token')
    })

    test('each guarded field counts; other fields do not', () => {
      for (const [field, value] of [['window', { start: 'x' }], ['plan', 'p'], ['rollback_plan', 'r'], ['services', ['auth']], ['risk', 'low'], ['type', 'emergency']] as const) {
        const reading = history([version('m12', '2026-11-02T10:00:00Z', data('approved'), 'Merge pull request #12 from a/b'), version('e', '2026-11-03T10:00:00Z', data('approved', { [field]: value }))], null)
        expect(only(auditChanges({ changes: [current()], histories: reading })).flags, field).toContain('edited-after-approval')
      }
      const reading = history([version('m12', '2026-11-02T10:00:00Z', data('approved'), 'Merge pull request #12 from a/b'), version('e', '2026-11-03T10:00:00Z', data('closed', { title: 'T', test_plan: 'x', review: { outcome: 'successful' } }))], null)
      expect(only(auditChanges({ changes: [current('closed')], histories: reading })).flags).not.toContain('edited-after-approval')
    })

    test('with GitHub facts: an approving review of the editing pull request is a new approval', () => {
      const pulls = new Map([
        ['m12', pull(12, 'dana', [review('bob', 'APPROVED', '2026-11-02T09:00:00Z')])],
        ['w', pull(14, 'erik', [review('carol', 'APPROVED', '2026-11-03T09:00:00Z')])],
      ])
      const entry = only(auditChanges({ changes: [current()], histories: edited, pulls }))
      expect(entry.approved_in).toEqual({ commit: 'w', pull_request: 14, at: '2026-11-03T10:00:00Z' })
      expect(entry.approvals).toEqual([{ login: 'carol', submitted_at: '2026-11-03T09:00:00Z' }])
      expect(entry.lead_time_minutes).toBe(49 * 60)
      expect(entry.flags).toEqual([])
    })

    test('with GitHub facts: a pull request without an approving review, or no pull request, is not', () => {
      const noApproval = new Map<string, PullFacts | null>([
        ['m12', pull(12, 'dana', [review('bob', 'APPROVED', '2026-11-02T09:00:00Z')])],
        ['w', pull(14, 'erik', [review('carol', 'APPROVED', '2026-11-03T09:00:00Z', 1), review('carol', 'DISMISSED', '2026-11-03T09:30:00Z', 2)])],
      ])
      const entry = only(auditChanges({ changes: [current()], histories: edited, pulls: noApproval }))
      expect(entry.approved_in?.commit).toBe('m12')
      expect(entry.flags).toEqual(['edited-after-approval'])
      expect(entry.notes[0]).toContain('#14')
      expect(entry.notes[0]).not.toContain('token')
      const direct = new Map<string, PullFacts | null>([...noApproval, ['w', null]])
      expect(only(auditChanges({ changes: [current()], histories: edited, pulls: direct })).notes[0]).toContain('outside any pull request')
    })
  })

  test('window-before-approval: the window started before the approving commit', () => {
    const entry = only(auditChanges({ changes: [current('implemented', '2026-11-02T09:00:00Z')], histories: merged }))
    expect(entry.flags).toEqual(['window-before-approval'])
    expect(entry.notes[0]).toContain('2026-11-02T09:00:00Z')
    expect(only(auditChanges({ changes: [current('implemented', '2026-11-02T10:00:00Z')], histories: merged })).flags).toEqual([])
  })

  describe('separation-of-duties', () => {
    test('an approver who is the requester (case and @ aside), the implementer or the pull request author', () => {
      const pulls = new Map([
        ['m12', pull(12, 'Carol', [review('dana', 'APPROVED', '2026-11-02T09:00:00Z', 1), review('Erik', 'APPROVED', '2026-11-02T09:01:00Z', 2), review('carol', 'APPROVED', '2026-11-02T09:02:00Z', 3), review('bob', 'APPROVED', '2026-11-02T09:03:00Z', 4)])],
      ])
      const entry = only(auditChanges({ changes: [current()], histories: merged, pulls }))
      expect(entry.flags).toEqual(['separation-of-duties'])
      expect(entry.notes[0]).toContain('@dana (the requester)')
      expect(entry.notes[0]).toContain('@Erik (the implementer)')
      expect(entry.notes[0]).toContain('@carol (the pull request author)')
      expect(entry.notes[0]).not.toContain('bob')
      expect(entry.approvals!.map((a) => a.login)).toEqual(['bob', 'carol', 'dana', 'Erik'])
    })

    test("a reviewer's latest deciding review counts: an approval withdrawn by a change request is not one", () => {
      const pulls = new Map([
        ['m12', pull(12, 'carol', [review('dana', 'APPROVED', '2026-11-02T09:00:00Z', 1), review('dana', 'COMMENTED', '2026-11-02T09:10:00Z', 3), review('dana', 'CHANGES_REQUESTED', '2026-11-02T09:05:00Z', 2), review('bob', 'APPROVED', '2026-11-02T09:03:00Z', 4)])],
      ])
      const entry = only(auditChanges({ changes: [current()], histories: merged, pulls }))
      expect(entry.flags).toEqual([])
      expect(entry.approvals).toEqual([{ login: 'bob', submitted_at: '2026-11-02T09:03:00Z' }])
    })
  })

  test('no-approval-in-history: approved now, but no commit shows it', () => {
    const unapproved = history([version('a', '2026-11-01T09:00:00Z', data('submitted'))], { commit: 'a', when: '2026-11-01T09:00:00Z' })
    for (const histories of [unapproved, history([], null), { head: 'h', shallow: false, histories: new Map() }]) {
      const entry = only(auditChanges({ changes: [current()], histories }))
      expect(entry).toMatchObject({ approved_in: null, lead_time_minutes: null, flags: ['no-approval-in-history'] })
    }
  })

  test('history-incomplete: a shallow clone hides the approval, or the first commit', () => {
    const cut = history([version('boundary', '2026-11-05T09:00:00Z', data('approved'))], null, { mainline_complete: false, complete: false })
    const entry = only(auditChanges({ changes: [current()], histories: cut }))
    expect(entry).toMatchObject({ approved_in: null, lead_time_minutes: null, flags: ['history-incomplete'] })
    expect(entry.notes[0]).toContain('fetch the full history: actions/checkout with fetch-depth: 0')

    const hidden = history(
      [version('boundary', '2026-11-05T09:00:00Z', data('submitted')), version('m', '2026-11-06T09:00:00Z', data('approved'), 'Merge pull request #5 from a/b')],
      null,
      { mainline_complete: false, complete: false },
    )
    const found = only(auditChanges({ changes: [current()], histories: hidden }))
    expect(found).toMatchObject({ approved_in: { commit: 'm', pull_request: 5 }, lead_time_minutes: null, flags: ['history-incomplete'] })
    expect(found.notes[0]).toContain('fetch-depth: 0')
  })

  test('no-history: not a git repository, or no commit yet', () => {
    expect(only(auditChanges({ changes: [current()], histories: undefined }))).toMatchObject({ approved_in: null, flags: ['no-history'] })
    expect(only(auditChanges({ changes: [current()], histories: { head: null, shallow: false, histories: new Map() } })).flags).toEqual(['no-history'])
  })

  test('lead time: a squash-merged pull request whose branch began before its squash commit', () => {
    const squash = history([version('s13', '2026-11-05T08:00:00Z', data('approved'), 'Upgrade X (#13)')], { commit: 's13', when: '2026-11-05T08:00:00Z' })
    const pulls = new Map([['s13', pull(13, 'carol', [review('bob', 'APPROVED', '2026-11-05T07:00:00Z')], '2026-11-04T08:00:00Z')]])
    expect(only(auditChanges({ changes: [current()], histories: squash, pulls })).lead_time_minutes).toBe(24 * 60)
  })

  test('flags come sorted, each with its note', () => {
    const reading = history(
      [version('a', '2026-11-01T09:00:00Z', data('submitted')), version('p', '2026-11-03T12:00:00Z', data('approved')), version('q', '2026-11-04T12:00:00Z', data('approved', { risk: 'low' }))],
      { commit: 'a', when: '2026-11-01T09:00:00Z' },
    )
    const entry = only(auditChanges({ changes: [current('implemented', '2026-11-02T00:00:00Z')], histories: reading }))
    expect(entry.flags).toEqual(['approved-outside-pull-request', 'edited-after-approval', 'window-before-approval'])
    expect(entry.notes).toHaveLength(3)
  })

  test('only Change records are audited', () => {
    const service = record('services/payments-api.yaml', 'kind: Service', 'id: payments-api', 'title: Payments')
    expect(auditChanges({ changes: [service, current()], histories: merged }).map((e) => e.change)).toEqual(['CHG-0042'])
  })
})

describe('commitsToLookUp', () => {
  test('the approving commit, later edits of guarded fields and the first commit of approved changes', () => {
    const reading = history(
      [
        version('a', '2026-11-01T09:00:00Z', data('submitted')),
        version('m', '2026-11-02T09:00:00Z', data('approved')),
        version('t', '2026-11-03T09:00:00Z', data('approved', { title: 'T' })),
        version('w', '2026-11-04T09:00:00Z', data('approved', { risk: 'low' })),
      ],
      { commit: 'b', when: '2026-11-01T08:00:00Z' },
    )
    expect(commitsToLookUp([current()], reading)).toEqual(['b', 'm', 'w'])
    expect(commitsToLookUp([current('submitted')], reading)).toEqual([])
    expect(commitsToLookUp([current()], undefined)).toEqual([])
  })
})

describe('pullRequestInMessage', () => {
  test.each([
    ['Merge pull request #12 from acme/chg-0042\n\nUpgrade', 12],
    ['Upgrade X (#13)', 13],
    ['Upgrade X (#13)\n\n* one (#2)', 13],
    ['Approve CHG-0042', null],
    ['Fix #12', null],
    ['Merge branch main', null],
    ['Mention (#12) midway', null],
  ])('%j → %j', (message, number) => {
    expect(pullRequestInMessage(message)).toBe(number)
  })
})
