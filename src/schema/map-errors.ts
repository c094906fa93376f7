import type { ErrorObject } from 'ajv/dist/2020.js'
import type { Diagnostic, RecordPath, SourceRange } from '../diagnostics/diagnostic.js'
import type { Locate } from '../model/record.js'
import { collapseAlternatives, parentPointer, type Issue } from './alternatives.js'
import type { CompiledSchema } from './compile.js'
import { schemaAt, type SchemaNode } from './dereference.js'
import { expected, fieldName, found, quote } from './describe.js'
import { inField, subject, suggestField, unknownField, valueMessage } from './messages.js'

export interface ErrorSource {
  schema: CompiledSchema
  data: unknown
  locate: Locate
  file: string
}

/**
 * Turns ajv's errors for one document into diagnostics: one per problem, each at the node it is about
 * (Spectral's getRangeForJsonPath idea): a missing field at the key of the object that lacks it, an unknown field
 * at its key, anything else at the offending value. Alternatives are collapsed and duplicates dropped, so one
 * mistake gives one message. Never returns an empty list for a non-empty error list.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], source: ErrorSource): Diagnostic[] {
  const issues = dropMisspeltRequired(dropRedundant(collapseAlternatives(errors.map(toIssue), source.schema.root)), source)
  const diagnostics = issues.slice(0, maxDiagnostics).map((issue) => toDiagnostic(issue, source))
  if (issues.length > maxDiagnostics) {
    const more = issues.length - maxDiagnostics
    const message = `${more} more schema ${more === 1 ? 'error in this file is' : 'errors in this file are'} not shown; fix the ones shown first.`
    diagnostics.push({ ruleId: 'schema/too-many-errors', severity: 'error', message, file: source.file, ...source.locate([]) })
  }
  if (diagnostics.length === 0 && errors.length > 0) {
    diagnostics.push({ ruleId: 'schema/invalid', severity: 'error', message: 'This file does not match its schema.', file: source.file, ...source.locate([]) })
  }
  return diagnostics.sort((a, b) => a.line! - b.line! || a.column! - b.column! || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
}

/** Past this many, a file's schema errors are summed up: nobody reads more, and each costs a lookup. */
const maxDiagnostics = 100

function toIssue(error: ErrorObject): Issue {
  const issue: Issue = { keyword: error.keyword, instancePath: error.instancePath, schemaPath: error.schemaPath, params: error.params }
  if (error.propertyName !== undefined) issue.propertyName = error.propertyName
  return issue
}

/** Value keywords by how much their message helps; only the first present for a value is kept. */
const valuePriority = [
  'type',
  'const',
  'enum',
  'format',
  'minLength',
  'pattern',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'oneOf',
  'anyOf',
]

function dropRedundant(issues: readonly Issue[]): Issue[] {
  // A bad key is reported once, by propertyNames, not again by the check that failed on the name.
  const badNames = new Set<string>()
  for (const issue of issues) {
    if (issue.keyword === 'propertyNames') badNames.add(`${issue.instancePath}\u0000${String(issue.params.propertyName)}`)
  }
  const seen = new Set<string>()
  const bestValue = new Map<string, Issue>()
  const dropped = new Set<Issue>()
  const kept: Issue[] = []
  for (const issue of issues) {
    if (issue.propertyName !== undefined && badNames.has(`${issue.instancePath}\u0000${issue.propertyName}`)) continue
    const key = `${issue.keyword}\u0000${issue.instancePath}\u0000${JSON.stringify(issue.params)}`
    if (seen.has(key)) continue
    seen.add(key)
    const rank = valuePriority.indexOf(issue.keyword)
    if (rank >= 0 && issue.message === undefined) {
      const other = bestValue.get(issue.instancePath)
      if (other && valuePriority.indexOf(other.keyword) <= rank) continue
      if (other) dropped.add(other)
      bestValue.set(issue.instancePath, issue)
    }
    kept.push(issue)
  }
  return dropped.size === 0 ? kept : kept.filter((issue) => !dropped.has(issue))
}

/**
 * A misspelt field shows up twice: unknown under its wrong name, missing under its right one. The unknown-field
 * message already suggests the right name, so the missing-field error with that name goes.
 */
