import type { Nodes, Root, Table } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../src/model/config.js'
import type { ItsmRecord } from '../../src/model/record.js'
import type { AuditEntry } from '../../src/report/audit.js'
import { buildReport, type ReportData } from '../../src/report/build.js'
import { formatMarkdownReport } from '../../src/report/format/markdown.js'
import { formatAvailability, formatMinutes, formatRating, formatShare } from '../../src/report/format/units.js'
import { config, loadAcme, record } from './report-records.js'

// An independent reading of the Markdown: GitHub-flavoured, as remark parses it.
function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown)
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}

function all(tree: Root): Nodes[] {
  const out: Nodes[] = []
  walk(tree, (n) => out.push(n))
  return out
}

/** The text a reader sees: text and inline code, with the zero-width spaces that defuse mentions left out. */
function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.replaceAll('\u200b', '')
  if ('children' in node) return node.children.map((c) => plain(c as Nodes)).join('')
  return ''
}

/** The nodes under a heading path, e.g. ['Incidents and problems', 'By month'], up to the next heading of its level. */
function section(tree: Root, path: readonly string[]): Nodes[] {
  let nodes: Nodes[] = tree.children
  path.forEach((title, level) => {
    const depth = level + 2
    const start = nodes.findIndex((n) => n.type === 'heading' && n.depth === depth && plain(n) === title)
    if (start < 0) throw new Error(`no heading ${path.slice(0, level + 1).join(' > ')}`)
    const end = nodes.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth)
    nodes = nodes.slice(start + 1, end < 0 ? undefined : end)
  })
  return nodes
}

/** The first block under a heading path, as rows of cell texts (header row first), or the paragraph text. */
function rowsUnder(tree: Root, path: readonly string[]): string[][] {
  const first = section(tree, path).find((n) => n.type !== 'heading')
  if (first?.type === 'table') return first.children.map((row) => row.children.map(plain))
  if (first?.type === 'paragraph') return [[plain(first)]]
  if (first?.type === 'list') return first.children.map((item) => [plain(item)])
  throw new Error(`nothing under ${path.join(' > ')}`)
}

/** A two-column figure table as a map. */
function figures(tree: Root, path: readonly string[]): Record<string, string> {
  return Object.fromEntries(rowsUnder(tree, path).slice(1).map(([k, v]) => [k!, v!]))
}

function tables(tree: Root): Table[] {
  return all(tree).filter((n): n is Table => n.type === 'table')
}

/** Every row of every table has as many cells as its header, and the alignment row agrees. */
function expectWellFormedTables(tree: Root): void {
  for (const t of tables(tree)) {
    const width = t.children[0]!.children.length
    expect(t.align?.length).toBe(width)
    for (const row of t.children) expect(row.children.length).toBe(width)
  }
}

/** Nothing in the document is HTML, a link, an image or any construct the formatter never writes. */
function expectInert(tree: Root): void {
  const written = new Set(['root', 'heading', 'paragraph', 'text', 'inlineCode', 'strong', 'table', 'tableRow', 'tableCell', 'list', 'listItem'])
  for (const node of all(tree)) expect(written, `unexpected ${node.type} node: ${JSON.stringify(node).slice(0, 200)}`).toContain(node.type)
  // GitHub notifies `@login` and `@org/team` in comments: every @ is defused.
  for (const node of all(tree)) if (node.type === 'text') expect(node.value).not.toMatch(/@[A-Za-z0-9]/)
}

/** The shape of a document without its text: node types in order, tables with their cell counts. */
function shape(tree: Root): string[] {
  return all(tree)
    .filter((n) => n.type !== 'text' && n.type !== 'inlineCode')
    .map((n) => (n.type === 'heading' ? `h${n.depth}` : n.type === 'tableRow' ? `row${n.children.length}` : n.type))
}

const now = Date.parse('2026-11-21T12:00:00+01:00')
const range = { from: '2026-09-01', to: '2026-12-31' }
const sha1 = '3f5e9a1c0b7d2e4f6a8b9c0d1e2f3a4b5c6d7e8f'
const sha2 = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

