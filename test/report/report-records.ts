import { join } from 'node:path'
import { defaultConfig } from '../../src/config/defaults.js'
import { validateRepository } from '../../src/index.js'
import type { Config } from '../../src/model/config.js'
import type { Kind } from '../../src/model/kinds.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { parseRecordFile } from '../../src/parse/record-file.js'
import type { ReportPeriod } from '../../src/report/record-facts.js'

/** The bundled example repository, loaded as a user would: records and config. */
export async function loadAcme(): Promise<{ records: ItsmRecord[]; config: Config }> {
  const result = await validateRepository({ root: join(import.meta.dirname, '..', '..', 'examples', 'acme') })
  return { records: result.parsed, config: result.config }
}

/** A record from YAML lines (`kind` and `id` among them), for table cases. */
export function record(path: string, ...lines: string[]): ItsmRecord {
  const parsed = parseRecordFile({ path, text: `${lines.join('\n')}\n` })
  if (!parsed.ok) throw new Error(`test record ${path} does not parse`)
  const { data } = parsed.value
  return { ...parsed.value, kind: data.kind as Kind, id: typeof data.id === 'string' ? data.id : undefined }
}

/** The default config with a policy and a time zone, for table cases. */
export function config(policy?: Record<string, unknown>, timezone = 'Europe/Berlin'): Config {
  return { ...defaultConfig(), timezone, ...(policy ? { policy } : {}) }
}

/** A period from RFC 3339 texts. */
export function period(from: string, to: string, now: string): ReportPeriod {
  return { from: Date.parse(from), to: Date.parse(to), now: Date.parse(now) }
}
