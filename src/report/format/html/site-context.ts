import { normalizeId } from '../../../lint/record-index.js'
import type { ReportData } from '../../build.js'
import { compare } from '../../record-facts.js'
import { anchorId, escapeHtml } from './escape.js'

/** A knowledge article as the report site shows it. */
export interface ArticleSource {
  id: string
  title: string
  /** Repository-relative path, forward slashes. */
  file: string
  /**
   * The body as sanitized HTML, links and image sources as written (mdastToSafeHtml, or markdownToSafeHtml of the
   * whole file): the article page maps links to other articles' files to their pages.
   */
  html: string
}

/** An article with the site path of its page (`kb/KB-0007.html`). */
export interface ArticlePage extends ArticleSource {
  path: string
}

/** What every page renders from: the figures, the article pages, and the links between records. */
export interface SiteContext {
  report: ReportData
  /** Sorted by id, then file. */
  articles: readonly ArticlePage[]
  /** From a page to the site root: '' or '../'. */
  root: string
  /** An article id as a link to its page, or as text when it has none. */
  article(id: string): string
  /** A change id as a link to its row in the schedule, else in the audit, else as text. */
  change(id: string): string
  /** A service id as a link to its row in the catalog, else as text. */
  service(id: string): string
  /** The same context as seen from a page `root` away from the site root. */
  from(root: string): SiteContext
}

/**
 * The site's articles with their page paths: one page per article, named after its id with anything but letters,
 * digits, `-`, `_` and `.` replaced, never a path outside `kb/`; a second article with the same name gets `-2`.
 */
export function articlePages(articles: readonly ArticleSource[]): ArticlePage[] {
  const taken = new Set<string>()
  return [...articles]
    .sort((a, b) => compare(a.id, b.id) || compare(a.file, b.file))
    .map((a) => {
      const base = a.id.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_') || '_'
      let name = base
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`
      taken.add(name.toLowerCase())
      return { ...a, path: `kb/${name}.html` }
    })
}

export function siteContext(report: ReportData, articles: readonly ArticlePage[], root = ''): SiteContext {
  const byId = new Map<string, ArticlePage>()
  for (const a of articles) if (!byId.has(normalizeId(a.id))) byId.set(normalizeId(a.id), a)
  const canonical = (ids: readonly string[]): Map<string, string> => new Map(ids.map((id) => [normalizeId(id), id]))
  const scheduled = canonical(report.changes.calendar.windows.map((w) => w.change))
  const audited = canonical(report.audit.map((a) => a.change))
  const services = canonical(report.catalog.services.map((s) => s.id))
  const link = (href: string, id: string): string => `<a href="${root}${href}">${escapeHtml(id)}</a>`
  return {
    report,
    articles,
    root,
    article: (id) => {
      const page = byId.get(normalizeId(id))
      return page ? link(page.path, id) : escapeHtml(id)
    },
    change: (id) => {
      const inSchedule = scheduled.get(normalizeId(id))
      if (inSchedule !== undefined) return link(`changes.html#${anchorId('change', inSchedule)}`, id)
      const inAudit = audited.get(normalizeId(id))
      return inAudit !== undefined ? link(`audit.html#${anchorId('audit', inAudit)}`, id) : escapeHtml(id)
    },
    service: (id) => {
      const known = services.get(normalizeId(id))
      return known !== undefined ? link(`catalog.html#${anchorId('service', known)}`, id) : escapeHtml(id)
    },
    from: (other) => siteContext(report, articles, other),
  }
}
