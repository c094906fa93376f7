import { show } from './data.js'

/** The statuses of a Change, in lifecycle order. */
export const statuses = ['draft', 'submitted', 'approved', 'in_progress', 'implemented', 'failed', 'rolled_back', 'closed', 'cancelled'] as const
export type Status = (typeof statuses)[number]

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (statuses as readonly string[]).includes(value)
}

const outcomes = ['implemented', 'failed', 'rolled_back'] as const

/**
 * Which status a change may have at the head of a pull request, given its status at the base (`new` when the file
 * is new, or when its base status is unreadable: an unreadable record earns no trust). Staying put is always legal.
 *
 * | from \ to   | draft | submitted | approved | in_progress | implemented/failed/rolled_back | closed | cancelled |
 * | ----------- | ----- | --------- | -------- | ----------- | ------------------------------ | ------ | --------- |
 * | new         | yes   | yes       | yes (1)  | no          | no                             | no     | no        |
 * | draft       | yes   | yes       | yes (1)  | no          | no                             | no     | yes       |
 * | submitted   | yes   | yes       | yes (1)  | no          | no                             | no     | yes       |
 * | approved    | yes   | yes       | yes      | yes         | yes                            | no     | yes       |
 * | in_progress | no    | no        | no       | yes         | yes                            | no     | no        |
 * | outcome (2) | no    | no        | no       | no          | yes (3)                        | yes    | no        |
 * | closed      | no    | no        | no       | no          | no                             | yes    | no        |
 * | cancelled   | no    | no        | no       | no          | no                             | no     | yes       |
 *
 * (1) the pull request then needs the approvals of the policy. (2) implemented, failed or rolled_back.
 * (3) an outcome may be corrected (implemented, then rolled back the next day): every outcome comes after approval.
 * Going back from submitted or approved to draft or submitted withdraws the change, which is always safe; it then
 * needs approval again. Nothing reaches in_progress or later without passing through approved.
 */
export const lifecycle: Readonly<Record<Status | 'new', readonly Status[]>> = {
  new: ['draft', 'submitted', 'approved'],
  draft: ['draft', 'submitted', 'approved', 'cancelled'],
  submitted: ['draft', 'submitted', 'approved', 'cancelled'],
  approved: ['draft', 'submitted', 'approved', 'in_progress', ...outcomes, 'cancelled'],
  in_progress: ['in_progress', ...outcomes],
  implemented: [...outcomes, 'closed'],
  failed: [...outcomes, 'closed'],
  rolled_back: [...outcomes, 'closed'],
  closed: ['closed'],
  cancelled: ['cancelled'],
}

/** Statuses that only an approved change can have. */
export const afterApproval: readonly Status[] = ['approved', 'in_progress', ...outcomes, 'closed']

/** `afterApproval` as a set, for status strings read from records. */
export const approvedOrLater: ReadonlySet<string> = new Set(afterApproval)

/** Undefined when the move is legal, else why not and what to do instead. */
export function explainTransition(from: Status | 'new', to: unknown, subject = 'The change'): string | undefined {
  if (!isStatus(to)) {
    const has = to === undefined ? 'has no `status`' : `has \`status: ${show(to)}\`, which is not a status`
    return `${subject} ${has}: use one of ${statuses.join(', ')}.`
  }
  if (lifecycle[from].includes(to)) return undefined
  const move = from === 'new' ? `${subject} is new and cannot start as ${to}` : `${subject} cannot move from ${from} to ${to}`
  if (from === 'closed' || from === 'cancelled') return `${move}: ${from} is final. Open a new change instead.`
  if (from === 'new' && to === 'cancelled') return `${move}: it starts as draft, submitted or approved. Leave it out if it will not happen.`
  if (from === 'new' || from === 'draft' || from === 'submitted') {
    return `${move}: it reaches ${to} only after it is approved. Set \`status: approved\` (which needs the policy's approvals), merge, then move it on in a later pull request.`
  }
  if (to === 'closed') {
    const never = from === 'approved' ? ' If it never started, cancel it instead.' : ''
    return `${move}: record the outcome first (implemented, failed or rolled_back), then close it.${never}`
  }
  if (to === 'cancelled') {
    const instead = from === 'in_progress' ? ' Record the outcome instead (implemented, failed or rolled_back).' : ''
    return `${move}: only a change that has not started can be cancelled.${instead}`
  }
  return `${move}: work on it has ${from === 'in_progress' ? 'begun' : 'ended'}, so it cannot go back. Open a new change for further work.`
}
