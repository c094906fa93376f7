import { mentions } from './handles.js'
import { canFill, type Filled, type Pool } from './requirements.js'
import type { Standing } from './reviews.js'

/**
 * What is missing, in words: `1 more approval from @acme/cab (has @bob)`, then a note for every approval that might
 * look like it should help and does not (excluded, already counted toward another requirement, or from someone no
 * requirement asks for), so nobody has to guess why their approval is not enough.
 */
export function describeMissing(pools: readonly Pool[], filled: Filled, approvals: readonly Standing[], excluded: ReadonlyMap<string, string>): { missing: string; notes: string[] } {
  const open = pools.flatMap((pool, i) => (filled.results[i]!.satisfied ? [] : [i]))
  const missing = filled.results.flatMap((r, i) => {
    if (r.satisfied) return []
    const n = r.need - r.have.length
    const more = r.have.length > 0 ? ' more' : ''
    return [`${n}${more} approval${n === 1 ? '' : 's'} from ${pools[i]!.from} (has ${r.have.length > 0 ? mentions(r.have) : 'none'})`]
  })
  const notes = approvals.flatMap((a) => {
    const slot = filled.assigned.get(a.key)
    const relevant = open.some((i) => i !== slot && canFill(pools[i]!, a.key))
    const reason = excluded.get(a.key)
    if (reason !== undefined) return relevant ? [`@${a.login}'s approval does not count: ${reason}.`] : []
    if (slot !== undefined) return relevant ? [`@${a.login} already counts toward ${pools[slot]!.from}, and one approval counts once.`] : []
    return [`@${a.login}'s approval does not count: no requirement asks for them.`]
  })
  return { missing: missing.join(', and '), notes }
}
