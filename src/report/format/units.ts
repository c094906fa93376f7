// How figures read in the human formats (HTML, Markdown). The JSON report keeps exact numbers.

/** Minutes as people read them: `45 min`, `2 h 05 min`, `3 d 4 h`; `–` for no data. Rounded to the minute. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '–'
  const total = Math.round(minutes)
  if (total < 60) return `${total} min`
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const mins = total % 60
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`
  return `${hours} h ${String(mins).padStart(2, '0')} min`
}

/** A share (0..1) as a percentage with one decimal: `77.8 %`; `–` for no data. */
export function formatShare(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1)} %`
}

/**
 * An availability percentage with enough decimals to compare with its target: three decimals, truncated rather
 * than rounded so that 99.8996 never shows as meeting a 99.9 target. `–` for no data.
 */
export function formatAvailability(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '–'
  return `${(Math.floor(percent * 1000) / 1000).toFixed(3)} %`
}

/** A mean of 1..5 ratings with one decimal; `–` for no data. */
export function formatRating(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(1)
}
