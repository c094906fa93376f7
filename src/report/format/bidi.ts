/** Characters that reorder how the text around them is displayed (the "Trojan Source" family). */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Record text with every bidirectional control shown as `[U+202E]` instead of applied: a title cannot make a report
 * display other words than the record holds (as GitHub warns about such characters in code).
 */
export function showBidiControls(text: string): string {
  return text.replace(bidiControls, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
}