const audit: AuditEntry[] = [
  {
    change: 'CHG-0007',
    file: 'changes/CHG-0007-upgrade-postgres-16-4.yaml',
    requested_by: '@lukas-weber',
    implementer: '@jnowak',
    approved_in: { commit: sha1, pull_request: 41, at: '2026-11-30T10:15:00Z' },
    lead_time_minutes: 2 * 1440 + 125,
    approvals: [
      { login: 'mkeller', submitted_at: '2026-11-30T09:00:00Z' },
      { login: 'tbrandt', submitted_at: '2026-11-30T09:40:00Z' },
    ],
    flags: [],
    notes: [],
  },
  {
    change: 'CHG-0004',
    file: 'changes/CHG-0004-raise-payments-db-pool.yaml',
    requested_by: '@erik-hansen',
    implementer: '@erik-hansen',
    approved_in: { commit: sha2, pull_request: null, at: '2026-09-17T14:00:00Z' },
    lead_time_minutes: 45,
    approvals: null,
    flags: ['approved-outside-pull-request', 'window-before-approval'],
    notes: ['Commit a1b2c3d set the change to approved, but it came from no pull request.', 'The window starts at 2026-09-17T12:40:00+02:00, before the approval.'],
  },
  { change: 'CHG-0013', file: 'changes/CHG-0013-add-warehouse-read-replica.yaml', requested_by: null, implementer: null, approved_in: null, lead_time_minutes: null, approvals: [], flags: ['no-approval-in-history'], notes: ['No commit sets it to approved.'] },
]

