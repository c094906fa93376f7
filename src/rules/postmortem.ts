import type { ItsmRecord } from '../model/record.js'
import type { RuleContext, RuleReport } from '../model/rule.js'
import { parseDuration, parseTimestamp } from '../time/timestamp.js'
import { missingSections, quoteList, titleRange } from './sections.js'
import { dateIn, strings, text } from './util.js'

/** A record that needs a postmortem and lacks some of its sections, with the finding to report. */
export interface MissingPostmortem {
  /** The due date has passed (`resolved_at` + `incidents.postmortem.due` is before now). */
  overdue: boolean
  report: RuleReport
}

const finished = new Set(['resolved', 'closed'])

/**
 * The resolved or closed incidents of the priorities in `incidents.postmortem.required_for`, and the resolved or
 * closed Problems written as Markdown, whose body lacks sections of `incidents.postmortem.sections`. A YAML incident
 * has no body, so it lacks them all. Problems have no `resolved_at`, so theirs is never overdue.
 */
export function missingPostmortems(ctx: RuleContext): MissingPostmortem[] {
  const { required_for: requiredFor, sections, due } = ctx.config.incidents.postmortem
  const out: MissingPostmortem[] = []
  const priorities = strings(requiredFor)
  const candidates = [
    ...ctx.byKind('Incident').filter((r) => priorities.includes(text(r.data.priority) ?? '')),
    ...ctx.byKind('Problem').filter((r) => r.format === 'markdown'),
  ]
  for (const record of candidates) {
    const status = text(record.data.status)
    if (status === undefined || !finished.has(status)) continue
    const missing = missingSections(record.format === 'markdown' ? record.body : undefined, sections)
    if (missing.length === 0) continue
    const dueAt = dueInstant(record, due)
    const overdue = dueAt !== undefined && ctx.now !== undefined && dueAt < ctx.now.getTime()
    const dueDate = dueAt === undefined ? undefined : dateIn(new Date(dueAt), ctx.config.timezone)
    out.push({ overdue, report: reportFor(record, missing, dueDate, overdue) })
  }
  return out
}

function dueInstant(record: ItsmRecord, due: string): number | undefined {
  const resolved = parseTimestamp(record.data.resolved_at)
  const minutes = parseDuration(due)
  return record.kind !== 'Incident' || resolved === undefined || minutes === undefined ? undefined : resolved + minutes * 60_000
}

function reportFor(record: ItsmRecord, missing: string[], dueDate: string | undefined, overdue: boolean): RuleReport {
  const what = record.kind === 'Incident' ? `This ${text(record.data.priority)} incident` : 'This problem'
  const sections = `${missing.length === 1 ? 'the section' : 'the sections'} ${quoteList(missing)}`
  const late = overdue && dueDate !== undefined
  if (record.format !== 'markdown') {
    return {
      record,
      path: ['status'],
      message: `${what} is ${text(record.data.status)} and needs a postmortem${late ? `, which was due on ${dueDate}` : dueDate ? ` by ${dueDate}` : ''}. Write the incident as Markdown (these fields as front matter) with ${sections} as level-2 headings.`,
    }
  }
  return {
    record,
    range: titleRange(record),
    message: `${what} is ${text(record.data.status)}; its postmortem${late ? ` was due on ${dueDate} and still` : dueDate ? `, due on ${dueDate},` : ''} lacks ${sections}. Add ${missing.length === 1 ? 'it as a level-2 heading' : 'them as level-2 headings'}.`,
  }
}
