/**
 * A maximum bipartite matching of people to slots (Kuhn's augmenting paths): each slot takes at most one person and
 * each person fills at most one slot. Slots are tried in order and people in the given order, so the result is
 * deterministic. Its size never shrinks when a person is added, which keeps the policy monotone: one more eligible
 * approval can never undo a satisfied set of requirements.
 *
 * Returns, per slot, the index of the person filling it, or -1.
 */
export function maximumMatching(slots: number, people: number, fits: (slot: number, person: number) => boolean): number[] {
  const slotOf = new Array<number>(people).fill(-1)
  const personOf = new Array<number>(slots).fill(-1)
  const augment = (slot: number, seen: boolean[]): boolean => {
    for (let person = 0; person < people; person++) {
      if (seen[person] || !fits(slot, person)) continue
      seen[person] = true
      const holder = slotOf[person]!
      if (holder === -1 || augment(holder, seen)) {
        slotOf[person] = slot
        personOf[slot] = person
        return true
      }
    }
    return false
  }
  for (let slot = 0; slot < slots; slot++) augment(slot, new Array<boolean>(people).fill(false))
  return personOf
}
