import type { Definition, Image, Link } from 'mdast'
import { safeDecode } from '../links/resolve-link.js'

/** Where a link's destination is written in the source: `[start, end)` offsets, without `<` `>`. */
export interface DestinationRange {
  start: number
  end: number
}

/**
 * Finds the written destination of an inline link, an image or a reference definition in `text`, and checks that
 * it reads as the URL the parser saw. Undefined when it cannot be found for sure (a reference link, an autolink,
 * a destination split over container markers): such a link is never rewritten, only reported.
 */
export function findDestination(text: string, node: Link | Image | Definition): DestinationRange | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  let open: number | undefined
  if (node.type === 'link') {
    const last = node.children.at(-1)?.position?.end.offset
    const close = last ?? start + 1
    if (text[close] === ']' && text[close + 1] === '(') open = close + 2
  } else if (node.type === 'image') {
    const close = closingBracket(text, start + 2, end)
    if (close !== undefined && text[close + 1] === '(') open = close + 2
  } else {
    const bracket = text.indexOf('[', start)
    const close = bracket === -1 ? undefined : closingBracket(text, bracket + 1, end)
    if (close !== undefined && text[close + 1] === ':') open = close + 2
  }
  if (open === undefined) return undefined
  const range = destinationAt(text, skipSpace(text, open, end), end)
  if (!range || !sameUrl(text.slice(range.start, range.end), node.url)) return undefined
  return range
}

/** The `]` closing a label that starts at `from` (after its `[`), honouring escapes and nested brackets. */
function closingBracket(text: string, from: number, end: number): number | undefined {
  let depth = 0
  for (let i = from; i < end; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '[') depth++
    else if (c === ']') {
      if (depth === 0) return i
      depth--
    }
  }
  return undefined
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  return i
}

/** A CommonMark link destination starting at `at`: `<...>`, or a run without spaces and with balanced parentheses. */
function destinationAt(text: string, at: number, end: number): DestinationRange | undefined {
  if (text[at] === '<') {
    for (let i = at + 1; i < end; i++) {
      const c = text[i]
      if (c === '\\') i++
      else if (c === '>') return { start: at + 1, end: i }
      else if (c === '\n' || c === '<') return undefined
    }
    return undefined
  }
  let depth = 0
  let i = at
  for (; i < end; i++) {
    const c = text[i]!
    if (c === '\\') {
      i++
      continue
    }
    if (c <= ' ') break
    if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) break
      depth--
    }
  }
  return i > at ? { start: at, end: i } : undefined
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** A destination as written, read as the parser reads it: backslash escapes and character references resolved. */
export function unescapeDestination(written: string): string {
  return written.replace(/\\([!-/:-@[-`{-~])|&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, escaped: string | undefined, name: string | undefined) => {
    if (escaped !== undefined) return escaped
    if (name![0] !== '#') return entities[name!.toLowerCase()] ?? whole
    const code = name![1] === 'x' || name![1] === 'X' ? parseInt(name!.slice(2), 16) : parseInt(name!.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Where the path of a written destination ends: at the first `?` or `#` that is not part of an escape or reference. */
export function pathEnd(written: string): number {
  for (let i = 0; i < written.length; i++) {
    const c = written[i]
    if (c === '\\') i++
    else if (c === '&') {
      const reference = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(written.slice(i))
      if (reference) i += reference[0].length - 1
    } else if (c === '?' || c === '#') return i
  }
  return written.length
}

/** Whether the written destination reads as the parsed URL, after escapes, references and percent-encoding. */
function sameUrl(written: string, url: string): boolean {
  const unescaped = unescapeDestination(written)
  return safeDecode(unescaped) === safeDecode(url) || encodeURI(safeDecode(unescaped)) === url
}
