import type { RequirementResult } from '../model/policy.js'
import { maximumMatching } from './matching.js'

/** One requirement made concrete: who may fill it, and how many are needed. */
export interface Pool {
  /** The requirement as written: `@acme/cab`, `owners`, `any`. */
  label: string
  need: number
  /** Logins (lower case) that may fill it; `anyone` for `any: true`. */
  members: ReadonlySet<string> | 'anyone'
  /** How messages name it: `@acme/cab`, `an owner of payments-api (@acme/payments)`. */
  from: string
}

export interface Approver {
  key: string
  login: string
}

export interface Filled {
  results: RequirementResult[]
  /** Which requirement (index into the pools) each counted approver was assigned to. */
  assigned: Map<string, number>
}

/**
 * Assigns eligible approvers to requirements so that each approver counts toward at most one requirement, and as
 * many requirements as possible are met (a maximum matching over the requirements' slots). All of a rule's
 * requirements must be met.
 */
export function fillRequirements(pools: readonly Pool[], approvers: readonly Approver[]): Filled {
  // Every maximum matching meets the same requirements; filling the narrowest requirements first makes the one
  // reported read naturally (the owner counts as the owner, the CAB members as CAB members).
  const reach = pools.map((pool) => approvers.filter((a) => canFill(pool, a.key)).length)
  const order = pools.map((_, index) => index).sort((a, b) => reach[a]! - reach[b]! || a - b)
  const slots: number[] = []
  for (const index of order) {
    // A slot no approver can fill changes nothing, so a huge count costs no time.
    for (let i = 0; i < Math.min(pools[index]!.need, reach[index]!); i++) slots.push(index)
  }
  const fits = (slot: number, person: number): boolean => canFill(pools[slots[slot]!]!, approvers[person]!.key)
  const matched = maximumMatching(slots.length, approvers.length, fits)
  const have: string[][] = pools.map(() => [])
  const assigned = new Map<string, number>()
  matched.forEach((person, slot) => {
    if (person < 0) return
    have[slots[slot]!]!.push(approvers[person]!.login)
    assigned.set(approvers[person]!.key, slots[slot]!)
  })
  const results = pools.map((pool, index) => ({ rule: pool.label, need: pool.need, have: have[index]!.sort(byLogin), satisfied: have[index]!.length >= pool.need }))
  return { results, assigned }
}

export function canFill(pool: Pool, key: string): boolean {
  return pool.members === 'anyone' || pool.members.has(key)
}

function byLogin(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}
