/** Replace `[start, end)` of a text with `text` (an insertion when start equals end). */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/**
 * Applies edits given as offsets into the original text, so each lands exactly where it was planned and nothing
 * else changes. Throws on overlapping edits: that is a planning bug, never something to guess about.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let out = ''
  let at = 0
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`Overlapping or out-of-range text edit at ${edit.start}-${edit.end}.`)
    }
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + text.slice(at)
}
