import type { RecordPath } from '../diagnostics/diagnostic.js'
import type { ChangeUnderReview } from './changes.js'
import { map, sameValue, show } from './data.js'
import { joinAnd } from './handles.js'
import { afterApproval, isStatus } from './lifecycle.js'

/** The fields whose edit voids an approval (FORMAT.md, "Change policy"). */
export const materialFields = ['window', 'plan', 'rollback_plan', 'services', 'risk', 'type'] as const

/** Why this pull request needs the policy's approvals for a change, and which field shows it. */
export interface ApprovalNeed {
  /** `approves`: it sets the change to approved; `edits`: it edits an approved or in-progress change. */
  reason: 'approves' | 'edits'
  /** The material fields that differ from the base (for `edits`). */
  fields: string[]
  /** Where to point: `status`, or the first edited field (inside it, for an edited `window`). */
  path: RecordPath
  part?: 'key'
}

/**
 * Undefined when the pull request needs no approval for this change. It does when it sets the change to `approved`
 * (from any other status, or new), or when it edits a material field of a change that is approved or in progress at
 * the base and stays approved or later at the head. A change withdrawn to draft, submitted or cancelled keeps no
 * approval, so editing it needs none now: approving it again will.
 */
export function approvalNeed(change: ChangeUnderReview): ApprovalNeed | undefined {
  const { base, head } = change
  if (!head) return undefined
  const from = base?.data.status
  const to = head.data.status
  if (to === 'approved' && from !== 'approved') return { reason: 'approves', fields: [], path: ['status'] }
  if (!base || !(from === 'approved' || from === 'in_progress') || !isStatus(to) || !afterApproval.includes(to)) return undefined
  const fields = materialFields.filter((field) => !sameValue(base.data[field], head.data[field]))
  if (fields.length === 0) return undefined
  const field = fields[0]!
  const before = map(base.data[field])
  const after = map(head.data[field])
  const inner = before && after ? Object.keys(after).find((key) => !sameValue(before[key], after[key])) : undefined
  return inner === undefined ? { reason: 'edits', fields, path: [field], part: 'key' } : { reason: 'edits', fields, path: [field, inner] }
}

/** `sets it to approved`, `edits its window and plan while it is approved`. */
export function describeNeed(need: ApprovalNeed, change: ChangeUnderReview): string {
  if (need.reason === 'approves') return 'sets it to approved'
  return `edits its ${joinAnd(need.fields.map((f) => f.replace('_', ' ')))} while it is ${show(change.base?.data.status).replace('_', ' ')}`
}
