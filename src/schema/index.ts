import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ItsmRecord, Locate } from '../model/record.js'
import { compiledSchema, kindSchemaNames, schemaSources, type SchemaName } from './compile.js'
import { schemaDiagnostics } from './map-errors.js'

/**
 * Checks a record against its kind's JSON Schema. Returns one error diagnostic per problem (ruleId
 * `schema/<keyword>`, e.g. `schema/required`), positioned at the offending node; empty when the record is valid.
 */
export function validateRecordSchema(record: ItsmRecord): Diagnostic[] {
  return validateWith(kindSchemaNames[record.kind], record.data, record.locate, record.file)
}

/** Checks the data of a gitsm.yaml against the configuration schema; diagnostics as for records. */
export function validateConfigSchema(data: unknown, locate: Locate, file: string): Diagnostic[] {
  return validateWith('config', data, locate, file)
}

/**
 * The published schema documents (draft 2020-12), one per kind plus `config.schema.json`, for editors
 * (yaml-language-server) and `gitsm schema --out DIR`. Each call returns fresh copies the caller may change.
 */
export function schemaDocuments(): { fileName: string; schema: object }[] {
  return (Object.keys(schemaSources) as SchemaName[]).map((name) => ({
    fileName: `${name}.schema.json`,
    schema: structuredClone(schemaSources[name]),
  }))
}

function validateWith(name: SchemaName, data: unknown, locate: Locate, file: string): Diagnostic[] {
  const schema = compiledSchema(name)
  if (schema.validate(data)) return []
  return schemaDiagnostics(schema.validate.errors ?? [], { schema, data, locate, file })
}
