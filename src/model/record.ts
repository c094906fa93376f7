import type { Root } from 'mdast'
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

/** The Markdown body of a record: the whole file's mdast tree, positions in the file's own lines. */
export interface MarkdownBody {
  tree: Root
  text: string
}

/** A record file that parsed: its data with positions and, for Markdown, its body. */
export interface ParsedRecord extends ParsedData {
  file: string
  format: 'yaml' | 'markdown'
  body?: MarkdownBody
}

/**
 * A parsed record whose kind is known (from its `kind` field or, failing that, its folder).
 * `id` is undefined when the record has no usable string id; the schema reports that.
 */
export interface ItsmRecord extends ParsedRecord {
  kind: Kind
  id: string | undefined
}
