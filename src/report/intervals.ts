/** A half-open interval `[start, end)` of epoch milliseconds. */
export interface Interval {
  start: number
  end: number
}

/** Sorted, disjoint intervals covering the same instants as `intervals` (empty ones dropped). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start)
  const merged: Interval[] = []
  for (const i of sorted) {
    const last = merged[merged.length - 1]
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end)
    else merged.push({ start: i.start, end: i.end })
  }
  return merged
}

/** `intervals` cut to `[window.start, window.end)`. */
export function clipIntervals(intervals: readonly Interval[], window: Interval): Interval[] {
  return intervals
    .map((i) => ({ start: Math.max(i.start, window.start), end: Math.min(i.end, window.end) }))
    .filter((i) => i.end > i.start)
}

/** The parts of merged `intervals` outside merged `holes`. */
export function subtractIntervals(intervals: readonly Interval[], holes: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  for (const i of intervals) {
    let cursor = i.start
    for (const h of holes) {
      if (h.end <= cursor || h.start >= i.end) continue
      if (h.start > cursor) out.push({ start: cursor, end: h.start })
      cursor = Math.max(cursor, h.end)
    }
    if (cursor < i.end) out.push({ start: cursor, end: i.end })
  }
  return out
}

/** Total length in milliseconds of disjoint intervals. */
export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0)
}
