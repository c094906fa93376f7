import type { SourceRange } from './diagnostic.js'

/**
 * Maps 0-based character offsets of a text to 1-based line and column numbers.
 * `\r\n`, `\n` and a lone `\r` each end a line.
 */
export class LineIndex {
  readonly #starts: number[]

  constructor(text: string) {
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) starts.push(i + 1)
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        starts.push(i + 1)
      }
    }
    this.#starts = starts
  }

  /** The 1-based line and column of a 0-based offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const starts = this.#starts
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 }
  }

  /** The 1-based range covering `[start, end)`. */
  range(start: number, end: number): SourceRange {
    const a = this.position(start)
    const b = this.position(Math.max(start, end))
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
  }

  get lineCount(): number {
    return this.#starts.length
  }
}
