import type { AuditEntry } from '../audit.js'
import type { ReportData } from '../build.js'
import type { CalendarFreeze, CalendarWindow } from '../calendar.js'
import { showBidiControls } from './bidi.js'
import { formatAvailability, formatMinutes, formatRating, formatShare } from './units.js'
import { availabilityTally } from '../sla.js'

/**
 * The report as GitHub-flavoured Markdown, for a wiki page or a pull request comment: a title, a summary of the
 * headline figures, then one section per subject (catalog, SLAs, change calendar, change metrics, incidents and
 * problems, knowledge, audit evidence), each a set of tables carrying the figures of the JSON report. Every string
 * taken from the records or the config is escaped, so it renders as the literal text it is, never as HTML, a link,
 * a mention or a table cell of its own. Pure and deterministic: `\n` line endings, one trailing newline.
 */
export function formatMarkdownReport(report: ReportData): string {
  const blocks = [
    ...title(report),
    ...summary(report),
    ...catalogSection(report),
    ...slaSection(report),
    ...calendarSection(report),
    ...changeMetricsSection(report),
    ...incidentSection(report),
    ...knowledgeSection(report),
    ...auditSection(report),
  ]
  return `${blocks.join('\n\n')}\n`
}

// ---- Sections -------------------------------------------------------------------------------------------------

function title(r: ReportData): string[] {
  const org = r.organization === null ? '' : ` for ${text(r.organization)}`
  const commit = r.source.commit === null ? 'no git commit' : `commit ${sha(r.source.commit)}`
  const shallow = r.source.shallow ? ' (shallow clone: older history cut off)' : ''
  return [
    `# Service management report${org}: ${text(r.from)} to ${text(r.to)}`,
    `Figures as of ${text(r.generated_at)}, dates in ${text(r.timezone)}, read from ${commit}${shallow}.`,
  ]
}

function summary(r: ReportData): string[] {
  const { measured: withAvailability, missed } = availabilityTally(r.slas)
  const met = withAvailability.length - missed.length
  const opened = sum(r.incidents.by_month.map((m) => m.opened))
  const resolved = sum(r.incidents.by_month.map((m) => m.resolved))
  const overdueActions = r.incidents.open_actions.filter((a) => a.overdue).length
  const flagged = r.audit.filter((a) => a.flags.length > 0).length
  const { by_type: t } = r.changes
  return [
    '## Summary',
    table(
      ['figure', 'value'],
      [
        ['services', `${r.catalog.services.length} (catalog gaps: ${r.catalog.gaps.length})`],
        ['SLA availability targets met', `${met} of ${withAvailability.length}`],
        ['SLA breaches', String(r.sla_breaches.length)],
        ['changes', `${r.changes.total} (standard ${t.standard}, normal ${t.normal}, emergency ${t.emergency})`],
        ['change success rate', formatShare(r.changes.success_rate)],
        ['change failure rate', formatShare(r.changes.change_failure_rate)],
        ['changes in a freeze', String(r.changes.in_freeze.length)],
        ['change collisions', String(r.changes.collisions.length)],
        ['incidents opened / resolved', `${opened} / ${resolved}`],
        ['open action items', `${r.incidents.open_actions.length} (overdue: ${overdueActions})`],
        ['overdue postmortems', String(r.incidents.overdue_postmortems.length)],
        ['unfixed problems', String(r.incidents.unfixed_problems.length)],
        ['stale / expiring articles', `${r.knowledge.stale.length} / ${r.knowledge.expiring.length}`],
        ['audited changes with flags', `${flagged} of ${r.audit.length}`],
      ],
    ),
  ]
}

