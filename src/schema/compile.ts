import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import articleSchema from '../../schemas/article.schema.json' with { type: 'json' }
import changeSchema from '../../schemas/change.schema.json' with { type: 'json' }
import configSchema from '../../schemas/config.schema.json' with { type: 'json' }
import incidentSchema from '../../schemas/incident.schema.json' with { type: 'json' }
import problemSchema from '../../schemas/problem.schema.json' with { type: 'json' }
import serviceSchema from '../../schemas/service.schema.json' with { type: 'json' }
import slaSchema from '../../schemas/sla.schema.json' with { type: 'json' }
import standardChangeSchema from '../../schemas/standard-change.schema.json' with { type: 'json' }
import type { Kind } from '../model/kinds.js'
import { dereferenceSchema, type SchemaNode } from './dereference.js'
import { formats } from './formats.js'

export type SchemaName = 'service' | 'sla' | 'standard-change' | 'change' | 'incident' | 'problem' | 'article' | 'config'

/** The schema documents as published, by name (`<name>.schema.json`). */
export const schemaSources: Readonly<Record<SchemaName, SchemaNode>> = {
  service: serviceSchema,
  sla: slaSchema,
  'standard-change': standardChangeSchema,
  change: changeSchema,
  incident: incidentSchema,
  problem: problemSchema,
  article: articleSchema,
  config: configSchema,
}

export const kindSchemaNames: Readonly<Record<Kind, SchemaName>> = {
  Service: 'service',
  SLA: 'sla',
  StandardChange: 'standard-change',
  Change: 'change',
  Incident: 'incident',
  Problem: 'problem',
  Article: 'article',
}

/** A compiled validator and the inlined schema its error paths point into. */
export interface CompiledSchema {
  validate: ValidateFunction
  root: SchemaNode
  defNames: WeakMap<object, string>
}

let ajv: Ajv2020 | undefined
const compiled = new Map<SchemaName, CompiledSchema>()

/**
 * The ajv options of THREATS.md: strict, every error collected, and never `coerceTypes`, `removeAdditional`,
 * `useDefaults` or `$data` (ajv's defaults leave them off; they are spelled out so a reader need not know).
 */
export function createAjv(): Ajv2020 {
  const instance = new Ajv2020({
    strict: true,
    allErrors: true,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    $data: false,
    validateFormats: true,
    // ajv's code optimizer costs about 40% of the compile time and saves nothing measurable per validation.
    code: { optimize: false },
  })
  for (const [name, validate] of Object.entries(formats)) instance.addFormat(name, { type: 'string', validate })
  return instance
}

/** The compiled validator of one schema; compiled on first use, then cached for the life of the process. */
export function compiledSchema(name: SchemaName): CompiledSchema {
  let entry = compiled.get(name)
  if (!entry) {
    ajv ??= createAjv()
    const { schema, defNames } = dereferenceSchema(schemaSources[name])
    entry = { validate: ajv.compile(schema), root: schema, defNames }
    compiled.set(name, entry)
  }
  return entry
}
