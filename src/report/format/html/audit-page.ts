import type { AuditEntry } from '../../audit.js'
import { formatMinutes } from '../units.js'
import { anchorId, escapeHtml } from './escape.js'
import { cards, formatTimestamp, list, orDash, pageHeading, table, tag } from './parts.js'
import type { SiteContext } from './site-context.js'
import { compare } from '../../record-facts.js'

/** `audit.html`: per change, who asked, who approved in which commit and pull request, and what looks wrong. */
export function auditPage(ctx: SiteContext): string {
  const { audit } = ctx.report
  const flagged = audit.filter((a) => a.flags.length > 0)
  const unchecked = audit.filter((a) => a.approvals === null)
  const byFlag = new Map<string, string[]>()
  for (const a of audit) for (const f of a.flags) byFlag.set(f, [...(byFlag.get(f) ?? []), a.change])
  const flags = [...byFlag].sort(([a], [b]) => compare(a, b))
  const lead = ctx.report.changes.lead_time
  return [
    pageHeading('Audit', 'The evidence for each change of the period: the commit and pull request that approved it, who requested, implemented and approved it, and the flags an auditor would raise.'),
    cards([
      { label: 'Changes audited', value: String(audit.length), subHtml: `${audit.filter((a) => a.approved_in !== null).length} with an approving commit` },
      { label: 'Flagged', value: String(flagged.length), subHtml: `${flags.length} kinds of flag`, tone: flagged.length > 0 ? 'bad' : 'ok' },
      { label: 'Approvals not checked', value: String(unchecked.length), subHtml: 'read without a GitHub token', ...(unchecked.length > 0 ? { tone: 'warn' as const } : {}) },
      { label: 'Lead time (median)', value: formatMinutes(lead.median_minutes), subHtml: `mean ${formatMinutes(lead.mean_minutes)} · ${lead.changes} changes` },
    ]),
    '<h2 id="flags">Flags</h2>',
    table({
      caption: 'Flags raised, with the changes that raised them',
      columns: [{ label: 'Flag' }, { label: 'Changes', numeric: true }, { label: 'Which' }],
      rows: flags.map(([flag, changes]) => [tag(flag, 'bad'), String(changes.length), list(changes.map((c) => `<a href="#${anchorId('audit', c)}">${escapeHtml(c)}</a>`))]),
      empty: 'No flags: every change was approved in a pull request, before its window, by someone else than its requester.',
    }),
    '<h2 id="changes">Changes</h2>',
    table({
      caption: 'Approval evidence per change',
      columns: [{ label: 'Change' }, { label: 'Flags and notes' }, { label: 'Approved in' }, { label: 'Requested by' }, { label: 'Implementer' }, { label: 'Approvals' }, { label: 'Lead time', numeric: true }],
      rows: audit.map((a) => [
        `${ctx.change(a.change)}<span class="path">${escapeHtml(a.file)}</span>`,
        flagCell(a),
        approvedIn(a),
        orDash(a.requested_by),
        orDash(a.implementer),
        approvals(a),
        formatMinutes(a.lead_time_minutes),
      ]),
      rowId: (i) => anchorId('audit', audit[i]!.change),
      bad: (i) => audit[i]!.flags.length > 0,
      empty: 'No changes of the period to audit.',
    }),
  ].join('\n')
}

function approvedIn(a: AuditEntry): string {
  if (a.approved_in === null) return '<span class="muted">no approving commit found</span>'
  const { commit, pull_request: pr, at } = a.approved_in
  return `commit <span class="mono">${escapeHtml(commit.slice(0, 12))}</span><br>${pr === null ? '<span class="muted">no pull request</span>' : `pull request #${escapeHtml(pr)}`}<br><span class="nw muted">${escapeHtml(formatTimestamp(at))}</span>`
}

function approvals(a: AuditEntry): string {
  if (a.approvals === null) return '<span class="muted">not checked without a token</span>'
  if (a.approvals.length === 0) return tag('none', 'bad')
  return a.approvals.map((p) => `${escapeHtml(p.login)} <span class="nw muted">${escapeHtml(formatTimestamp(p.submitted_at))}</span>`).join('<br>')
}

function flagCell(a: AuditEntry): string {
  if (a.flags.length === 0 && a.notes.length === 0) return '<span class="muted">–</span>'
  const notes = a.notes.length > 0 ? `<ul class="notes">${a.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''
  return `${a.flags.map((f) => tag(f, 'bad')).join(' ')}${notes}`
}
