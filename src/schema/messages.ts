import type { RecordPath } from '../diagnostics/diagnostic.js'
import type { Issue } from './alternatives.js'
import type { SchemaNode } from './dereference.js'
import { expected, fieldName, found, quote } from './describe.js'
import { closestName } from './suggest.js'

/** Messages for a value of the wrong type or form: "`risk` must be one of ...; found `hgh`." */
export function valueMessage(issue: Issue, field: string, value: unknown, node: SchemaNode, defNames: WeakMap<object, string>): string {
  const defName = defNames.get(node)
  if (isBlankCheck(issue, node, value)) return `\`${field}\` must not be blank.`
  const wanted = expected(node, defName, defNames)
  const hint = typeof value === 'string' ? valueHint(issue, value, node, defName) : undefined
  const detail = issue.keyword === 'format' && typeof value === 'string' ? formatDetail(String(issue.params.format), value) : undefined
  const tail = detail ?? found(value, issue.keyword === 'type')
  return `\`${field}\` must be ${wanted}; ${tail}.${hint ? ` ${hint}` : ''}`
}

function isBlankCheck(issue: Issue, node: SchemaNode, value: unknown): boolean {
  if (typeof value !== 'string') return false
  if (issue.keyword === 'minLength') return Number(issue.params.limit) === 1
  return issue.keyword === 'pattern' && node.pattern === '\\S'
}

const offsetless = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/
const timestampShape = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/

/** Why a string that looks right is still wrong, for the formats where that happens. */
function formatDetail(format: string, value: string): string | undefined {
  switch (format) {
    case 'timestamp':
      if (offsetless.test(value)) return `${quote(value)} has no offset: add \`Z\` for UTC or an offset such as \`+01:00\``
      return timestampShape.test(value) ? `${quote(value)} is not a real instant` : undefined
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${quote(value)} is not a real date` : undefined
    case 'clock-time':
      return /^\d{2}:\d{2}$/.test(value) ? `${quote(value)} is not a time of day` : undefined
    case 'time-zone':
      return `${quote(value)} is not a time zone name gitsm knows`
    default:
      return undefined
  }
}

function valueHint(issue: Issue, value: string, node: SchemaNode, defName: string | undefined): string | undefined {
  if (issue.keyword === 'type' && node.type === 'array') return `Write a list: \`[${value}]\`.`
  if (issue.keyword === 'pattern' && defName !== undefined && /handle/i.test(defName) && !value.startsWith('@')) {
    const pattern = typeof node.pattern === 'string' ? new RegExp(node.pattern, 'u') : undefined
    if (pattern?.test(`@${value}`)) return `Did you mean \`"@${value}"\`? Quote it: a plain YAML value cannot start with @.`
  }
  return undefined
}

export function unknownField(property: string, path: RecordPath, node: SchemaNode, object: unknown): string {
  const allowed = Object.keys((node.properties ?? {}) as object)
  const head = `Unknown field ${quote(property)}${inField(path)}.`
  const suggestion = suggestField(property, node, object)
  if (suggestion !== undefined) return `${head} Did you mean \`${suggestion}\`?`
  if (path.length === 0 && allowed.includes('x')) return `${head} Put fields of your own under \`x:\`.`
  if (allowed.length > 0 && allowed.length <= 12) return `${head} Allowed: ${allowed.join(', ')}.`
  return head
}

export function inField(path: RecordPath): string {
  return path.length === 0 ? '' : ` in \`${fieldName(path)}\``
}

/** The allowed field closest to a misspelt one, leaving out fields the object already has. */
export function suggestField(property: string, node: SchemaNode | undefined, object: unknown): string | undefined {
  const present = object !== null && typeof object === 'object' ? (object as Record<string, unknown>) : {}
  const candidates = Object.keys((node?.properties ?? {}) as object).filter((name) => !Object.hasOwn(present, name))
  return closestName(property, candidates)
}

/** The subject of a sentence about a place in the file. */
export function subject(path: RecordPath): string {
  return path.length === 0 ? 'This file' : `\`${fieldName(path)}\``
}
