import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { ParsedRecord } from '../model/record.js'
import { loaderLimits } from './limits.js'
import { outlineMarkdown, type MarkdownParts } from './markdown-outline.js'
import { parseYaml, type LoadResult } from './yaml-document.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/** Parses Markdown (CommonMark + GFM, YAML front matter) into an mdast tree with positions. Synchronous. */
export function parseMarkdownTree(text: string): Root {
  return processor.parse(text)
}

export interface MarkdownRecordOptions {
  /**
   * Renders the body from the same tree (pass mdastToSafeHtml from markdown-html.ts, which builds on this module and
   * so is passed in rather than imported); the result becomes the record's `safeHtml`. Without it, none is rendered.
   */
  renderHtml?: (tree: Root) => string
}

/**
 * Parses a Markdown record: the front matter as a record (positions shifted to the file's real lines) and the
 * outline of the body, and with `renderHtml` the body as HTML, all from one parse. Never throws. A file without front
 * matter is an error: records need `kind` and `id`. Synchronous and unbounded in time: for untrusted text, parse
 * through the worker pool, which has a time budget.
 */
export function parseMarkdownRecord(text: string, file: string, options: MarkdownRecordOptions = {}): LoadResult<ParsedRecord> {
  if (text.length > loaderLimits.markdownBytes) {
    return failure('file/too-large', `This Markdown file is ${text.length} characters; the limit is ${loaderLimits.markdownBytes}. Split it into several articles.`, file)
  }
  let parts: MarkdownParts
  try {
    const tree = parseMarkdownTree(text)
    parts = outlineMarkdown(tree)
    if (options.renderHtml) parts.safeHtml = options.renderHtml(tree)
  } catch (error) {
    return failure('markdown/syntax', `The Markdown parser failed: ${error instanceof Error ? error.message : String(error)}`, file)
  }
  return recordFromParts(parts, file)
}

/** Builds the record from a parsed file's parts (used when parsing ran elsewhere, e.g. in a worker). */
export function recordFromParts(parts: MarkdownParts, file: string): LoadResult<ParsedRecord> {
  const { frontMatter, body, safeHtml } = parts
  if (!frontMatter) {
    return failure(
      'markdown/no-front-matter',
      'This Markdown file has no front matter. Start it with a `---` block holding at least `kind`, `id` and `title` (or list it under `ignore:` in gitsm.yaml).',
      file,
    )
  }
  if (frontMatter.value.trim() === '') {
    return failure('markdown/no-front-matter', 'The front matter is empty. It needs at least `kind`, `id` and `title`.', file, frontMatter.line)
  }
  const parsed = parseYaml(frontMatter.value, { file, lineOffset: frontMatter.line, maxLength: loaderLimits.recordBytes })
  if (!parsed.ok) return parsed
  const record: ParsedRecord = { file, format: 'markdown', data: parsed.value.data, locate: parsed.value.locate, body }
  if (safeHtml !== undefined) record.safeHtml = safeHtml
  return { ok: true, value: record }
}

function failure(ruleId: string, message: string, file: string, line = 1): LoadResult<never> {
  return { ok: false, diagnostics: [{ ruleId, severity: 'error', message, file, line, column: 1, endLine: line, endColumn: 1 }] }
}
