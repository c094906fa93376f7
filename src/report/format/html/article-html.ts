import GithubSlugger from 'github-slugger'
import { resolveLink } from '../../../links/resolve-link.js'
import { markdownToSafeHtml } from '../../../parse/markdown-html.js'
import { escapeHtml } from './escape.js'
import type { ArticlePage } from './site-context.js'

/** What a link becomes when the site has no page for its target: the sanitizer drops an unknown scheme, so the link text stays and the link goes. */
const UNLINKED = 'gitsm-unlinked:'

/** GitHub's prefix for ids from user content, so a document cannot clobber the page's own ids. */
const PREFIX = 'user-content-'

export interface ArticleHtml {
  /** The body, sanitized, with heading ids; a leading level-1 heading repeating the title is left out. */
  html: string
  /** The id of the heading left out, to put on the page's own `<h1>`. */
  titleId: string | undefined
}

/**
 * An article's Markdown as safe HTML for its page under `kb/`: links to other articles' files lead to their pages
 * (anchors kept, as GitHub's heading slugs), links into the article itself stay on the page, links to other files of
 * the repository keep their text but lose the link (the site has no page for them), and images are dropped to their
 * alt text, since the site loads nothing (its policy allows no image but `data:` and the sanitizer drops `data:`).
 */
export function articleHtml(article: ArticlePage, byFile: ReadonlyMap<string, ArticlePage>): ArticleHtml {
  const rewriteUrl = (url: string, element: 'a' | 'img'): string => {
    if (element === 'img') return UNLINKED
    const target = resolveLink(article.file, url)
    if (target.type === 'external') return url.startsWith('#') ? `#${PREFIX}${url.slice(1).toLowerCase()}` : url
    if (target.type === 'outside') return UNLINKED
    const fragment = target.anchor === undefined ? '' : `#${PREFIX}${encodeURIComponent(target.anchor.toLowerCase())}`
    if (target.path === article.file) return fragment || '#'
    const page = byFile.get(target.path)
    return page ? `${page.path.slice('kb/'.length)}${fragment}` : UNLINKED
  }
  const slugger = new GithubSlugger()
  let titleId: string | undefined
  let first = true
  const html = markdownToSafeHtml(article.markdown, { rewriteUrl }).replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
    const id = `${PREFIX}${slugger.slug(decodeEntities(inner.replace(/<[^>]*>/g, '')))}`
    const isTitle = first && level === '1' && sameText(decodeEntities(inner.replace(/<[^>]*>/g, '')), article.title)
    first = false
    if (isTitle) {
      titleId = escapeHtml(id)
      return ''
    }
    return `<h${level} id="${escapeHtml(id)}">${inner}</h${level}>`
  })
  // GFM table headers are column headers; say so for screen readers.
  return { html: imagesAsText(html).replace(/<th(?=[\s>])/g, '<th scope="col"').trim(), titleId }
}

/** `<img alt="…">` (its source dropped) as its alt text, so the page shows words rather than a broken image. */
function imagesAsText(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => {
    const alt = /\balt="([^"]*)"/.exec(tag)?.[1]
    const text = alt === undefined ? '' : decodeEntities(alt).trim()
    return `<span class="muted">[image${text ? `: ${escapeHtml(text)}` : ''}]</span>`
  })
}

/** Decodes the character references rehype-stringify writes (`&#x3C;`, `&#x26;`, and the few named ones). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : undefined
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    return named[name!.toLowerCase()] ?? whole
  })
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase()
  return norm(a) === norm(b)
}
