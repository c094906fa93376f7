/** The record kinds of the format (FORMAT.md, "Files and kinds"). */
export const kinds = ['Service', 'SLA', 'StandardChange', 'Change', 'Incident', 'Problem', 'Article'] as const
export type Kind = (typeof kinds)[number]

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (kinds as readonly string[]).includes(value)
}

/** Kinds whose ids follow a `PREFIX-NNNN` pattern, and that prefix. */
export const idPrefixes: Partial<Record<Kind, string>> = {
  Change: 'CHG',
  Incident: 'INC',
  Problem: 'PRB',
  Article: 'KB',
}

/** Kinds whose ids are slugs. */
export const slugKinds: readonly Kind[] = ['Service', 'SLA', 'StandardChange']

export const slugPattern = /^[a-z][a-z0-9-]{1,62}$/

/** The id pattern of a kind, as in FORMAT.md. */
export function idPattern(kind: Kind): RegExp {
  const prefix = idPrefixes[kind]
  return prefix ? new RegExp(`^${prefix}-[0-9]{4,}$`) : slugPattern
}

/** Which extensions a kind may use. */
export const kindFormats: Record<Kind, readonly ('yaml' | 'markdown')[]> = {
  Service: ['yaml'],
  SLA: ['yaml'],
  StandardChange: ['yaml'],
  Change: ['yaml'],
  Incident: ['yaml', 'markdown'],
  Problem: ['yaml', 'markdown'],
  Article: ['markdown'],
}