describe('formatMarkdownReport over examples/acme', () => {
  let acme: { records: ItsmRecord[]; config: Config }
  let report: ReportData
  let markdown: string
  let tree: Root
  beforeAll(async () => {
    acme = await loadAcme()
    report = buildReport({ records: acme.records, config: acme.config, range, now, audit, source: { commit: sha1, shallow: false } })
    markdown = formatMarkdownReport(report)
    tree = parse(markdown)
  })

  it('is well-formed GFM: a title, the sections in order, tables of full rows, nothing but text', () => {
    const headings = tree.children.filter((n) => n.type === 'heading')
    expect(headings[0]).toMatchObject({ depth: 1 })
    expect(plain(headings[0]!)).toBe('Service management report for acme: 2026-09-01 to 2026-12-31')
    expect(headings.filter((h) => h.depth === 2).map(plain)).toEqual([
      'Summary',
      'Service catalog',
      'SLA compliance',
      'Change calendar',
      'Change metrics',
      'Incidents and problems',
      'Knowledge health',
      'Audit evidence',
    ])
    expectWellFormedTables(tree)
    expectInert(tree)
    expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true)
    expect(markdown).not.toContain('\r')
  })

  it('carries the change figures of the JSON report, as worked out by hand in changes.test.ts', () => {
    const metrics = figures(tree, ['Change metrics'])
    expect(metrics).toMatchObject({ changes: '17', standard: '5', normal: '10', emergency: '2', 'success rate': '77.8 %', 'change failure rate': '9.1 %', 'emergency share': '11.8 %' })
    expect(metrics['success rate']).toBe(formatShare(report.changes.success_rate))
    expect(metrics['change failure rate']).toBe(formatShare(report.changes.change_failure_rate))
    expect(metrics['lead time, mean']).toBe(formatMinutes(report.changes.lead_time.mean_minutes))
    expect(metrics['changes with a lead time']).toBe('2')
    const byMonth = rowsUnder(tree, ['Change metrics', 'By month'])
    expect(byMonth.slice(1)).toEqual(report.changes.by_month.map((m) => [m.month, String(m.total), String(m.standard), String(m.normal), String(m.emergency)]))
    expect(byMonth.slice(1).reduce((n, row) => n + Number(row[1]), 0)).toBe(17)
    expect(rowsUnder(tree, ['Change metrics', 'Unscheduled changes'])).toEqual([['CHG-0005'], ['CHG-0019']])
    const summary = figures(tree, ['Summary'])
    expect(summary).toMatchObject({ changes: '17 (standard 5, normal 10, emergency 2)', 'change success rate': '77.8 %', 'change failure rate': '9.1 %' })
  })

  it('lays out the change calendar by when, with freezes, collisions and maintenance', () => {
    const ids = (when: string): string[] => {
      const rows = rowsUnder(tree, ['Change calendar', when])
      return rows[0]![0] === 'none' ? [] : rows.slice(1).map((r) => r[0]!)
    }
    const windows = report.changes.calendar.windows
    expect(ids('Current windows')).toEqual(['CHG-0014'])
    expect(ids('Upcoming windows')).toEqual(windows.filter((w) => w.when === 'upcoming').map((w) => w.change))
    expect(ids('Past windows')).toEqual(windows.filter((w) => w.when === 'past').map((w) => w.change))
    expect(ids('Current windows').length + ids('Upcoming windows').length + ids('Past windows').length).toBe(windows.length)
    const past = rowsUnder(tree, ['Change calendar', 'Past windows'])
    expect(past.find((r) => r[0] === 'CHG-0001')![1]).toBe('Rotate the www.acme.example edge certificate')
    expect(past.find((r) => r[0] === 'CHG-0004')!.at(-1)).toBe('outside maintenance: payments-api')
    const upcoming = rowsUnder(tree, ['Change calendar', 'Upcoming windows'])
    expect(upcoming.find((r) => r[0] === 'CHG-0007')!.slice(5, 9)).toEqual(['postgres-main, payments-api, checkout-api, auth', '2026-12-13T02:00:00+01:00', '2026-12-13T05:00:00+01:00', 'expected'])
    expect(rowsUnder(tree, ['Change calendar', 'Outside maintenance windows'])).toEqual([['change', 'services'], ['CHG-0004', 'payments-api'], ['CHG-0011', 'auth']])
    expect(rowsUnder(tree, ['Change calendar', 'Collisions'])).toEqual([['none']])
    expect(rowsUnder(tree, ['Change calendar', 'In freeze'])).toEqual([['none']])
    const freezes = rowsUnder(tree, ['Change calendar', 'Freezes'])
    expect(freezes.map((r) => r[0])).toEqual(['freeze', 'Year-end freeze', 'No Friday evening changes to tier-1'])
    expect(freezes[2]!.slice(1, 5)).toEqual(['weekly', report.changes.calendar.freezes.find((f) => f.weekly)!.start, expect.any(String), String(report.changes.calendar.freezes.filter((f) => f.weekly).length)])
  })

  it('carries the incident figures, as worked out by hand in incidents.test.ts', () => {
    const byMonth = rowsUnder(tree, ['Incidents and problems', 'By month'])
    expect(byMonth.slice(1)).toEqual(
      report.incidents.by_month.map((m) => [m.month, String(m.opened), String(m.resolved), formatMinutes(m.mtta_minutes), formatMinutes(m.median_tta_minutes), formatMinutes(m.mttr_minutes), formatMinutes(m.median_ttr_minutes), formatRating(m.satisfaction)]),
    )
    // November: MTTA (4 + 3 + 45) / 3 = 17.3 min, median 4; MTTR 117 min; satisfaction 2.
    expect(byMonth.find((r) => r[0] === '2026-11')).toEqual(['2026-11', '4', '2', '17 min', '4 min', '1 h 57 min', '1 h 57 min', '2.0'])
    expect(byMonth.find((r) => r[0] === '2026-12')).toEqual(['2026-12', '0', '0', '–', '–', '–', '–', '–'])
    expect(rowsUnder(tree, ['Incidents and problems', 'By priority']).slice(1)).toEqual([['P1', '1'], ['P2', '3'], ['P3', '3'], ['P4', '1']])
    expect(Object.fromEntries(rowsUnder(tree, ['Incidents and problems', 'By service']).slice(1))).toEqual(Object.fromEntries(Object.entries(report.incidents.by_service).map(([s, n]) => [s, String(n)])))
    expect(rowsUnder(tree, ['Incidents and problems', 'Overdue postmortems'])).toEqual([['none']])
    expect(rowsUnder(tree, ['Incidents and problems', 'Unfixed problems'])).toEqual([['PRB-0001']])
    const actions = rowsUnder(tree, ['Incidents and problems', 'Open action items']).slice(1)
    expect(actions.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['INC-0002', '2026-12-11', 'no'],
      ['INC-0003', '2027-01-29', 'no'],
      ['INC-0005', '2027-01-29', 'no'],
      ['INC-0005', '2027-02-26', 'no'],
      ['INC-0006', '2026-12-11', 'no'],
    ])
    expect(actions[0]![2]).toBe('@erik-hansen')
  })

  it('carries every SLA entry with an availability target, never rounding availability up', () => {
    const rows = rowsUnder(tree, ['SLA compliance', 'Availability']).slice(1)
    const measured = report.slas.filter((s) => s.availability !== null)
    expect(rows.length).toBe(measured.length)
    measured.forEach((s, i) => {
      const a = s.availability!
      const met = a.actual === null || a.target === null ? '–' : a.actual >= a.target ? 'yes' : 'no'
      expect(rows[i]).toEqual([s.sla, s.service, a.to_date ? `${s.period} (to date)` : s.period, `${a.target} %`, formatAvailability(a.actual), met, formatMinutes(a.downtime_minutes), formatMinutes(a.planned_downtime_minutes)])
      // What the table shows never reads as more than the exact figure.
      if (a.actual !== null) expect(Number.parseFloat(rows[i]![4]!)).toBeLessThanOrEqual(a.actual)
    })
    expect(rows.find((r) => r[0] === 'identity-ola' && r[2] === '2026-10')![5]).toBe('no')
    // now is 21 November: November is measured to date, December not at all yet.
    expect(rows.find((r) => r[0] === 'identity-ola' && r[2] === '2026-11 (to date)')).toBeDefined()
    expect(rows.find((r) => r[0] === 'identity-ola' && r[2] === '2026-12 (to date)')!.slice(4, 6)).toEqual(['–', '–'])
    const breaches = rowsUnder(tree, ['SLA compliance', 'Breaches'])
    expect(breaches.length === 1 ? 0 : breaches.length - 1).toBe(report.sla_breaches.length)
  })

  it('lists the catalog as the JSON does', () => {
    const rows = rowsUnder(tree, ['Service catalog', 'Services'])
    expect(rows[0]).toEqual(['service', 'title', 'owner', 'tier', 'lifecycle', 'depends on', 'used by', 'SLAs', 'runbooks', 'open problems', 'open incidents'])
    expect(rows.slice(1).map((r) => r[0])).toEqual(report.catalog.services.map((s) => s.id))
    const postgres = rows.find((r) => r[0] === 'postgres-main')!
    expect(postgres.slice(2, 7)).toEqual(['@acme/platform', '1', 'live', '–', 'auth, checkout-api, data-warehouse, legacy-reporting, payments-api'])
    expect(rows.find((r) => r[0] === 'payments-api')!.slice(7, 10)).toEqual(['storefront-gold', 'KB-0010, KB-0001', 'PRB-0002'])
    expect(rowsUnder(tree, ['Service catalog', 'By tier']).slice(1)).toEqual([['1', '5'], ['2', '3'], ['3', '3'], ['4', '1']])
    expect(rowsUnder(tree, ['Service catalog', 'Gaps'])).toEqual([['none']])
  })

  it('gives the audit evidence per change: commit and pull request, approvals or why they are unknown, flags and notes', () => {
    const rows = rowsUnder(tree, ['Audit evidence'])
    expect(rows[0]).toEqual(['change', 'approved in', 'pull request', 'requested by', 'implementer', 'approvals', 'lead time', 'flags'])
    const byChange = new Map(rows.slice(1).map((r) => [r[0], r]))
    expect(byChange.get('CHG-0007')).toEqual(['CHG-0007', '3f5e9a1 at 2026-11-30T10:15:00Z', '#41', '@lukas-weber', '@jnowak', 'mkeller at 2026-11-30T09:00:00Z, tbrandt at 2026-11-30T09:40:00Z', '2 d 2 h', 'none'])
    expect(byChange.get('CHG-0004')).toEqual(['CHG-0004', 'a1b2c3d at 2026-09-17T14:00:00Z', 'none', '@erik-hansen', '@erik-hansen', 'not checked (no token)', '45 min', 'approved-outside-pull-request, window-before-approval'])
    expect(byChange.get('CHG-0013')).toEqual(['CHG-0013', 'none', 'none', 'none', 'none', 'none', '–', 'no-approval-in-history'])
    expect(rowsUnder(tree, ['Audit evidence', 'Flag notes'])).toEqual([
      ['CHG-0004 (approved-outside-pull-request): Commit a1b2c3d set the change to approved, but it came from no pull request.'],
      ['CHG-0004 (window-before-approval): The window starts at 2026-09-17T12:40:00+02:00, before the approval.'],
      ['CHG-0013 (no-approval-in-history): No commit sets it to approved.'],
    ])
  })

  it('is deterministic: the same report gives the same bytes, and so does the same input built again', () => {
    expect(formatMarkdownReport(structuredClone(report))).toBe(markdown)
    const again = buildReport({ records: acme.records, config: acme.config, range, now, audit: [...audit].reverse(), source: { commit: sha1, shallow: false } })
    expect(formatMarkdownReport(again)).toBe(markdown)
  })
})

