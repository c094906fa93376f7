import type { MarkdownHeading } from '../model/record.js'
import type { ArticleType } from './adoption-plan.js'

/** The heading signals the type guess looks for, each matched at the start of a normalized heading. */
const signals = {
  symptoms: /^symptoms?\b/,
  cause: /^(root )?causes?\b/,
  workaround: /^work[ -]?arounds?\b/,
  diagnosis: /^(diagnosis|diagnosing|diagnose|diagnostics|troubleshooting|investigation)\b/,
  resolution: /^(resolution|resolving|solution|fix)\b/,
  mitigation: /^mitigat(ion|ing)\b/,
  procedure: /^(procedure|steps)\b/,
  rollback: /^(rollback|roll back|roll-back|back ?out)\b/,
  howTo: /^(how to|how-to|steps|instructions|procedure)\b/,
  faq: /^(faq|faqs|frequently asked questions)\b/,
} as const

type Signal = keyof typeof signals

export interface TypeGuess {
  type: ArticleType
  /** The headings that decided, for a person to check. */
  reason: string
}

/**
 * Guesses an article type from its headings (level 2 and below), first match wins:
 *
 * | type            | when the headings have                                                  |
 * | --------------- | ----------------------------------------------------------------------- |
 * | known_error     | Symptoms, Cause (or Root cause) and Workaround                          |
 * | runbook         | Procedure or Steps, and Rollback                                        |
 * | troubleshooting | two of Symptoms, Cause, Diagnosis (Troubleshooting), Resolution, Mitigation |
 * | faq             | FAQ, or three or more questions making up at least half of the headings |
 * | how_to          | Steps, How to ..., Instructions or Procedure; or a title "How to ..."   |
 * | reference       | anything else                                                           |
 */
export function guessType(headings: readonly MarkdownHeading[], title: string): TypeGuess {
  const sections = headings.filter((h) => h.depth >= 2).map((h) => ({ text: h.text.trim(), key: headingKey(h.text) }))
  const found = new Map<Signal, string>()
  for (const section of sections) {
    for (const [name, pattern] of Object.entries(signals) as [Signal, RegExp][]) {
      if (!found.has(name) && pattern.test(section.key)) found.set(name, section.text)
    }
  }
  const named = (...names: Signal[]): string => names.map((n) => `"${found.get(n)}"`).join(', ')
  const has = (name: Signal): boolean => found.has(name)

  if (has('symptoms') && has('cause') && has('workaround')) return { type: 'known_error', reason: `headings ${named('symptoms', 'cause', 'workaround')}` }
  if (has('procedure') && has('rollback')) return { type: 'runbook', reason: `headings ${named('procedure', 'rollback')}` }
  const troubleshooting = (['symptoms', 'cause', 'diagnosis', 'resolution', 'mitigation'] as const).filter(has)
  if (troubleshooting.length >= 2) return { type: 'troubleshooting', reason: `headings ${named(...troubleshooting)}` }
  const questions = sections.filter((s) => s.text.endsWith('?'))
  if (has('faq')) return { type: 'faq', reason: `heading ${named('faq')}` }
  if (questions.length >= 3 && questions.length * 2 >= sections.length) {
    return { type: 'faq', reason: `${questions.length} of ${sections.length} headings are questions` }
  }
  if (has('howTo')) return { type: 'how_to', reason: `heading ${named('howTo')}` }
  if (/^how to\b/i.test(title.trim())) return { type: 'how_to', reason: 'the title starts with "How to"' }
  return { type: 'reference', reason: 'no heading suggests another type' }
}

/** Lower case, without numbering (`2.`, `3)`) or punctuation at the ends. */
function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\d+[.)]?\s*)+/, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}?]+$/gu, '')
}
