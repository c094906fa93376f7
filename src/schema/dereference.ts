/** A JSON Schema object node (the schemas here use no boolean schemas where errors can arise). */
export type SchemaNode = Readonly<Record<string, unknown>>

export interface DereferencedSchema {
  /** The document with every local `$ref` replaced by a copy of its target, and no `$defs`. */
  schema: SchemaNode
  /** The `$defs` name each inlined copy came from, for messages ("a service id"). */
  defNames: WeakMap<object, string>
}

const annotations = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated'])

/**
 * Inlines the local `$ref`s (`#/$defs/name`) of a schema document. ajv reports errors inside a referenced schema
 * with a path relative to the definition, which loses track of which `oneOf` branch an error came from; with
 * every reference inlined, each error's schemaPath is a full path from the root and branch membership is a prefix
 * test. Siblings of `$ref` are merged over the target: annotations override, validation keywords must agree.
 * Throws on a reference it cannot resolve (a bug in a schema, caught by the tests).
 */
export function dereferenceSchema(document: SchemaNode): DereferencedSchema {
  const defs = (document.$defs ?? {}) as Record<string, SchemaNode>
  const defNames = new WeakMap<object, string>()

  const visit = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, trail))
    if (node === null || typeof node !== 'object') return node
    const object = node as Record<string, unknown>
    const ref = object.$ref
    if (typeof ref === 'string') {
      const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : undefined
      const target = name === undefined ? undefined : defs[name]
      if (name === undefined || target === undefined) throw new Error(`Unresolvable $ref "${ref}"`)
      if (trail.includes(name)) throw new Error(`Recursive $ref "${ref}" cannot be inlined`)
      const merged = { ...(visit(target, [...trail, name]) as Record<string, unknown>) }
      for (const [key, value] of Object.entries(object)) {
        if (key === '$ref') continue
        if (key in merged && !annotations.has(key) && JSON.stringify(merged[key]) !== JSON.stringify(value)) {
          throw new Error(`"${key}" next to $ref "${ref}" conflicts with the definition`)
        }
        merged[key] = visit(value, trail)
      }
      defNames.set(merged, name)
      return merged
    }
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(object)) {
      if (key === '$defs' && trail.length === 0 && object === document) continue
      copy[key] = visit(value, trail)
    }
    return copy
  }

  return { schema: visit(document, []) as SchemaNode, defNames }
}

/** The schema node at an ajv schemaPath (`#/properties/a/items`), or undefined. */
export function schemaAt(root: SchemaNode, pointer: string): unknown {
  const text = pointer.startsWith('#') ? pointer.slice(1) : pointer
  if (text === '' || text === '/') return root
  let node: unknown = root
  for (const raw of text.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined
    const segment = decodeSegment(raw)
    node = Array.isArray(node) ? node[Number(segment)] : (node as Record<string, unknown>)[segment]
  }
  return node
}

function decodeSegment(raw: string): string {
  let segment = raw
  if (segment.includes('%')) {
    try {
      segment = decodeURIComponent(segment)
    } catch {
      // Not percent-encoded after all: keep it as written.
    }
  }
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}
