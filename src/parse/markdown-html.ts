import type { Root } from 'mdast'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { parseMarkdownTree } from './markdown.js'

// Built once: the plugins are attached and frozen on first use, not for every article.
const renderer = unified().use(remarkRehype).use(rehypeSanitize, defaultSchema).use(rehypeStringify)

/**
 * Renders a parsed Markdown tree (parseMarkdownTree's: CommonMark + GFM, front matter dropped) to HTML that is safe
 * to put in a page: raw HTML in the source is dropped, then GitHub's sanitization schema (rehype-sanitize's default)
 * removes every attribute, element and URL protocol it does not allow (`javascript:`, `data:`, event handlers) as the
 * last step before stringifying. Links and image sources stay as written (relative ones included); whoever maps them
 * to pages does so on this output. Leaves the tree as it was. Synchronous and unbounded in time: pass only trees of
 * text that parsed within its budget.
 */
export function mdastToSafeHtml(tree: Root): string {
  return renderer.stringify(renderer.runSync(tree))
}

/** Parses Markdown and renders it as mdastToSafeHtml does. Synchronous and unbounded in time, like the parser. */
export function markdownToSafeHtml(markdown: string): string {
  return mdastToSafeHtml(parseMarkdownTree(markdown))
}