const payloads = [
  '<script>alert(1)</script>',
  'a | b',
  '[x](javascript:alert(1))',
  '![i](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '<https://evil.example>',
  'see https://evil.example and www.evil.example or mail@evil.example',
  '&lt;script&gt; &amp; &#60;b&#62;',
  '`code` **bold** _em_ ~~gone~~ $x^2$ [^1]',
  'first line\nsecond | line\r\n# heading\n\n| x | y |\n| --- | --- |\n```\ncode\n```',
  '@acme/cab please look, @dana',
  '- a list',
  '1. ordered',
  '> quoted',
  '---',
  '    indented code',
  'trailing backslash \\',
  'a\\|b \\<i\\> \\\\[y](javascript:x)',
]

/** `value` with every string replaced by `payload`, but for the enum `when` (so windows still show). */
function poisoned<T>(value: T, payload: string, key?: string): T {
  if (typeof value === 'string') return (key === 'when' ? value : payload) as T
  if (Array.isArray(value)) return value.map((v) => poisoned(v, payload)) as T
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisoned(v, payload, k)])) as T
  return value
}

/** The report with an entry in each list the example leaves empty, so that every table of the format shows. */
function withEveryList(report: ReportData): ReportData {
  const out = structuredClone(report)
  out.sla_breaches = [{ sla: 'storefront-gold', service: 'payments-api', period: '2026-11', incident: 'INC-0005', clock: 'response', priority: 'P2', target_minutes: 60, actual_minutes: 75.5 }]
  out.catalog.gaps = [{ service: 'auth', gap: 'no-runbook', message: 'Tier-1 service auth lists no runbooks.' }]
  out.changes.collisions = [{ changes: ['CHG-0007', 'CHG-0016'], services: ['payments-api', 'postgres-main'] }]
  out.changes.in_freeze = ['CHG-0016']
  out.changes.overdue_reviews = ['CHG-0011']
  out.incidents.overdue_postmortems = ['INC-0003']
  out.knowledge.stale = ['KB-0006']
  out.knowledge.expiring = ['KB-0005']
  out.knowledge.ownerless = ['KB-0009']
  return out
}

