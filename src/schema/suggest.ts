/**
 * The candidate closest to `name` by edit distance (case-insensitive, adjacent swaps count once), if it is close
 * enough to be a likely typo: only a different case for names up to 2 characters (`P5` is not a typo of `P1`),
 * one edit up to 4 characters, two up to 8, three beyond.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const target = name.toLowerCase()
  const limit = target.length <= 2 ? 0 : target.length <= 4 ? 1 : target.length <= 8 ? 2 : 3
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    if (candidate === name) continue
    const distance = editDistance(target, candidate.toLowerCase(), bestDistance)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Optimal string alignment distance, giving up (returning `ceiling`) once it cannot be below `ceiling`. */
export function editDistance(a: string, b: string, ceiling = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= ceiling) return ceiling
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1)
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin >= ceiling) return ceiling
    previous2 = previous
    previous = current
  }
  return Math.min(previous[b.length]!, ceiling)
}
