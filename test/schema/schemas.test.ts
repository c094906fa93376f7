import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { kinds } from '../../src/model/kinds.js'
import { schemaDocuments } from '../../src/schema/index.js'
import { compiledSchema, createAjv, kindSchemaNames, schemaSources, type SchemaName } from '../../src/schema/compile.js'
import { dereferenceSchema, type SchemaNode } from '../../src/schema/dereference.js'

const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url))
const names = Object.keys(schemaSources) as SchemaName[]

/** Every subschema of a document, with its JSON pointer. */
function* walk(node: unknown, pointer = ''): Generator<[string, SchemaNode]> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return
  const schema = node as SchemaNode
  yield [pointer, schema]
  for (const key of ['properties', '$defs'] as const) {
    const map = schema[key] as Record<string, unknown> | undefined
    for (const [name, child] of Object.entries(map ?? {})) yield* walk(child, `${pointer}/${key}/${name}`)
  }
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) {
    if (typeof schema[key] === 'object') yield* walk(schema[key], `${pointer}/${key}`)
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key] as unknown[] | undefined
    for (const [index, child] of (list ?? []).entries()) yield* walk(child, `${pointer}/${key}/${index}`)
  }
}

describe('schema documents', () => {
  it('ships one file per kind and one for gitsm.yaml, as schemaDocuments returns them', () => {
    const files = readdirSync(schemaDir).filter((name) => name.endsWith('.schema.json')).sort()
    const documents = schemaDocuments()
    expect(documents.map((d) => d.fileName).sort()).toEqual(files)
    expect(files).toEqual(
      ['article', 'change', 'config', 'incident', 'problem', 'service', 'sla', 'standard-change'].map((name) => `${name}.schema.json`),
    )
    for (const { fileName, schema } of documents) {
      expect(schema).toEqual(JSON.parse(readFileSync(`${schemaDir}${fileName}`, 'utf8')))
    }
    // Fresh copies: a caller changing one cannot change the validators.
    ;(schemaDocuments()[0]!.schema as Record<string, unknown>).title = 'changed'
    expect((schemaDocuments()[0]!.schema as Record<string, unknown>).title).not.toBe('changed')
  })

  it.each(names)('%s declares draft 2020-12, its $id, a title and a description', (name) => {
    const schema = schemaSources[name]
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe(`https://gitsm.dev/schema/v1/${name}.schema.json`)
    expect(typeof schema.title).toBe('string')
    expect(typeof schema.description).toBe('string')
  })

  it.each(names)('%s describes every property for editors', (name) => {
    const missing: string[] = []
    for (const [pointer, schema] of walk(schemaSources[name])) {
      for (const [property, child] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
        // `properties: { status: true }` inside a oneOf/anyOf branch only declares a name for ajv's strictRequired.
        if (child === true && /\/(oneOf|anyOf)\/\d+$/.test(pointer)) continue
        const description = (child as SchemaNode).description
        if (typeof description !== 'string' || description.length < 10) missing.push(`${pointer}/properties/${property}`)
      }
    }
    expect(missing).toEqual([])
  })

  it.each(names)('%s closes every object except the extension map `x`', (name) => {
    const open: string[] = []
    for (const [pointer, schema] of walk(schemaSources[name])) {
      if (schema.type !== 'object' || pointer === '/$defs/x') continue
      if (schema.additionalProperties === undefined) open.push(pointer)
    }
    expect(open).toEqual([])
  })

  it.each(kinds)('%s has kind, id, title, apiVersion and x, and requires kind, id and title', (kind) => {
    const schema = schemaSources[kindSchemaNames[kind]]
    const properties = schema.properties as Record<string, SchemaNode>
    expect(properties.kind).toMatchObject({ const: kind })
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['kind', 'id', 'title', 'apiVersion', 'x']))
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'id', 'title']))
    expect(schema.additionalProperties).toBe(false)
  })

  it('keeps shared definitions identical across documents', () => {
    const seen = new Map<string, { name: string; text: string }>()
    const differing: string[] = []
    for (const name of names) {
      for (const [def, schema] of Object.entries((schemaSources[name].$defs ?? {}) as Record<string, unknown>)) {
        const text = JSON.stringify(schema)
        const first = seen.get(def)
        if (!first) seen.set(def, { name, text })
        else if (first.text !== text) differing.push(`${def} in ${first.name} and ${name}`)
      }
    }
    expect(differing).toEqual([])
  })
})

describe('compiling', () => {
  it.each(names)('%s compiles with ajv in strict mode, as published and inlined', (name) => {
    expect(() => createAjv().compile(schemaSources[name])).not.toThrow()
    expect(() => createAjv().compile(dereferenceSchema(schemaSources[name]).schema)).not.toThrow()
  })

  it('compiles every schema in well under two seconds, once per process', () => {
    const start = performance.now()
    const ajv = createAjv()
    for (const name of names) ajv.compile(dereferenceSchema(schemaSources[name]).schema)
    const elapsed = performance.now() - start
    expect(elapsed).toBeLessThan(2000)
    expect(compiledSchema('change')).toBe(compiledSchema('change'))
  })
})

describe('patterns', () => {
  const patterns = new Set<string>()
  for (const name of names) {
    for (const [, schema] of walk(schemaSources[name])) if (typeof schema.pattern === 'string') patterns.add(schema.pattern)
  }

  it('has patterns to check, and a check that catches the classic bad shapes', () => {
    expect(patterns.size).toBeGreaterThan(10)
    expect(nestedUnboundedQuantifier('^(a+)+$')).toBe(true)
    expect(nestedUnboundedQuantifier('^(?:x(?:[a-z]*))?$')).toBe(true)
    expect(nestedUnboundedQuantifier('^(?:a|b){2,}$')).toBe(false)
    expect(nestedUnboundedQuantifier('^[(]+(?:ab)*$')).toBe(false)
  })

  it.each([...patterns])('%s has no unbounded quantifier inside a quantified group', (pattern) => {
    expect(nestedUnboundedQuantifier(pattern)).toBe(false)
  })

  it.each([...patterns])('%s answers adversarial input in linear time', (pattern) => {
    const regex = new RegExp(pattern, 'u')
    const pieces = ['a', '0', '-', '/', ':', '.', '@a-', '00:00-', ', 00:00-00:00', 'a/', '../', ' ']
    const start = performance.now()
    for (const piece of pieces) {
      const text = piece.repeat(Math.ceil(20_000 / piece.length))
      regex.test(`${text}!`)
      regex.test(`@${text}\n`)
      regex.test(`00:00-00:00${text}`)
    }
    expect(performance.now() - start).toBeLessThan(200)
  })
})

/** Whether a group that is itself repeated contains `*`, `+` or `{n,}` (the shape of `^(a+)+$`). */
function nestedUnboundedQuantifier(pattern: string): boolean {
  const stack: { unbounded: boolean }[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1
      continue
    }
    if (c === '(') stack.push({ unbounded: false })
    else if (c === ')') {
      const group = stack.pop()!
      const next = pattern.slice(i + 1)
      const quantified = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.test(next)
      if (group.unbounded && quantified) return true
      if (group.unbounded && stack.length > 0) stack[stack.length - 1]!.unbounded = true
    } else if ((c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(pattern.slice(i)))) && stack.length > 0) {
      stack[stack.length - 1]!.unbounded = true
    }
  }
  return false
}
