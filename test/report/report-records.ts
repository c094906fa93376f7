import { join } from 'node:path'
import { defaultConfig } from '../../src/config/defaults.js'
import { validateRepository } from '../../src/index.js'
import type { Config } from '../../src/model/config.js'
import type { Kind } from '../../src/model/kinds.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { parseRecordFile } from '../../src/parse/record-file.js'
import type { ReportPeriod } from '../../src/report/record-facts.js'

/** The bundled example repository, loaded as `gitsm report` loads it: records (articles with their HTML) and config. */
export async function loadAcme(): Promise<{ records: ItsmRecord[]; config: Config }> {
  const result = await validateRepository({ root: join(import.meta.dirname, '..', '..', 'examples', 'acme'), articleHtml: true })
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

/** Four services in a dependency chain db ← api ← web, one apart, and one with a Saturday-night maintenance window. */
export const chainServices = [
  record('services/db.yaml', 'kind: Service', 'id: db', 'tier: 1'),
  record('services/api.yaml', 'kind: Service', 'id: api', 'tier: 2', 'depends_on: [db]'),
  record('services/web.yaml', 'kind: Service', 'id: web', 'tier: 3', 'depends_on: [api]'),
  record('services/other.yaml', 'kind: Service', 'id: other', 'tier: 3'),
  record('services/mw.yaml', 'kind: Service', 'id: mw', 'tier: 3', 'maintenance_windows:', '  - { days: [sat], start: "22:00", end: "02:00" }'),
]

/** A change record for table cases: normal and approved unless said otherwise. */
export function changeRecord(id: string, fields: { type?: string; status?: string; services: string; start?: string; end?: string; extra?: string[] }): ItsmRecord {
  const window = fields.start ? ['window:', `  start: ${fields.start}`, `  end: ${fields.end}`] : []
  return record(`changes/${id}.yaml`, 'kind: Change', `id: ${id}`, `title: Change ${id}`, `type: ${fields.type ?? 'normal'}`, `status: ${fields.status ?? 'approved'}`, `services: [${fields.services}]`, ...window, ...(fields.extra ?? []))
}
