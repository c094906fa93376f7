import { auditedChanges, buildReport, rangeInstants, type ReportData } from '../../src/report/build.js'
import { markdownToSafeHtml } from '../../src/parse/markdown-html.js'
import type { AuditEntry } from '../../src/report/audit.js'
import type { ArticleSource } from '../../src/report/format/html/index.js'
import { loadAcme, record } from './report-records.js'

export const XSS = '<script>alert(1)</script>'

const range = { from: '2026-09-01', to: '2026-12-31' }
const now = Date.parse('2026-11-21T12:00:00+01:00')

/** Records written by an attacker: titles, owners, links and notes that would run if they were not escaped. */
const hostile = [
  record('services/xss-svc.yaml', 'kind: Service', 'id: xss-svc', `title: "${XSS}"`, `description: "a \\"quoted\\" <b>bold</b> & more"`, `owner: "@acme/x\\" onmouseover=\\"alert(1)"`, 'tier: 3', 'lifecycle: live', 'links: { evil: "javascript:alert(1)", spaced: " javascript:alert(1)", data: "data:text/html,<script>alert(1)</script>", ok: "https://example.com/?a=1&b=\\"2\\"" }'),
  record('changes/CHG-0900.yaml', 'kind: Change', 'id: CHG-0900', `title: "${XSS}"`, 'type: normal', 'status: approved', 'services: [xss-svc]', 'requested_by: "@mallory"', 'risk: low', 'window: { start: 2026-12-05T20:00:00+01:00, end: 2026-12-05T21:00:00+01:00 }'),
  record('incidents/INC-0900.yaml', 'kind: Incident', 'id: INC-0900', `title: "${XSS}"`, 'services: [xss-svc]', 'priority: P3', 'status: resolved', 'opened_at: 2026-11-10T10:00:00+01:00', 'acknowledged_at: 2026-11-10T10:30:00+01:00', 'resolved_at: 2026-11-10T12:00:00+01:00', `actions: [{ title: "${XSS}", owner: "@mallory", due: 2026-11-12, done: false }]`),
]

/** An article as `gitsm report` gives it to the site: its body rendered from the validation's parse. */
export function articleSource(id: string, title: string, file: string, markdown: string): ArticleSource {
  return { id, title, file, html: markdownToSafeHtml(markdown) }
}

/** An article written by an attacker: the Markdown behind the hostile article page. */
export const hostileMarkdown = [
  '---',
  'kind: Article',
  'id: KB-0900',
  `title: "${XSS}"`,
  '---',
  '',
  `# ${XSS}`,
  '',
  '<script>alert(2)</script>',
  '',
  '[click me](javascript:alert(1)) and [pool exhaustion causes](KB-0001-payments-api-pool-exhaustion.md#cause) and [top](#symptoms)',
  '',
  '![tracker](https://tracker.example/pixel.png) [problem](../problems/PRB-0002.md)',
  '',
  '## Symptoms',
  '',
  '<img src=x onerror=alert(3)> <a href="javascript:alert(4)">raw</a>',
].join('\n')

const hostileArticle = articleSource('KB-0900', XSS, 'kb/KB-0900-hostile.md', hostileMarkdown)

/** Audit evidence as the git and GitHub readers would give it, with every kind of entry a page must show. */
function auditOf(changes: readonly { id: string; file: string; data: Record<string, unknown> }[]): AuditEntry[] {
  return changes.map((c, i): AuditEntry => {
    const requester = typeof c.data.requested_by === 'string' ? c.data.requested_by : null
    const hostileOne = c.id === 'CHG-0900'
    const flags = hostileOne ? ['separation-of-duties'] : i % 5 === 2 ? ['window-before-approval'] : i % 7 === 3 ? ['approved-outside-pull-request', 'edited-after-approval'] : []
    return {
      change: c.id,
      file: c.file,
      requested_by: requester,
      implementer: typeof c.data.implementer === 'string' ? c.data.implementer : null,
      approved_in: i % 6 === 5 ? null : { commit: `${(i + 10).toString(16).padStart(2, '0')}`.repeat(20), pull_request: flags.includes('approved-outside-pull-request') ? null : 100 + i, at: `2026-${String(9 + (i % 3)).padStart(2, '0')}-0${1 + (i % 8)}T10:00:00Z` },
      lead_time_minutes: i % 6 === 5 ? null : 600 + i * 97,
      approvals: i % 4 === 1 ? null : hostileOne ? [{ login: '@mallory', submitted_at: '2026-11-20T09:00:00Z' }] : [{ login: '@mkeller', submitted_at: '2026-10-01T09:00:00Z' }],
      flags,
      notes: flags.map((f) => (hostileOne ? `${XSS} approved their own change (${f}).` : `The change is flagged ${f}.`)),
    }
  })
}

/** The bundled example plus the hostile records, as `gitsm report --from 2026-09-01 --to 2026-12-31` would see it. */
export async function acmeSite(): Promise<{ report: ReportData; articles: ArticleSource[] }> {
  const acme = await loadAcme()
  const records = [...acme.records, ...hostile]
  const config = { ...acme.config, organization: XSS }
  const changes = auditedChanges(records, rangeInstants(range, config.timezone)).map((c) => ({ id: c.id, file: c.file, data: c.data }))
  const report = buildReport({ records, config, range, now, audit: auditOf(changes), source: { commit: '0123456789abcdef0123456789abcdef01234567', shallow: false } })
  const articles: ArticleSource[] = [hostileArticle]
  for (const r of acme.records) {
    if (r.kind !== 'Article' || r.id === undefined) continue
    // As `gitsm report` does: the HTML the validation rendered from its own parse.
    if (r.safeHtml === undefined) throw new Error(`${r.file}: the validation rendered no HTML`)
    articles.push({ id: r.id, title: typeof r.data.title === 'string' ? r.data.title : r.id, file: r.file, html: r.safeHtml })
  }
  return { report, articles }
}
