// Every record field reaches the page through these: text and attribute values alike, in HTML and in SVG.

import { showBidiControls } from '../bidi.js'

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text made inert in HTML text and in double- or single-quoted attribute values (and in SVG, which parses alike);
 * bidirectional controls are shown, not applied.
 */
export function escapeHtml(value: string | number): string {
  return showBidiControls(String(value)).replace(/[&<>"']/g, (c) => replacements[c]!)
}

/**
 * The URL when it is an absolute http(s) URL a browser would read the same way, else undefined: links from records
 * (a service's `links`) never become `javascript:`, `data:` or relative links. Control characters and whitespace,
 * which browsers strip or fold before reading the scheme, disqualify a URL instead of being trusted away.
 */
export function httpUrl(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return undefined
  if (!/^https?:\/\/[^/?#]/i.test(value)) return undefined
  return value
}

/**
 * A fragment identifier safe in an `id` and an `href="#…"`, one per record id: letters, digits, `-` and `.` stay,
 * any other character becomes `_<hex code>_`, so two different ids never share an anchor.
 */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9.-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`
}
