import type { CatalogService } from '../../catalog.js'
import { anchorId, escapeHtml, httpUrl } from './escape.js'
import { cards, list, orDash, pageHeading, table, tag, textList } from './parts.js'
import type { SiteContext } from './site-context.js'
import { compare } from '../../record-facts.js'

const gapText: Record<string, string> = {
  'no-sla': 'no SLA',
  'no-runbook': 'no runbook',
  'no-owner': 'no owner',
  'depends-on-retired': 'depends on a retired service',
}

/** `catalog.html`: every service with owners, dependencies both ways, SLAs, runbooks, open work, and the gaps. */
export function catalogPage(ctx: SiteContext): string {
  const { catalog } = ctx.report
  const counts = (record: Record<string, number>, name: (key: string) => string): string =>
    Object.entries(record).map(([k, n]) => `${escapeHtml(name(k))}: ${n}`).join(' · ') || '–'
  const gaps = (s: CatalogService): string => (s.gaps.length === 0 ? orDash(null) : s.gaps.map((g) => tag(gapText[g] ?? g, 'warn')).join(' '))
  return [
    pageHeading('Service catalog', 'Every service, who owns it, what it depends on and what depends on it, the agreements that cover it, and its open problems and incidents.'),
    cards([
      { label: 'Services', value: String(catalog.services.length), subHtml: counts(catalog.by_tier, (k) => (k === 'none' ? 'no tier' : `tier ${k}`)) },
      { label: 'Live', value: String(catalog.by_lifecycle.live ?? 0), subHtml: counts(catalog.by_lifecycle, (k) => k) },
      { label: 'Catalog gaps', value: String(catalog.gaps.length), subHtml: 'tier 1 without SLA or runbook, no owner, retired dependency', tone: catalog.gaps.length > 0 ? 'warn' : 'ok' },
    ]),
    '<h2 id="services">Services</h2>',
    table({
      caption: 'Services by tier, then id',
      columns: [{ label: 'Service' }, { label: 'Title' }, { label: 'Tier', numeric: true }, { label: 'Lifecycle' }, { label: 'Owner' }, { label: 'SLAs' }, { label: 'Runbooks' }, { label: 'Open problems' }, { label: 'Open incidents' }, { label: 'Gaps' }],
      rows: catalog.services.map((s) => [
        `<a href="#${anchorId('service', s.id)}">${escapeHtml(s.id)}</a>`,
        escapeHtml(s.title),
        orDash(s.tier),
        s.lifecycle === 'retired' ? tag('retired') : orDash(s.lifecycle),
        orDash(s.owner),
        textList(s.slas),
        list(s.runbooks.map(ctx.article)),
        textList(s.open_problems),
        textList(s.open_incidents),
        gaps(s),
      ]),
      empty: 'No services in the catalog.',
    }),
    '<h2 id="gaps">Gaps</h2>',
    table({
      caption: 'What services lack',
      columns: [{ label: 'Service' }, { label: 'Gap' }, { label: 'Why it matters' }],
      rows: catalog.gaps.map((g) => [ctx.service(g.service), tag(gapText[g.gap] ?? g.gap, 'warn'), escapeHtml(g.message)]),
      empty: 'No gaps: every tier-1 service has an SLA and a runbook, every service an owner, no service in use depends on a retired one.',
    }),
    '<h2 id="details">Service details</h2>',
    `<div class="svcs">\n${catalog.services.map((s) => detail(ctx, s)).join('\n')}\n</div>`,
  ].join('\n')
}

/** One service as a card: its description, then every relation as a definition list. */
function detail(ctx: SiteContext, s: CatalogService): string {
  const rows: [string, string][] = [
    ['Owner', orDash(s.owner)],
    ['Tier', `${orDash(s.tier)} · ${orDash(s.lifecycle)}`],
    ['Support hours', orDash(s.support_hours)],
    ['Depends on', list(s.depends_on.map(ctx.service))],
    ['Used by', list(s.depended_on_by.map(ctx.service))],
    ['SLAs', textList(s.slas)],
    ['Runbooks', list(s.runbooks.map(ctx.article))],
    ['Maintenance', s.maintenance_windows.length === 0 ? orDash(null) : s.maintenance_windows.map(escapeHtml).join('<br>')],
    ['Links', links(s)],
  ]
  const dl = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')
  return `<section class="svc" id="${anchorId('service', s.id)}" aria-labelledby="${anchorId('service-title', s.id)}"><h3 id="${anchorId('service-title', s.id)}">${escapeHtml(s.title)} <span class="mono muted">${escapeHtml(s.id)}</span></h3>${s.description ? `<p>${escapeHtml(s.description)}</p>` : ''}<dl class="kv">${dl}</dl></section>`
}

/** A service's links: only absolute http(s) URLs become links; anything else is named but not linked. */
function links(service: CatalogService): string {
  const entries = Object.entries(service.links).sort(([a], [b]) => compare(a, b))
  return list(
    entries.map(([name, url]) => {
      const safe = httpUrl(url)
      return safe ? `<a href="${escapeHtml(safe)}" rel="noopener noreferrer">${escapeHtml(name)}</a>` : `${escapeHtml(name)} <span class="muted">(not an http(s) link)</span>`
    }),
  )
}
