// How times read in messages.

/** `2026-12-04T10:00:00Z` (UTC, whole seconds). */
export function isoTime(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `2d 4h`, `45m`, `0m`: a span of milliseconds in days, hours and minutes (rounded down to the minute). */
export function span(ms: number): string {
  let minutes = Math.floor(Math.abs(ms) / 60_000)
  const parts: string[] = []
  for (const [unit, size] of [['d', 1440], ['h', 60], ['m', 1]] as const) {
    const n = Math.floor(minutes / size)
    minutes -= n * size
    if (n > 0) parts.push(`${n}${unit}`)
  }
  return `${ms < 0 ? '-' : ''}${parts.join(' ') || '0m'}`
}
