import GithubSlugger from 'github-slugger'
import { resolveLink } from '../../../links/resolve-link.js'
import { escapeHtml } from './escape.js'
import { decodeEntities, escapeAttribute, htmlTokens, type HtmlAttribute } from './html-tokens.js'
import type { ArticlePage } from './site-context.js'

/** GitHub's prefix for ids from user content, so a document cannot clobber the page's own ids. */
const PREFIX = 'user-content-'

export interface ArticleHtml {
  /** The body, sanitized, with heading ids; a leading level-1 heading repeating the title is left out. */
  html: string
  /** The id of the heading left out, to put on the page's own `<h1>`. */
  titleId: string | undefined
}

/**
 * An article's sanitized body (ArticleSource.html) as it shows on its page under `kb/`: links to other articles'
 * files lead to their pages (anchors kept, as GitHub's heading slugs), links into the article itself stay on the
 * page, links to other files of the repository keep their text but lose the link (the site has no page for them),
 * and images are dropped to their alt text, since the site loads nothing (its policy allows no image but `data:`).
 * Headings get GitHub's ids; table headers a scope. The body was sanitized before: this only rewrites link targets
 * that survived sanitization, to values it builds itself or drops, and replaces tags with ones it writes, escaped.
 */
export function articleHtml(article: ArticlePage, byFile: ReadonlyMap<string, ArticlePage>): ArticleHtml {
  /** A link target on the site, or undefined for none. */
  const linkTarget = (url: string): string | undefined => {
    const target = resolveLink(article.file, url)
    if (target.type === 'external') return url.startsWith('#') ? `#${PREFIX}${url.slice(1).toLowerCase()}` : url
    if (target.type === 'outside') return undefined
    const fragment = target.anchor === undefined ? '' : `#${PREFIX}${encodeURIComponent(target.anchor.toLowerCase())}`
    if (target.path === article.file) return fragment || '#'
    const page = byFile.get(target.path)
    return page ? `${page.path.slice('kb/'.length)}${fragment}` : undefined
  }
  const slugger = new GithubSlugger()
  let titleId: string | undefined
  let first = true
  let out = ''
  /** The heading being read: where its content starts in `out`, and its text so far. */
  let heading: { level: string; at: number; text: string } | undefined
  for (const token of htmlTokens(article.html)) {
    if (token.type === 'text') {
      out += token.raw
      if (heading) heading.text += token.raw
    } else if (token.type === 'end') {
      if (heading && token.name === `h${heading.level}`) {
        const { level, at } = heading
        const text = decodeEntities(heading.text)
        const id = `${PREFIX}${slugger.slug(text)}`
        const isTitle = first && level === '1' && sameText(text, article.title)
        first = false
        heading = undefined
        const inner = out.slice(at)
        out = out.slice(0, at)
        if (isTitle) titleId = escapeHtml(id)
        else out += `<h${level} id="${escapeHtml(id)}">${inner}</h${level}>`
      } else out += token.raw
    } else if (/^h[1-6]$/.test(token.name) && token.attributes.length === 0 && !heading) {
      heading = { level: token.name.slice(1), at: out.length, text: '' }
    } else if (token.name === 'a') {
      out += linkTag(token.attributes, linkTarget)
    } else if (token.name === 'img') {
      out += imageAsText(token.attributes)
    } else if (token.name === 'th') {
      // GFM table headers are column headers; say so for screen readers.
      out += `<th scope="col"${token.raw.slice('<th'.length)}`
    } else out += token.raw
  }
  if (heading) out = `${out.slice(0, heading.at)}<h${heading.level}>${out.slice(heading.at)}`
  return { html: out.trim(), titleId }
}

/** An `<a>` with its `href` led to the site's page for it, or without `href` (its text stays) when there is none. */
function linkTag(attributes: readonly HtmlAttribute[], linkTarget: (url: string) => string | undefined): string {
  let tag = '<a'
  for (const a of attributes) {
    if (a.name !== 'href' || a.value === undefined) tag += a.raw
    else {
      const url = decodeEntities(a.value)
      const target = linkTarget(url)
      if (target === url) tag += a.raw
      else if (target !== undefined) tag += ` href="${escapeAttribute(target)}"`
    }
  }
  return `${tag}>`
}

/** An `<img>` as its alt text, so the page shows words rather than a broken image. */
function imageAsText(attributes: readonly HtmlAttribute[]): string {
  const alt = attributes.find((a) => a.name === 'alt')?.value
  const text = alt === undefined ? '' : decodeEntities(alt).trim()
  return `<span class="muted">[image${text ? `: ${escapeHtml(text)}` : ''}]</span>`
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase()
  return norm(a) === norm(b)
}
