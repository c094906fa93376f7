import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../io/atomic-write.js'
import { schemaDocuments } from '../schema/index.js'
import { UsageError } from '../errors.js'
import { schemaHelp } from './help.js'
import type { CliIo } from './io.js'
import { parseCommandArgs } from './main.js'

export async function runSchema(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'schema')
  if (values.help) {
    io.stdout.write(schemaHelp)
    return 0
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}". See \`gitsm schema --help\`.`)
  const documents = schemaDocuments()
  if (values.out === undefined) {
    io.stdout.write(`${JSON.stringify(Object.fromEntries(documents.map((d) => [d.fileName, d.schema])), null, 2)}\n`)
    return 0
  }
  const dir = resolve(io.cwd, values.out)
  for (const { fileName, schema } of documents) await writeFileAtomic(join(dir, fileName), `${JSON.stringify(schema, null, 2)}\n`)
  io.stdout.write(`Wrote ${documents.length} schemas to ${values.out}\n`)
  return 0
}
