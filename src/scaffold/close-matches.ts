import { editDistance } from '../schema/suggest.js'

/**
 * The candidates that look like `name`, closest first, at most `limit`: those containing it or contained in it,
 * and those within a few edits (a third of the name's length, at least one). Case does not matter.
 */
export function closeMatches(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = name.toLowerCase()
  const ceiling = Math.max(1, Math.floor(target.length / 3))
  const scored: { candidate: string; score: number }[] = []
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase()
    const contains = target.length >= 3 && (lower.includes(target) || target.includes(lower))
    const distance = editDistance(target, lower, ceiling + 1)
    if (distance <= ceiling || contains) scored.push({ candidate, score: contains ? Math.min(distance, ceiling) : distance })
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
  return scored.slice(0, limit).map((s) => s.candidate)
}
