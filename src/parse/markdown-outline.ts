import type { Nodes, Root } from 'mdast'
import type { SourceRange } from '../diagnostics/diagnostic.js'
import type { MarkdownBody, MarkdownHeading } from '../model/record.js'

/** The front matter of a Markdown file: its YAML text and the line of the opening `---`. */
export interface FrontMatter {
  value: string
  line: number
}

/**
 * What a parsed Markdown file yields: its front matter, if it starts with one, the outline of its body and, when it
 * was asked for, the body as sanitized HTML rendered from the same tree.
 */
export interface MarkdownParts {
  frontMatter: FrontMatter | undefined
  body: MarkdownBody
  safeHtml?: string
}

/**
 * Takes the front matter and the outline (headings, links, images, raw HTML) from an mdast tree. Walks the tree
 * without recursion, so a deeply nested document cannot overflow the stack.
 */
export function outlineMarkdown(tree: Root): MarkdownParts {
  const first = tree.children[0]
  const frontMatter = first?.type === 'yaml' ? { value: first.value, line: first.position?.start.line ?? 1 } : undefined
  const body: MarkdownBody = { headings: [], links: [], html: [] }
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    switch (node.type) {
      case 'heading':
        body.headings.push({ depth: node.depth, text: plainText(node), range: rangeOf(node), empty: false })
        break
      case 'link':
      case 'definition':
        body.links.push({ url: node.url, range: rangeOf(node), kind: node.type })
        break
      case 'image':
        body.links.push({ url: node.url, range: rangeOf(node), kind: 'image', alt: node.alt ?? '' })
        break
      case 'html':
        body.html.push({ value: node.value, range: rangeOf(node) })
        break
    }
    if ('children' in node) {
      const children: Nodes[] = node.children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  markEmptySections(tree, body.headings)
  return { frontMatter, body }
}

/** A heading's section is empty when the next top-level block is a heading of the same or a higher level. */
function markEmptySections(tree: Root, headings: MarkdownHeading[]): void {
  const byLine = new Map(headings.map((h) => [h.range.line, h]))
  const blocks = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'definition')
  blocks.forEach((block, i) => {
    if (block.type !== 'heading') return
    const heading = byLine.get(block.position?.start.line ?? -1)
    if (!heading) return
    const next = blocks[i + 1]
    heading.empty = next === undefined || (next.type === 'heading' && next.depth <= block.depth)
  })
}

function plainText(node: Nodes): string {
  let out = ''
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if ((current.type === 'text' || current.type === 'inlineCode') && typeof current.value === 'string') out += current.value
    if ('children' in current) {
      const children: Nodes[] = current.children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return out.trim()
}

function rangeOf(node: Nodes): SourceRange {
  const p = node.position
  return { line: p?.start.line ?? 1, column: p?.start.column ?? 1, endLine: p?.end.line ?? 1, endColumn: p?.end.column ?? 1 }
}
