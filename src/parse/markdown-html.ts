import type { Element, Root } from 'hast'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export interface SafeHtmlOptions {
  /** Rewrites link and image targets (e.g. a link to another article's file → that article's page). */
  rewriteUrl?: (url: string, element: 'a' | 'img') => string
}

/**
 * Renders Markdown (CommonMark + GFM; YAML front matter dropped) to HTML that is safe to put in a page: raw HTML in
 * the source is dropped, then GitHub's sanitization schema (rehype-sanitize's default) removes every attribute,
 * element and URL protocol it does not allow (`javascript:`, `data:`, event handlers), after `rewriteUrl` ran, so a
 * rewrite cannot bring anything unsafe back. Synchronous and unbounded in time: pass only text that already parsed.
 */
export function markdownToSafeHtml(markdown: string, options: SafeHtmlOptions = {}): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkRehype)
    .use(() => (tree: Root) => {
      const rewrite = options.rewriteUrl
      if (!rewrite) return
      visit(tree, 'element', (node: Element) => {
        if (node.tagName === 'a' && typeof node.properties.href === 'string') node.properties.href = rewrite(node.properties.href, 'a')
        if (node.tagName === 'img' && typeof node.properties.src === 'string') node.properties.src = rewrite(node.properties.src, 'img')
      })
    })
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeStringify)
  return String(processor.processSync(markdown))
}