function dropMisspeltRequired(issues: Issue[], source: ErrorSource): Issue[] {
  const meant = new Set<string>()
  for (const issue of issues) {
    if (issue.keyword !== 'additionalProperties') continue
    const node = schemaAt(source.schema.root, parentPointer(issue.schemaPath)) as SchemaNode | undefined
    const object = valueAt(source.data, instancePathToPath(issue.instancePath, source.data))
    const suggestion = suggestField(String(issue.params.additionalProperty), node, object)
    if (suggestion !== undefined) meant.add(`${issue.instancePath}\u0000${suggestion}`)
  }
  if (meant.size === 0) return issues
  return issues.filter((issue) => {
    if (issue.keyword !== 'required') return true
    const names = (issue.params.alternatives as string[] | undefined) ?? [String(issue.params.missingProperty)]
    return !names.some((name) => meant.has(`${issue.instancePath}\u0000${name}`))
  })
}

function toDiagnostic(issue: Issue, source: ErrorSource): Diagnostic {
  const { data, locate, file } = source
  const { root, defNames } = source.schema
  const path = instancePathToPath(issue.instancePath, data)
  const value = valueAt(data, path)
  const node = (schemaAt(root, parentPointer(issue.schemaPath)) ?? {}) as SchemaNode
  const field = fieldName(path)
  let message: string
  let range: SourceRange

  switch (issue.keyword) {
    case 'required': {
      const missing = String(issue.params.missingProperty)
      message = issue.message ? `${subject(path)} ${issue.message}.` : `Missing required field \`${missing}\`${inField(path)}.`
      range = locate(path, 'key')
      break
    }
    case 'additionalProperties': {
      const property = String(issue.params.additionalProperty)
      message = unknownField(property, path, node, value)
      range = locate([...path, property], 'key')
      break
    }
    case 'propertyNames': {
      const name = String(issue.params.propertyName)
      const names = (node.propertyNames ?? {}) as SchemaNode
      message = `${quote(name)} is not a valid key${inField(path)}: keys must be ${expected(names, defNames.get(names), defNames)}.`
      range = locate([...path, name], 'key')
      break
    }
    case 'uniqueItems': {
      const index = Math.max(Number(issue.params.i), Number(issue.params.j))
      const item = Array.isArray(value) ? value[index] : undefined
      message = `\`${field}\` lists ${typeof item === 'string' ? quote(item) : JSON.stringify(item)} more than once; remove the repeat.`
      range = locate([...path, index])
      break
    }
    case 'minItems': {
      const limit = Number(issue.params.limit)
      message = limit === 1 ? `\`${field}\` must not be an empty list; list at least one.` : `\`${field}\` must list at least ${limit} items.`
      range = locate(path)
      break
    }
    case 'maxItems':
      message = `\`${field}\` may list at most ${Number(issue.params.limit)} items.`
      range = locate(path)
      break
    case 'maxLength':
      message = `\`${field}\` may be at most ${Number(issue.params.limit)} characters long.`
      range = locate(path)
      break
    case 'oneOf':
    case 'anyOf':
      message = issue.message
        ? `\`${field}\` ${issue.message}.`
        : `\`${field}\` must be ${expected(node, undefined, defNames)}; ${found(value, true)}.`
      range = locate(path)
      break
    default:
      message = valueMessage(issue, field, value, node, defNames)
      // An empty value has no width of its own; its key is what the reader looks for.
      range = value === null ? locate(path, 'key') : locate(path)
  }

  const diagnostic: Diagnostic = { ruleId: `schema/${kebab(issue.keyword)}`, severity: 'error', message, file, ...range }
  if (path.length > 0) diagnostic.path = path
  return diagnostic
}

/** ajv's instancePath as keys and indexes; a segment is a number only where the data holds an array. */
export function instancePathToPath(instancePath: string, data: unknown): (string | number)[] {
  if (instancePath === '') return []
  const path: (string | number)[] = []
  let node = data
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) {
      const index = Number(key)
      path.push(index)
      node = node[index]
    } else {
      path.push(key)
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
    }
  }
  return path
}

function valueAt(data: unknown, path: RecordPath): unknown {
  let node = data
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[segment]
  }
  return node
}

function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}