function poisonReport(report: ReportData, payload: string): ReportData {
  const out = poisoned(report, payload)
  // The maps keyed by data get hostile keys too.
  const keyed = <V>(map: Record<string, V>): Record<string, V> => Object.fromEntries(Object.values(map).map((v, i) => [`${payload} ${i}`, v]))
  out.catalog.by_tier = keyed(out.catalog.by_tier)
  out.catalog.by_lifecycle = keyed(out.catalog.by_lifecycle)
  out.incidents.by_priority = keyed(out.incidents.by_priority)
  out.incidents.by_service = keyed(out.incidents.by_service)
  out.knowledge.by_owner = keyed(out.knowledge.by_owner)
  return out
}

describe('formatMarkdownReport with hostile text', () => {
  let report: ReportData
  beforeAll(async () => {
    const acme = await loadAcme()
    report = withEveryList(buildReport({ records: acme.records, config: acme.config, range, now, audit, source: { commit: sha1, shallow: true } }))
  })

  it('shows every table when every list has entries', () => {
    const tree = parse(formatMarkdownReport(report))
    expect(rowsUnder(tree, ['SLA compliance', 'Breaches'])).toEqual([
      ['SLA', 'service', 'period', 'incident', 'clock', 'priority', 'target', 'actual'],
      ['storefront-gold', 'payments-api', '2026-11', 'INC-0005', 'response', 'P2', '1 h 00 min', '1 h 16 min'],
    ])
    expect(rowsUnder(tree, ['Change calendar', 'Collisions'])).toEqual([['changes', 'services'], ['CHG-0007, CHG-0016', 'payments-api, postgres-main']])
    // The freezes of an in-freeze change come from its calendar window (none here: the entry is made up).
    expect(rowsUnder(tree, ['Change calendar', 'In freeze'])).toEqual([['change', 'freezes'], ['CHG-0016', '–']])
    expect(rowsUnder(tree, ['Change metrics', 'Overdue emergency reviews'])).toEqual([['CHG-0011']])
    expect(rowsUnder(tree, ['Incidents and problems', 'Overdue postmortems'])).toEqual([['INC-0003']])
    expect(rowsUnder(tree, ['Service catalog', 'Gaps'])).toEqual([['service', 'gap', 'detail'], ['auth', 'no-runbook', 'Tier-1 service auth lists no runbooks.']])
    expect(figures(tree, ['Summary'])).toMatchObject({ 'SLA breaches': '1', 'changes in a freeze': '1', 'change collisions': '1', 'overdue postmortems': '1', 'stale / expiring articles': '1 / 1' })
    expect(rowsUnder(tree, ['Knowledge health']).slice(1).map((r) => r.slice(1))).toEqual([['1', 'KB-0006'], ['1', 'KB-0005'], ['1', 'KB-0009']])
    expect(plain(tree.children[1]!)).toContain('commit 3f5e9a1 (shallow clone')
  })

  it.each(payloads)('renders %j in every place as literal text, the document keeping its shape', (payload) => {
    const tree = parse(formatMarkdownReport(poisonReport(report, payload)))
    expectInert(tree)
    expectWellFormedTables(tree)
    // The same document with harmless text in every place has the same nodes, rows and cells.
    expect(shape(tree)).toEqual(shape(parse(formatMarkdownReport(poisonReport(report, 'plain text')))))
    const literal = payload.replace(/\s+/g, ' ').trim()
    const services = rowsUnder(tree, ['Service catalog', 'Services']).slice(1)
    for (const row of services) expect(row.slice(0, 3)).toEqual([literal, literal, literal])
    expect(plain(tree.children[0]!)).toBe(`Service management report for ${literal}: ${literal} to ${literal}`)
    const notes = rowsUnder(tree, ['Audit evidence', 'Flag notes'])
    expect(notes[0]).toEqual([`${literal} (${literal}): ${literal}`])
    expect(rowsUnder(tree, ['Incidents and problems', 'By priority'])[1]).toEqual([`${literal} 0`, '1'])
  })

  it('renders hostile records read through the whole pipeline as literal text', () => {
    const hostile = [
      record('services/evil.yaml', 'kind: Service', 'id: evil', 'title: "<script>alert(1)</script>"', 'owner: "[x](javascript:alert(1))"', 'tier: 1', 'lifecycle: "a | b"', 'depends_on: ["<b>x</b>"]'),
      record('changes/CHG-0001.yaml', 'kind: Change', 'id: CHG-0001', 'type: normal', 'status: approved', 'title: "line one\\n| CHG-9999 | injected |"', 'services: [evil]', 'requested_by: "@dana"', 'window:', '  start: 2026-11-25T20:00:00+01:00', '  end: 2026-11-25T21:00:00+01:00'),
      record(
        'incidents/INC-0001.yaml',
        'kind: Incident',
        'id: INC-0001',
        'title: x',
        'services: [evil]',
        'priority: P2',
        'status: resolved',
        'opened_at: 2026-11-02T09:14:00Z',
        'resolved_at: 2026-11-02T10:00:00Z',
        'actions:',
        '  - { title: "<img src=x onerror=alert(1)> ![i](https://evil.example/i.png)", owner: "@erik <b>", due: 2026-11-20 }',
      ),
    ]
    const cfg = config({ freeze: [{ name: '<i>Freeze</i> | [f](javascript:f)', start: '2026-11-25T00:00:00+01:00', end: '2026-11-26T00:00:00+01:00' }] })
    const data = buildReport({ records: hostile, config: cfg, range: { from: '2026-11-01', to: '2026-11-30' }, now, audit: [], source: { commit: null, shallow: false } })
    const tree = parse(formatMarkdownReport(data))
    expectInert(tree)
    expectWellFormedTables(tree)
    const service = rowsUnder(tree, ['Service catalog', 'Services'])[1]!
    expect(service.slice(0, 6)).toEqual(['evil', '<script>alert(1)</script>', '[x](javascript:alert(1))', '1', 'a | b', '<b>x</b>'])
    const window = rowsUnder(tree, ['Change calendar', 'Upcoming windows'])
    expect(window.length).toBe(2)
    expect(window[1]!.slice(0, 2)).toEqual(['CHG-0001', 'line one | CHG-9999 | injected |'])
    expect(window[1]!.at(-1)).toBe('in freeze: <i>Freeze</i> | [f](javascript:f)')
    expect(rowsUnder(tree, ['Change calendar', 'In freeze'])).toEqual([['change', 'freezes'], ['CHG-0001', '<i>Freeze</i> | [f](javascript:f)']])
    expect(rowsUnder(tree, ['Change calendar', 'Freezes'])[1]![0]).toBe('<i>Freeze</i> | [f](javascript:f)')
    const action = rowsUnder(tree, ['Incidents and problems', 'Open action items'])[1]!
    expect(action).toEqual(['INC-0001', '<img src=x onerror=alert(1)> ![i](https://evil.example/i.png)', '@erik <b>', '2026-11-20', 'yes'])
  })
})

