import type { SourceFile, ParsedRecord } from '../model/record.js'
import { parseMarkdownRecord } from './markdown.js'
import { parseYaml, type LoadResult } from './yaml-document.js'

/** Parses a record file by its extension: `.yaml`/`.yml` as YAML, `.md` as Markdown with front matter. Never throws. */
export function parseRecordFile(source: SourceFile): LoadResult<ParsedRecord> {
  const { path, text } = source
  if (/\.md$/i.test(path)) return parseMarkdownRecord(text, path)
  const parsed = parseYaml(stripBom(text), { file: path })
  if (!parsed.ok) return parsed
  return { ok: true, value: { file: path, format: 'yaml', data: parsed.value.data, locate: parsed.value.locate } }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
