import { isTimeZone, parseClockTime, parseDate, parseDuration, parseTimestamp } from '../time/timestamp.js'

/**
 * The string formats the schemas use, checked with the same strict parsers the rules use, so a value the schema
 * accepts is one every later computation can read (a `23:59:60Z` that `Date` cannot parse never passes).
 */
export const formats: Readonly<Record<string, (value: string) => boolean>> = {
  timestamp: (value) => parseTimestamp(value) !== undefined,
  date: (value) => parseDate(value) !== undefined,
  duration: (value) => parseDuration(value) !== undefined,
  'clock-time': (value) => parseClockTime(value) !== undefined,
  'time-zone': isTimeZone,
  url: isLinkUrl,
}

const linkProtocols = new Set(['http:', 'https:', 'mailto:'])

/** An absolute http(s) URL with a host, or a mailto: URL; never `javascript:` or `data:`. */
function isLinkUrl(value: string): boolean {
  if (value.length > 2048 || /\s/.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (!linkProtocols.has(url.protocol)) return false
  return url.protocol === 'mailto:' ? url.pathname.length > 0 : url.hostname.length > 0
}
