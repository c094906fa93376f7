/**
 * Over-estimates how deeply a YAML text nests, without parsing it: indentation levels, sequence dashes on a line
 * and open flow brackets all count. Stops at the first place deeper than `limit`. It never under-counts a structure a YAML parser would build, so a text it
 * passes cannot exhaust the parser's stack; a deep text is rejected before the parser sees it.
 */
export function estimateNestingDepth(text: string, limit = Infinity): { depth: number; offset: number } {
  const indents: number[] = []
  let flow = 0
  let max = 0
  let maxOffset = 0
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    let i = lineStart
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++
    if (i < lineEnd && text[i] !== '#') {
      const indent = i - lineStart
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop()
      indents.push(indent)
      let depth = indents.length + flow
      // Quotes and comments are deliberately not tracked: skipping text could only ever under-count.
      for (; i < lineEnd; i++) {
        const c = text[i]!
        if (c === '[' || c === '{') {
          flow++
          depth++
        } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1)
        else if (c === '-' || c === '?' || c === ':') {
          const next = text[i + 1]
          if (next === ' ' || next === undefined || next === '\r' || i + 1 === lineEnd) depth++
        }
        if (depth > max) {
          max = depth
          maxOffset = i
          if (max > limit) return { depth: max, offset: maxOffset }
        }
      }
      if (depth > max) {
        max = depth
        maxOffset = lineStart
      }
    }
    lineStart = lineEnd + 1
  }
  return { depth: max, offset: maxOffset }
}