function catalogSection(r: ReportData): string[] {
  const c = r.catalog
  return [
    '## Service catalog',
    '### By tier',
    table(['tier', 'services'], Object.entries(c.by_tier).map(([tier, n]) => [tier === 'none' ? 'no tier' : text(tier), String(n)])),
    '### By lifecycle',
    table(['lifecycle', 'services'], Object.entries(c.by_lifecycle).map(([lifecycle, n]) => [lifecycle === 'none' ? 'no lifecycle' : text(lifecycle), String(n)])),
    '### Services',
    table(
      ['service', 'title', 'owner', 'tier', 'lifecycle', 'depends on', 'used by', 'SLAs', 'runbooks', 'open problems', 'open incidents'],
      c.services.map((s) => [
        text(s.id),
        text(s.title),
        s.owner === null ? 'none' : handle(s.owner),
        s.tier === null ? '–' : String(s.tier),
        optional(s.lifecycle),
        list(s.depends_on),
        list(s.depended_on_by),
        list(s.slas),
        list(s.runbooks),
        list(s.open_problems),
        list(s.open_incidents),
      ]),
    ),
    '### Gaps',
    table(['service', 'gap', 'detail'], c.gaps.map((g) => [text(g.service), text(g.gap), text(g.message)])),
  ]
}

function slaSection(r: ReportData): string[] {
  const measured = r.slas.filter((s) => s.availability !== null)
  return [
    '## SLA compliance',
    '### Availability',
    table(
      ['SLA', 'service', 'period', 'target', 'actual', 'met', 'downtime', 'planned downtime'],
      measured.map((s) => {
        const a = s.availability!
        const met = a.target === null || a.actual === null ? '–' : a.actual >= a.target ? 'yes' : '**no**'
        return [text(s.sla), text(s.service), `${text(s.period)}${a.to_date ? ' (to date)' : ''}`, a.target === null ? '–' : `${a.target} %`, formatAvailability(a.actual), met, formatMinutes(a.downtime_minutes), formatMinutes(a.planned_downtime_minutes)]
      }),
    ),
    '### Breaches',
    table(
      ['SLA', 'service', 'period', 'incident', 'clock', 'priority', 'target', 'actual'],
      r.sla_breaches.map((b) => [text(b.sla), text(b.service), text(b.period), text(b.incident), text(b.clock), text(b.priority), formatMinutes(b.target_minutes), formatMinutes(b.actual_minutes)]),
    ),
  ]
}

const whenTitles: [CalendarWindow['when'], string][] = [
  ['current', 'Current windows'],
  ['upcoming', 'Upcoming windows'],
  ['past', 'Past windows'],
]

function calendarSection(r: ReportData): string[] {
  const { calendar } = r.changes
  const freezesOf = new Map(calendar.windows.map((w) => [w.change, w.in_freeze]))
  return [
    '## Change calendar',
    ...whenTitles.flatMap(([when, heading]) => [`### ${heading}`, windowTable(calendar.windows.filter((w) => w.when === when))]),
    '### Freezes',
    freezeTable(calendar.freezes),
    '### Collisions',
    table(['changes', 'services'], r.changes.collisions.map((c) => [list(c.changes), list(c.services)])),
    '### In freeze',
    table(['change', 'freezes'], r.changes.in_freeze.map((id) => [text(id), list(freezesOf.get(id) ?? [])])),
    '### Outside maintenance windows',
    table(['change', 'services'], r.changes.outside_maintenance.map((o) => [text(o.change), list(o.services)])),
  ]
}

function windowTable(windows: readonly CalendarWindow[]): string {
  return table(
    ['change', 'title', 'type', 'risk', 'status', 'services', 'start', 'end', 'downtime', 'conflicts'],
    windows.map((w) => {
      const conflicts = [
        ...(w.in_freeze.length > 0 ? [`in freeze: ${list(w.in_freeze)}`] : []),
        ...(w.outside_maintenance.length > 0 ? [`outside maintenance: ${list(w.outside_maintenance)}`] : []),
        ...(w.collides_with.length > 0 ? [`collides with: ${list(w.collides_with)}`] : []),
      ]
      return [text(w.change), text(w.title), optional(w.type), optional(w.risk), optional(w.status), list(w.services), text(w.start), text(w.end), w.expected_downtime ? 'expected' : 'none', conflicts.join('; ') || 'none']
    }),
  )
}

