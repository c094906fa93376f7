import { normalizeId } from '../../../lint/record-index.js'
import { escapeHtml } from './escape.js'
import { cards, list, pageHeading, table, tag } from './parts.js'
import type { SiteContext } from './site-context.js'
import { compare } from '../../record-facts.js'

/** `knowledge.html`: review health (stale, expiring, ownerless), articles per owner, and every article's page. */
export function knowledgePage(ctx: SiteContext): string {
  const { knowledge } = ctx.report
  const stale = new Set(knowledge.stale.map(normalizeId))
  const expiring = new Set(knowledge.expiring.map(normalizeId))
  const ownerless = new Set(knowledge.ownerless.map(normalizeId))
  const owners = Object.entries(knowledge.by_owner).sort(([a], [b]) => compare(a, b))
  return [
    pageHeading('Knowledge base', 'Review health of the articles as of the report&#39;s date: stale articles are past their review date, expiring ones reach it soon.'),
    cards([
      { label: 'Articles', value: String(ctx.articles.length), subHtml: `${owners.length} owners` },
      { label: 'Stale', value: String(knowledge.stale.length), subHtml: 'past their review date', ...(knowledge.stale.length > 0 ? { tone: 'bad' as const } : { tone: 'ok' as const }) },
      { label: 'Expiring', value: String(knowledge.expiring.length), subHtml: 'review due soon', ...(knowledge.expiring.length > 0 ? { tone: 'warn' as const } : {}) },
      { label: 'Without owner or service', value: String(knowledge.ownerless.length), subHtml: 'nobody to keep them true', ...(knowledge.ownerless.length > 0 ? { tone: 'warn' as const } : {}) },
    ]),
    '<h2 id="review">Review</h2>',
    `<p><b>Stale:</b> ${list(knowledge.stale.map(ctx.article))}</p>`,
    `<p><b>Expiring:</b> ${list(knowledge.expiring.map(ctx.article))}</p>`,
    `<p><b>Without owner or service:</b> ${list(knowledge.ownerless.map(ctx.article))}</p>`,
    '<h2 id="owners">By owner</h2>',
    table({
      caption: 'Articles per owner (retired articles not counted)',
      columns: [{ label: 'Owner' }, { label: 'Articles', numeric: true }, { label: 'Stale', numeric: true }, { label: 'Expiring', numeric: true }],
      rows: owners.map(([owner, t]) => [owner === 'none' ? '<span class="muted">no owner</span>' : escapeHtml(owner), String(t.articles), String(t.stale), String(t.expiring)]),
      bad: (i) => owners[i]![1].stale > 0,
      empty: 'No articles.',
    }),
    '<h2 id="articles">Articles</h2>',
    table({
      caption: 'Every article, by id',
      columns: [{ label: 'Article' }, { label: 'Title' }, { label: 'File' }, { label: 'Review' }],
      rows: ctx.articles.map((a) => {
        const key = normalizeId(a.id)
        const state = [...(stale.has(key) ? [tag('stale', 'bad')] : []), ...(expiring.has(key) ? [tag('expiring', 'warn')] : []), ...(ownerless.has(key) ? [tag('no owner or service', 'warn')] : [])]
        return [`<a href="${a.path}">${escapeHtml(a.id)}</a>`, `<a href="${a.path}">${escapeHtml(a.title)}</a>`, `<span class="mono">${escapeHtml(a.file)}</span>`, state.join(' ') || tag('current', 'ok')]
      }),
      empty: 'No articles.',
    }),
  ].join('\n')
}
