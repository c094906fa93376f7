import type { ReportData } from '../../build.js'
import { articlePage } from './article-page.js'
import { auditPage } from './audit-page.js'
import { catalogPage } from './catalog-page.js'
import { changesPage } from './changes-page.js'
import { incidentsPage } from './incidents-page.js'
import { knowledgePage } from './knowledge-page.js'
import { type PageKey, renderPage, sitePages } from './layout.js'
import { overviewPage } from './overview-page.js'
import { type ArticlePage, type ArticleSource, articlePages, type SiteContext, siteContext } from './site-context.js'
import { slasPage } from './slas-page.js'

export type { ArticleSource } from './site-context.js'
export { contentSecurityPolicy } from './layout.js'

const pages: Record<PageKey, { title: string; render: (ctx: SiteContext) => string }> = {
  overview: { title: 'Overview', render: overviewPage },
  catalog: { title: 'Service catalog', render: catalogPage },
  slas: { title: 'Service level agreements', render: slasPage },
  changes: { title: 'Changes', render: changesPage },
  incidents: { title: 'Incidents', render: incidentsPage },
  knowledge: { title: 'Knowledge base', render: knowledgePage },
  audit: { title: 'Audit', render: auditPage },
}

/**
 * The static HTML report site: relative path (forward slashes) → file content. Seven top-level pages (`index.html`,
 * `catalog.html`, `slas.html`, `changes.html`, `incidents.html`, `knowledge.html`, `audit.html`) and one page per
 * article under `kb/`. Every page stands alone: inline style allowed by hash in its Content-Security-Policy, inline
 * SVG charts, no scripts, nothing fetched, relative links only; every record field is escaped. Pure and
 * deterministic: the same report and articles give the same bytes, in the same order.
 */
export function renderHtmlSite(report: ReportData, articles: readonly ArticleSource[]): Map<string, string> {
  const listed = articlePages(articles)
  const ctx = siteContext(report, listed)
  const site = new Map<string, string>()
  for (const { key, file } of sitePages) {
    const page = pages[key]
    site.set(file, renderPage({ report, section: key, title: page.title, root: '', body: page.render(ctx) }))
  }
  const kb = ctx.from('../')
  const byFile = new Map<string, ArticlePage>()
  for (const a of listed) if (!byFile.has(a.file)) byFile.set(a.file, a)
  for (const article of listed) {
    site.set(article.path, renderPage({ report, section: 'knowledge', title: `${article.id} ${article.title}`, root: '../', body: articlePage(kb, article, byFile) }))
  }
  return site
}