/** One row per fixed freeze; a weekly freeze, listed once per day it holds, folds into one row with its span. */
function freezeTable(freezes: readonly CalendarFreeze[]): string {
  const rows: string[][] = []
  const weekly = new Map<string, CalendarFreeze[]>()
  for (const f of freezes) {
    if (!f.weekly) rows.push(freezeRow(f, 'fixed', f.start, f.end, 1))
    else if (weekly.has(f.name)) weekly.get(f.name)!.push(f)
    else weekly.set(f.name, [f])
  }
  for (const occurrences of weekly.values()) {
    const first = occurrences[0]!
    rows.push(freezeRow(first, 'weekly', first.start, occurrences[occurrences.length - 1]!.end, occurrences.length))
  }
  return table(['freeze', 'kind', 'start', 'end', 'periods', 'allows', 'scope'], rows)
}

function freezeRow(f: CalendarFreeze, kind: string, start: string, end: string, periods: number): string[] {
  const tiers = f.scope.tiers.map(String)
  const scope = [...(tiers.length > 0 ? [`${tiers.length === 1 ? 'tier' : 'tiers'} ${list(tiers)}`] : []), ...(f.scope.services.length > 0 ? [`services ${list(f.scope.services)}`] : [])]
  return [text(f.name), kind, text(start), text(end), String(periods), list(f.allow), scope.join('; ') || 'everything']
}

function changeMetricsSection(r: ReportData): string[] {
  const c = r.changes
  const lead = c.lead_time
  return [
    '## Change metrics',
    table(
      ['figure', 'value'],
      [
        ['changes', String(c.total)],
        ['standard', String(c.by_type.standard)],
        ['normal', String(c.by_type.normal)],
        ['emergency', String(c.by_type.emergency)],
        ['success rate', formatShare(c.success_rate)],
        ['change failure rate', formatShare(c.change_failure_rate)],
        ['emergency share', formatShare(c.emergency_share)],
        ['lead time, mean', formatMinutes(lead.mean_minutes)],
        ['lead time, median', formatMinutes(lead.median_minutes)],
        ['changes with a lead time', String(lead.changes)],
        ['overdue emergency reviews', String(c.overdue_reviews.length)],
        ['unscheduled (no window)', String(c.unscheduled.length)],
      ],
    ),
    '### By month',
    table(['month', 'total', 'standard', 'normal', 'emergency'], c.by_month.map((m) => [text(m.month), String(m.total), String(m.standard), String(m.normal), String(m.emergency)])),
    '### Overdue emergency reviews',
    idList(c.overdue_reviews),
    '### Unscheduled changes',
    idList(c.unscheduled),
  ]
}

function incidentSection(r: ReportData): string[] {
  const i = r.incidents
  return [
    '## Incidents and problems',
    '### By month',
    table(
      ['month', 'opened', 'resolved', 'MTTA mean', 'MTTA median', 'MTTR mean', 'MTTR median', 'satisfaction'],
      i.by_month.map((m) => [text(m.month), String(m.opened), String(m.resolved), formatMinutes(m.mtta_minutes), formatMinutes(m.median_tta_minutes), formatMinutes(m.mttr_minutes), formatMinutes(m.median_ttr_minutes), formatRating(m.satisfaction)]),
    ),
    '### By priority',
    table(['priority', 'incidents'], Object.entries(i.by_priority).map(([p, n]) => [text(p), String(n)])),
    '### By service',
    table(['service', 'incidents'], Object.entries(i.by_service).map(([s, n]) => [text(s), String(n)])),
    '### Overdue postmortems',
    idList(i.overdue_postmortems),
    '### Open action items',
    table(
      ['incident', 'action', 'owner', 'due', 'overdue'],
      i.open_actions.map((a) => [text(a.incident), text(a.title), a.owner === undefined ? 'none' : handle(a.owner), a.due === undefined ? '–' : text(a.due), a.overdue ? '**yes**' : 'no']),
    ),
    '### Unfixed problems',
    idList(i.unfixed_problems),
  ]
}

function knowledgeSection(r: ReportData): string[] {
  const k = r.knowledge
  return [
    '## Knowledge health',
    table(
      ['figure', 'articles', 'ids'],
      [
        ['stale (review date past)', String(k.stale.length), list(k.stale)],
        ['expiring (review due soon)', String(k.expiring.length), list(k.expiring)],
        ['no owner or no services', String(k.ownerless.length), list(k.ownerless)],
      ],
    ),
    '### By owner',
    table(['owner', 'articles', 'stale', 'expiring'], Object.entries(k.by_owner).map(([owner, t]) => [owner === 'none' ? 'none' : handle(owner), String(t.articles), String(t.stale), String(t.expiring)])),
  ]
}

