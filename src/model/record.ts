import type { RecordPath, SourceRange } from '../diagnostics/diagnostic.js'
import type { Kind } from './kinds.js'

/** A file as read from the working tree or a git commit: repository-relative path, forward slashes. */
export interface SourceFile {
  path: string
  text: string
}

/**
 * Finds the source range of a location inside a parsed document. `part: 'key'` asks for the key that holds the
 * value at `path` (for an unknown property); the default is the value itself. A path that does not exist falls
 * back to its nearest existing ancestor.
 */
export type Locate = (path: RecordPath, part?: 'key' | 'value') => SourceRange

/** A YAML mapping with positions, from a `.yaml` file or a Markdown file's front matter. */
export interface ParsedData {
  data: Record<string, unknown>
  locate: Locate
}

/** A heading of a Markdown body. */
export interface MarkdownHeading {
  depth: number
  /** The heading's plain text (markup removed). */
  text: string
  range: SourceRange
  /** No content follows before the next heading of the same or a higher level (or the end). */
  empty: boolean
}

/** A link target: an inline link, a reference definition, or an image. */
export interface MarkdownLink {
  url: string
  range: SourceRange
  kind: 'link' | 'definition' | 'image'
  /** For images: the alternative text ('' when missing). */
  alt?: string
}

/** Raw HTML in a Markdown body. */
export interface MarkdownHtml {
  value: string
  range: SourceRange
}

/**
 * What the knowledge-base checks need from a Markdown body, taken from its mdast tree: headings, links, images and
 * raw HTML, with positions in the file's own lines. The tree itself is not kept: thousands of them would cost more
 * memory than every other part of a run together.
 */
export interface MarkdownBody {
  headings: MarkdownHeading[]
  links: MarkdownLink[]
  html: MarkdownHtml[]
}

/** A record file that parsed: its data with positions and, for Markdown, its body. */
export interface ParsedRecord extends ParsedData {
  file: string
  format: 'yaml' | 'markdown'
  body?: MarkdownBody
  /**
   * For Markdown, when it was asked for (validateRepository's `articleHtml`): the body as sanitized HTML, rendered
   * from the tree the outline came from (mdastToSafeHtml), with links and image sources as written.
   */
  safeHtml?: string
}

/**
 * A parsed record whose kind is known (from its `kind` field or, failing that, its folder).
 * `id` is undefined when the record has no usable string id; the schema reports that.
 */
export interface ItsmRecord extends ParsedRecord {
  kind: Kind
  id: string | undefined
}
