import { normalizeId } from '../../../lint/record-index.js'
import { articleHtml } from './article-html.js'
import { escapeHtml } from './escape.js'
import { tag } from './parts.js'
import type { ArticlePage, SiteContext } from './site-context.js'

/** `kb/<ID>.html`: one article, rendered from its Markdown, with its review state. `ctx` is seen from `kb/`. */
export function articlePage(ctx: SiteContext, article: ArticlePage, byFile: ReadonlyMap<string, ArticlePage>): string {
  const { knowledge } = ctx.report
  const key = normalizeId(article.id)
  const has = (ids: readonly string[]): boolean => ids.some((id) => normalizeId(id) === key)
  const state = [
    ...(has(knowledge.stale) ? [tag('stale: past its review date', 'bad')] : []),
    ...(has(knowledge.expiring) ? [tag('review due soon', 'warn')] : []),
    ...(has(knowledge.ownerless) ? [tag('no owner or service', 'warn')] : []),
  ]
  const body = articleHtml(article, byFile)
  return [
    `<p class="meta"><span><a href="${ctx.root}knowledge.html#articles">Knowledge base</a> › <span class="mono">${escapeHtml(article.id)}</span></span></p>`,
    `<h1${body.titleId ? ` id="${body.titleId}"` : ''}>${escapeHtml(article.title)}</h1>`,
    `<p class="meta"><span class="mono">${escapeHtml(article.file)}</span>${state.length > 0 ? `<span>${state.join(' ')}</span>` : ''}</p>`,
    `<article class="prose">\n${body.html}\n</article>`,
  ].join('\n')
}
