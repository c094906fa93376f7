/**
 * A linear pre-check that tells which Markdown texts are safe to parse in the main thread, without a time budget.
 *
 * remark-parse (micromark) is super-linear in a few places: matching emphasis and strikethrough delimiters (`*`, `_`,
 * `~`), link and image brackets, and code span backticks is quadratic in the number of delimiters inside one block,
 * and container nesting (quotes, lists) costs per line and level. `"*_"` repeated over 80 KB took 63 s; 2 KB of it
 * still takes over 100 ms. A text passes only when it is small and every block between blank lines has few of these
 * characters and shallow nesting, which bounds the parse to a few milliseconds. Everything else goes to a worker.
 */

/** Largest text parsed in the main thread, in UTF-16 code units. */
export const mainThreadChars = 8 * 1024

/** Most delimiter characters of one kind a block may hold. */
const maxDelimitersPerBlock = 48

/** Deepest quote or list nesting a line may open. */
const maxNesting = 8

/** True when `text` is small and plain enough to be parsed synchronously in the main thread. */
export function isSafeForMainThread(text: string): boolean {
  if (text.length > mainThreadChars) return false
  let emphasis = 0
  let brackets = 0
  let backticks = 0
  let angles = 0
  let at = skipFrontMatter(text)
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    let blank = true
    let lineStart = true
    let nesting = 0
    let indent = 0
    for (let i = at; i < end; i++) {
      const code = text.charCodeAt(i)
      if (lineStart) {
        if (code === 0x20) {
          indent++
          continue
        }
        if (code === 0x09) {
          indent += 4
          continue
        }
        if (code === 0x3e /* > */) {
          nesting++
          continue
        }
        const marker = listMarkerEnd(text, i, end)
        if (marker > i) {
          nesting++
          i = marker - 1
          continue
        }
        lineStart = false
      }
      if (code !== 0x20 && code !== 0x09 && code !== 0x0d) blank = false
      if (code === 0x2a || code === 0x5f || code === 0x7e) emphasis++
      else if (code === 0x5b || code === 0x5d) brackets++
      else if (code === 0x60) backticks++
      else if (code === 0x3c) angles++
    }
    if (nesting > maxNesting || indent > maxNesting * 4) return false
    if (blank) emphasis = brackets = backticks = angles = 0
    else if (Math.max(emphasis, brackets, backticks, angles) > maxDelimitersPerBlock) return false
    at = end + 1
  }
  return true
}

/** The end of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space at `at`, or `at` when there is none. */
function listMarkerEnd(text: string, at: number, end: number): number {
  let i = at
  const code = text.charCodeAt(i)
  if (code === 0x2d || code === 0x2b || code === 0x2a) i++
  else {
    while (i < end && i - at < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
    if (i === at || (text.charCodeAt(i) !== 0x2e && text.charCodeAt(i) !== 0x29)) return at
    i++
  }
  const next = text.charCodeAt(i)
  return i < end && (next === 0x20 || next === 0x09) ? i : at
}

/** Where the body starts: after a `---` front matter block, which the parser takes as one YAML node. */
function skipFrontMatter(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  if (!text.startsWith('---', start) || !/^---[ \t]*\r?\n/.test(text.slice(start, start + 8))) return 0
  const close = /^---[ \t]*$/m
  const rest = text.slice(text.indexOf('\n', start) + 1)
  const match = close.exec(rest)
  if (!match) return 0
  return text.length - rest.length + match.index + match[0].length
}