function auditSection(r: ReportData): string[] {
  const noted = r.audit.filter((a) => a.notes.length > 0)
  return [
    '## Audit evidence',
    table(['change', 'approved in', 'pull request', 'requested by', 'implementer', 'approvals', 'lead time', 'flags'], r.audit.map(auditRow)),
    '### Flag notes',
    noted.length === 0 ? 'none' : noted.flatMap((a) => a.notes.map((note, n) => `- ${text(a.change)} (${text(a.flags[n] ?? 'note')}): ${text(note)}`)).join('\n'),
  ]
}

function auditRow(a: AuditEntry): string[] {
  const approvals = a.approvals === null ? 'not checked (no token)' : a.approvals.length === 0 ? 'none' : a.approvals.map((x) => `${handle(x.login)} at ${text(x.submitted_at)}`).join(', ')
  const pr = a.approved_in?.pull_request
  return [
    text(a.change),
    a.approved_in === null ? 'none' : `${sha(a.approved_in.commit)} at ${text(a.approved_in.at)}`,
    typeof pr === 'number' && Number.isSafeInteger(pr) && pr > 0 ? `#${pr}` : 'none',
    a.requested_by === null ? 'none' : handle(a.requested_by),
    a.implementer === null ? 'none' : handle(a.implementer),
    approvals,
    formatMinutes(a.lead_time_minutes),
    a.flags.length === 0 ? 'none' : list(a.flags),
  ]
}

// ---- Markdown building blocks ---------------------------------------------------------------------------------

/** A GFM table of already-escaped cells; `none` instead of a table without rows. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return 'none'
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? '–' : c)).join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Escaped ids or names, comma-separated; `–` for none. */
function list(values: readonly string[]): string {
  return values.length === 0 ? '–' : values.map(text).join(', ')
}

/** A bullet list of escaped ids; `none` for none. */
function idList(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.map((v) => `- ${text(v)}`).join('\n')
}

function optional(value: string | null): string {
  return value === null ? '–' : text(value)
}

const handlePattern = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/

/**
 * A GitHub handle in a code span: readable, and GitHub neither links nor notifies a mention inside code. Anything
 * that is not plainly a handle is escaped text instead, since a code span cannot hold every character.
 */
function handle(value: string): string {
  return handlePattern.test(value) ? `\`${value}\`` : text(value)
}

/** A commit id shortened in a code span when it is one; else escaped text. */
function sha(value: string): string {
  return /^[0-9a-f]{7,64}$/i.test(value) ? `\`${value.slice(0, 7)}\`` : text(value)
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Record text made inert for a table cell or a line of text on GitHub: whitespace and control characters collapse
 * to one space (no new line, block or indented code); `&`, `<`, `>` become entities (no HTML, no autolink, no
 * entity of the record's own); the punctuation of emphasis, code, links, images, strikethrough, math, headings and
 * tables is backslash-escaped; a leading list or ordered-list marker is escaped. A backslash does not stop GFM's
 * literal autolinks (remark finds them in the parsed text) nor GitHub's mentions (found in the rendered text), so
 * an invisible zero-width space goes into `scheme://`, `www.` and after every `@`: URLs, e-mail addresses and
 * `@team` handles in record text read as they were written but link to nothing and notify no one. Bidirectional
 * controls are shown as `[U+202E]`, not applied.
 */
function text(value: string): string {
  const flat = showBidiControls(value).replace(/[\s\p{Cc}]+/gu, ' ').trim()
  const escaped = flat
    .replace(/[\\`*_{}[\]#!|~$&<>]/g, (c) => entities[c] ?? `\\${c}`)
    .replace(/(?<=[A-Za-z]):(?=\/)/g, ':\u200b')
    .replace(/(?<=www)\./gi, '\u200b.')
    .replace(/@/g, '@\u200b')
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2')
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