describe('formatMarkdownReport of an empty repository', () => {
  it('says none where a list is empty, instead of an empty table', () => {
    const data = buildReport({ records: [], config: config(), range: { from: '2026-11-01', to: '2026-11-30' }, now, audit: [], source: { commit: null, shallow: false } })
    const markdown = formatMarkdownReport(data)
    const tree = parse(markdown)
    expectInert(tree)
    expectWellFormedTables(tree)
    const empty = [
      ['Service catalog', 'By tier'],
      ['Service catalog', 'Services'],
      ['Service catalog', 'Gaps'],
      ['SLA compliance', 'Availability'],
      ['SLA compliance', 'Breaches'],
      ['Change calendar', 'Current windows'],
      ['Change calendar', 'Upcoming windows'],
      ['Change calendar', 'Past windows'],
      ['Change calendar', 'Freezes'],
      ['Incidents and problems', 'By priority'],
      ['Incidents and problems', 'Open action items'],
      ['Incidents and problems', 'Unfixed problems'],
      ['Knowledge health', 'By owner'],
      ['Audit evidence'],
      ['Audit evidence', 'Flag notes'],
    ]
    for (const path of empty) expect(rowsUnder(tree, path), path.join(' > ')).toEqual([['none']])
    // Tables of figures keep their rows: no data reads as a dash.
    expect(figures(tree, ['Change metrics'])).toMatchObject({ changes: '0', 'success rate': '–', 'lead time, median': '–' })
    expect(rowsUnder(tree, ['Incidents and problems', 'By month'])).toEqual([
      ['month', 'opened', 'resolved', 'MTTA mean', 'MTTA median', 'MTTR mean', 'MTTR median', 'satisfaction'],
      ['2026-11', '0', '0', '–', '–', '–', '–', '–'],
    ])
    expect(plain(tree.children[0]!)).toBe('Service management report: 2026-11-01 to 2026-11-30')
  })
})
