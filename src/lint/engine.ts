import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js'
import { sortDiagnostics } from '../diagnostics/sort.js'
import type { Config } from '../model/config.js'
import type { Kind } from '../model/kinds.js'
import type { ItsmRecord, ParsedRecord } from '../model/record.js'
import type { Rule, RuleContext, RuleReport } from '../model/rule.js'
import { ruleRegistry, type RegisteredRule } from '../rules/index.js'
import { validateRecordSchema } from '../schema/index.js'
import { classifyRecord } from './classify.js'
import { buildRecordIndex, type ListedRecord } from './record-index.js'

export interface LintInput {
  /** Records that parsed. */
  records: readonly ParsedRecord[]
  config: Config
  /** "Now" for date-dependent rules; undefined turns them off. */
  now?: Date
  /** Records known only by file name (not parsed in this run); references to them resolve. */
  listed?: readonly ListedRecord[]
  /** Report only findings in these files; the other records are context. Default: every file. */
  reportFiles?: ReadonlySet<string>
  /** The rules to run; default: the registry. */
  rules?: readonly RegisteredRule[]
  /** Every file of the repository, for link checks; default: the files of the parsed records. */
  files?: ReadonlySet<string>
}

export interface LintOutput {
  records: ItsmRecord[]
  diagnostics: Diagnostic[]
}

/**
 * Checks parsed records: each against its kind's schema, then every rule over the whole set. Severity comes from
 * the registry and the configuration's `rules:` overrides. Pure; never throws on record content.
 */
export function lintRecords(input: LintInput): LintOutput {
  const { config } = input
  const diagnostics: Diagnostic[] = []
  const records: ItsmRecord[] = []
  for (const parsed of input.records) {
    const record = classifyRecord(parsed, config)
    if (!record) {
      const range = parsed.locate(['kind'])
      diagnostics.push({
        ruleId: 'record/unknown-kind',
        severity: 'error',
        message: `Cannot tell what kind of record this is: \`kind\` must be one of Service, SLA, StandardChange, Change, Incident, Problem, Article, or the file must live in that kind's folder.`,
        file: parsed.file,
        path: ['kind'],
        ...range,
      })
      continue
    }
    records.push(record)
    diagnostics.push(...validateRecordSchema(record))
  }

  const byKind = new Map<Kind, ItsmRecord[]>()
  for (const record of records) {
    const list = byKind.get(record.kind)
    if (list) list.push(record)
    else byKind.set(record.kind, [record])
  }
  const index = buildRecordIndex(records, input.listed)
  const files = input.files ?? new Set([...records.map((r) => r.file), ...(input.listed ?? []).map((l) => l.file)])

  for (const { rule, severity: defaultSeverity } of input.rules ?? ruleRegistry) {
    const setting = config.rules[rule.id]
    if (setting === 'off') continue
    const severity: Severity = setting ?? defaultSeverity
    const context: RuleContext = {
      records,
      byKind: (kind) => byKind.get(kind) ?? [],
      index,
      files,
      config,
      now: input.now,
      report: (report) => diagnostics.push(toDiagnostic(rule, severity, report)),
    }
    try {
      rule.check(context)
    } catch (error) {
      // A rule bug must not hide the other findings, nor pass silently: it is an error of its own.
      diagnostics.push({
        ruleId: 'internal/rule-failed',
        severity: 'error',
        message: `Rule ${rule.id} failed: ${error instanceof Error ? error.message : String(error)}. Please report this.`,
      })
    }
  }

  const reportFiles = input.reportFiles
  // A finding about a pair (a duplicate id) may sit on the unchanged half: keep it when either half changed.
  const concerns = (d: Diagnostic): boolean =>
    d.file === undefined || reportFiles!.has(d.file) || (d.related ?? []).some((r) => r.file !== undefined && reportFiles!.has(r.file))
  const kept = reportFiles ? diagnostics.filter(concerns) : diagnostics
  return { records, diagnostics: sortDiagnostics(kept) }
}

function toDiagnostic(rule: Rule, severity: Severity, report: RuleReport): Diagnostic {
  const range = report.range ?? report.record.locate(report.path ?? [], report.part)
  const diagnostic: Diagnostic = { ruleId: rule.id, severity, message: report.message, file: report.record.file, ...range }
  if (report.path && report.path.length > 0) diagnostic.path = report.path
  if (report.related && report.related.length > 0) diagnostic.related = report.related
  return diagnostic
}
