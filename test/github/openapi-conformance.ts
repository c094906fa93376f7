import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'

/**
 * Checks bodies against GitHub's published OpenAPI description (@octokit/openapi): the response schema of an
 * operation for a status, and the request body schema. Only the operations asked about are compiled, with the
 * component schemas they reference.
 */

type Schema = Record<string, unknown>
interface Operation {
  operationId: string
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  responses: Record<string, Schema>
}
interface Description {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema>; responses: Record<string, Schema> }
}

const require = createRequire(import.meta.url)
let description: Description | undefined
let ajv: Ajv | undefined
const added = new Set<string>()
const compiled = new Map<string, ValidateFunction | 'no-body'>()
const schemaBase = 'https://gitsm.test/github-openapi/'

function load(): { doc: Description; ajv: Ajv } {
  if (!description) description = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Description
  if (!ajv) {
    // GitHub's request schemas name required properties inside anyOf branches that define none (check runs).
    ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true })
    ajv.addKeyword('example')
    ajv.addFormat('date-time', (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)))
    ajv.addFormat('date', (v: string) => /^\d{4}-\d\d-\d\d$/.test(v))
    ajv.addFormat('uri', (v: string) => URL.canParse(v))
    ajv.addFormat('uri-template', true)
    ajv.addFormat('email', (v: string) => /^[^\s@]+@[^\s@]+$/.test(v))
    ajv.addFormat('int64', { type: 'number', validate: (v: number) => Number.isSafeInteger(v) })
  }
  return { doc: description, ajv }
}

/** A copy of a schema with OpenAPI extensions dropped and component references pointed at added schemas. */
function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite)
  if (value === null || typeof value !== 'object') return value
  const out: Schema = {}
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('x-')) continue
    if (key === '$ref' && typeof inner === 'string') {
      const name = inner.replace('#/components/schemas/', '')
      addComponent(name)
      out.$ref = schemaBase + name
    } else {
      out[key] = rewrite(inner)
    }
  }
  // OpenAPI 3.0 writes `nullable` beside `allOf`/`anyOf`/`$ref` too, where JSON Schema has no type to widen.
  // A nullable enum (a check run's `conclusion`) allows null too, as GitHub sends it.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null]
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable
    return { anyOf: [out, { type: 'null' }] }
  }
  return out
}

function addComponent(name: string): void {
  if (added.has(name)) return
  added.add(name)
  const { doc, ajv } = load()
  const schema = doc.components.schemas[name]
  if (!schema) throw new Error(`OpenAPI description has no schema ${name}`)
  ajv.addSchema({ ...(rewrite(schema) as Schema), $id: schemaBase + name })
}

function operation(method: string, path: string): Operation {
  const op = load().doc.paths[path]?.[method.toLowerCase()]
  if (!op) throw new Error(`OpenAPI description has no operation ${method} ${path}`)
  return op
}

function validator(key: string, schema: Schema | undefined): ValidateFunction | 'no-body' {
  let fn = compiled.get(key)
  if (!fn) {
    fn = schema === undefined ? 'no-body' : load().ajv.compile(rewrite(schema) as Schema)
    compiled.set(key, fn)
  }
  return fn
}

function errorsOf(fn: ValidateFunction): string[] {
  return (fn.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
}

/**
 * Problems with a response: the body must match the schema the operation declares for the status. An error status
 * the operation does not declare must still be GitHub's basic error object; an undeclared success status is wrong.
 */
export function responseProblems(method: string, path: string, status: number, body: unknown): string[] {
  const op = operation(method, path)
  let response = declared(method, path, status)
  if (!response) {
    if (status < 400) return [`status ${status} is not declared for ${op.operationId}`]
    response = load().doc.components.responses.internal_error!
  }
  const content = (response.content as Record<string, { schema?: Schema }> | undefined)?.['application/json']
  const fn = validator(`${method} ${path} ${status}`, content?.schema)
  if (fn === 'no-body') return body === undefined ? [] : [`status ${status} of ${op.operationId} has no body, but one was sent`]
  return fn(body) ? [] : errorsOf(fn).map((e) => `${op.operationId} ${status}: ${e}`)
}

function declared(method: string, path: string, status: number): Schema | undefined {
  let response = operation(method, path).responses[String(status)]
  if (response?.$ref) response = load().doc.components.responses[String(response.$ref).split('/').pop()!]
  return response
}

/** Whether the operation declares a body for this status (some 404s and every 204 have none). */
export function declaresBody(method: string, path: string, status: number): boolean {
  const response = declared(method, path, status)
  return response === undefined || (response.content as Record<string, unknown> | undefined)?.['application/json'] !== undefined
}

/** Compiles an operation's validators ahead of time, so the first answer is not slowed by compiling. */
export function prepareOperation(method: string, path: string): void {
  for (const status of Object.keys(operation(method, path).responses)) responseProblems(method, path, Number(status), undefined)
  responseProblems(method, path, 500, undefined)
  requestProblems(method, path, undefined)
}

/** Problems with a request body, against the operation's request body schema. */
export function requestProblems(method: string, path: string, body: unknown): string[] {
  const op = operation(method, path)
  const schema = op.requestBody?.content?.['application/json']?.schema
  if (!schema) return []
  const fn = validator(`${method} ${path} request`, schema)
  if (fn === 'no-body') return []
  return fn(body) ? [] : errorsOf(fn).map((e) => `${op.operationId} request: ${e}`)
}
