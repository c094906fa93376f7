import type { Nodes, Root } from 'mdast'
import type { MarkdownHeading } from '../model/record.js'
import { parseMarkdownTree } from '../parse/markdown.js'
import { outlineMarkdown } from '../parse/markdown-outline.js'
import { findDestination, type DestinationRange } from './link-destination.js'

/** A link of a Markdown file, with where its destination is written when that is known for sure. */
export interface LinkSite {
  url: string
  kind: 'link' | 'definition' | 'image'
  /** Written as an HTML attribute (`href`, `src`) rather than in Markdown syntax. */
  html: boolean
  line: number
  column: number
  /** Offsets of the destination in the file's text; undefined when it cannot be rewritten safely. */
  destination?: DestinationRange
}

/** What adoption needs to know about one Markdown file. */
export interface MarkdownFacts {
  path: string
  text: string
  /** The YAML front matter: its text, and the offset just after its closing `---`. */
  frontMatter?: { value: string; end: number }
  /** A `+++` (TOML) block opens the file: front matter gitsm cannot read. */
  tomlFrontMatter: boolean
  /** Length of a byte order mark at the start (0 or 1); offsets below count it. */
  bom: number
  headings: MarkdownHeading[]
  /** The body's first block is a heading (nothing but HTML comments before it). */
  opensWithHeading: boolean
  /** The body has no block at all. */
  empty: boolean
  links: LinkSite[]
  /** `id` and `name` attributes of raw HTML, which are anchors too. */
  htmlAnchors: string[]
}

const htmlLink = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi
const htmlAnchor = /\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/gi

/** Parses a Markdown file once and takes its front matter, headings, links with positions, and anchors. */
export function readMarkdownFacts(path: string, fullText: string): MarkdownFacts {
  const bom = fullText.charCodeAt(0) === 0xfeff ? 1 : 0
  const text = bom ? fullText.slice(1) : fullText
  const tree = parseMarkdownTree(text)
  const { frontMatter, body } = outlineMarkdown(tree)
  const first = tree.children[0]
  const blocks = tree.children.filter((n) => n.type !== 'yaml')
  const opening = blocks.find((n) => !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())))
  const facts: MarkdownFacts = {
    path,
    text: fullText,
    tomlFrontMatter: /^\+\+\+[ \t]*\r?\n/.test(text),
    bom,
    headings: body.headings,
    opensWithHeading: opening?.type === 'heading',
    empty: blocks.length === 0,
    links: [],
    htmlAnchors: [],
  }
  if (frontMatter && first?.position?.end.offset !== undefined) facts.frontMatter = { value: frontMatter.value, end: first.position.end.offset + bom }
  collectLinks(tree, text, bom, facts)
  return facts
}

function collectLinks(tree: Root, text: string, bom: number, facts: MarkdownFacts): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    const line = node.position?.start.line ?? 1
    const column = node.position?.start.column ?? 1
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const found = findDestination(text, node)
      const site: LinkSite = { url: node.url, kind: node.type, html: false, line, column }
      if (found) site.destination = { start: found.start + bom, end: found.end + bom }
      facts.links.push(site)
    } else if (node.type === 'html') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      // Inside a quote or list the node's value lacks the container markers: offsets into it would be wrong.
      const exact = start !== undefined && end !== undefined && text.slice(start, end) === node.value
      for (const match of node.value.matchAll(htmlLink)) {
        const url = match[2] ?? match[3] ?? match[4] ?? ''
        const site: LinkSite = { url: decodeHtml(url), kind: match[1]!.toLowerCase() === 'src' ? 'image' : 'link', html: true, line, column }
        if (exact && url === decodeHtml(url)) {
          const at = start + match.index + match[0].length - url.length - (match[4] === undefined ? 1 : 0)
          site.destination = { start: at + bom, end: at + url.length + bom }
        }
        facts.links.push(site)
      }
      for (const match of node.value.matchAll(htmlAnchor)) facts.htmlAnchors.push(match[1]!)
    }
    if ('children' in node) {
      const children: Nodes[] = node.children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
}

function decodeHtml(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
}
