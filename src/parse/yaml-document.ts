import { Composer, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Parser } from 'yaml'
import type { Document, Node as YamlNode, Pair, ParsedNode, YAMLMap } from 'yaml'
import type { Diagnostic, RecordPath, SourceRange } from '../diagnostics/diagnostic.js'
import { LineIndex } from '../diagnostics/line-index.js'
import type { Locate, ParsedData } from '../model/record.js'
import { estimateNestingDepth } from './depth.js'
import { loaderLimits } from './limits.js'

export type LoadResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] }

export interface ParseYamlOptions {
  /** Repository-relative path, stamped on diagnostics. */
  file: string
  /** Added to every line number: the line before the YAML's first line (for front matter). */
  lineOffset?: number
  /** Largest accepted text, in characters. */
  maxLength?: number
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

const yamlErrorRules: Record<string, string> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  TAB_AS_INDENT: 'yaml/tab-indent',
  TAG_RESOLVE_FAILED: 'yaml/tag',
  BAD_ALIAS: 'yaml/alias',
}

/**
 * Parses one YAML 1.2 (core schema) document holding a mapping, accepting only plain YAML: no directives, tags,
 * anchors, aliases, merge keys, duplicate keys, tab indentation, over-deep nesting or prototype keys.
 * Never throws: every problem comes back as a positioned diagnostic.
 */
export function parseYaml(text: string, options: ParseYamlOptions): LoadResult<ParsedData> {
  const { file } = options
  const lineOffset = options.lineOffset ?? 0
  const maxLength = options.maxLength ?? loaderLimits.recordBytes
  const lines = new LineIndex(text)
  const fail = (ruleId: string, message: string, start = 0, end = start): LoadResult<ParsedData> => ({
    ok: false,
    diagnostics: [diagnostic(ruleId, message, file, toRange(lines, start, end, lineOffset))],
  })

  if (text.length > maxLength) {
    return fail('file/too-large', `This file is ${text.length} characters; records may be at most ${maxLength}. Split it or move long text into a knowledge article.`)
  }
  const estimated = estimateNestingDepth(text, loaderLimits.preParseDepth)
  if (estimated.depth > loaderLimits.preParseDepth) {
    return fail('yaml/too-deep', `Nesting is deeper than ${loaderLimits.maxDepth} levels. Records are shallow; flatten this structure.`, estimated.offset)
  }

  let docs: Document.Parsed[]
  const directives: { offset: number; source: string }[] = []
  try {
    docs = []
    const composer = new Composer({ version: '1.2', schema: 'core', merge: false, uniqueKeys: true, strict: true, intAsBigInt: false })
    const parser = new Parser()
    for (const token of parser.parse(text)) {
      if (token.type === 'directive') directives.push({ offset: token.offset, source: token.source })
      for (const doc of composer.next(token)) docs.push(doc)
    }
    for (const doc of composer.end()) docs.push(doc)
  } catch (error) {
    return fail('yaml/syntax', `The YAML parser failed: ${error instanceof Error ? error.message : String(error)}`)
  }

  const diagnostics: Diagnostic[] = []
  const report = (ruleId: string, message: string, start: number, end: number): void => {
    diagnostics.push(diagnostic(ruleId, message, file, toRange(lines, start, end, lineOffset)))
  }

  for (const d of directives) {
    report('yaml/directive', `Directives such as "${d.source.trim()}" are not allowed: records are read as plain YAML 1.2. Remove this line.`, d.offset, d.offset + d.source.trimEnd().length)
  }
  if (docs.length === 0) {
    if (diagnostics.length > 0) return { ok: false, diagnostics }
    return fail('yaml/empty', 'This file holds no YAML document. A record file holds one mapping with at least `kind`, `id` and `title`.')
  }
  for (const extra of docs.slice(1)) {
    const start = extra.range[0]
    report('yaml/multiple-documents', 'A record file holds exactly one YAML document; this is a second one. Move it into a file of its own.', start, start + 3)
  }
  const doc = docs[0]!
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const [start, end] = problem.pos
    report(yamlErrorRules[problem.code] ?? 'yaml/syntax', cleanYamlMessage(problem.code, problem.message), start, end)
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    if (diagnostics.length === 0) return fail('yaml/empty', 'This YAML document is empty. A record holds one mapping with at least `kind`, `id` and `title`.')
    return { ok: false, diagnostics }
  }
  checkNodes(doc.contents, 1, report, text)
  if (diagnostics.length > 0) return { ok: false, diagnostics: dedupe(diagnostics) }
  if (!isMap(doc.contents)) {
    const [start, end] = doc.contents.range
    return fail('yaml/not-a-mapping', 'A record is a YAML mapping (`key: value` lines), not a list or a single value.', start, end)
  }

  const data = toPlain(doc.contents) as Record<string, unknown>
  return { ok: true, value: { data, locate: makeLocate(doc.contents, lines, lineOffset) } }
}

type Report = (ruleId: string, message: string, start: number, end: number) => void

/** Walks the node tree once, rejecting everything outside plain YAML. */
function checkNodes(node: ParsedNode | YamlNode, depth: number, report: Report, text: string): void {
  const [start, end] = node.range ?? [0, 0]
  if (depth > loaderLimits.maxDepth) {
    report('yaml/too-deep', `Nesting is deeper than ${loaderLimits.maxDepth} levels. Records are shallow; flatten this structure.`, start, end)
    return
  }
  if (isAlias(node)) {
    report('yaml/alias', `Aliases (*${node.source}) are not allowed in records: write the value out in full.`, start, end)
    return
  }
  if (node.anchor) {
    const at = propertyStart(text, start, `&${node.anchor}`)
    report('yaml/anchor', `Anchors (&${node.anchor}) are not allowed in records: write values out in full.`, at, at + node.anchor.length + 1)
  }
  if (node.tag) {
    const at = propertyStart(text, start, '!')
    report('yaml/tag', `Explicit tags (${shortTag(node.tag)}) are not allowed in records: remove the tag and write a plain value.`, at, tokenEnd(text, at))
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as ParsedNode | null
      if (key === null || !isScalar(key)) {
        const at = key?.range ?? (pair.value as ParsedNode | null)?.range ?? [start, start]
        report('yaml/complex-key', 'Keys must be plain scalars (`name: value`).', at[0], at[1])
        if (key && isCollection(key)) checkNodes(key, depth + 1, report, text)
      } else {
        checkNodes(key, depth + 1, report, text)
        const name = String(key.value)
        const [ks, ke] = key.range ?? [start, start]
        if (name === '<<') report('yaml/merge-key', 'Merge keys (<<) are not allowed in records: write the keys out in full.', ks, ke)
        else if (forbiddenKeys.has(name)) report('yaml/forbidden-key', `The key "${name}" is not allowed: it could tamper with object prototypes.`, ks, ke)
      }
      if (pair.value) checkNodes(pair.value as ParsedNode, depth + 1, report, text)
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (item) checkNodes(item as ParsedNode, depth + 1, report, text)
  }
}

/**
 * Where an anchor or tag written before a node starts: node ranges begin at the value, after its properties, so
 * look back for the marker and then to the start of its token. Falls back to the node's start.
 */
function propertyStart(text: string, nodeStart: number, marker: string): number {
  const found = text.lastIndexOf(marker, nodeStart)
  if (found === -1) return nodeStart
  let at = found
  while (at > 0 && !/[\s,[{]/.test(text[at - 1]!)) at--
  return at
}

function tokenEnd(text: string, start: number): number {
  let end = start
  while (end < text.length && !/[\s,\]}]/.test(text[end]!)) end++
  return end
}

/** Converts a checked node tree to plain data: maps become objects, scalars their values. */
function toPlain(node: unknown): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {}
    for (const pair of node.items) {
      const key = pair.key as { value: unknown }
      out[String(key.value)] = toPlain(pair.value)
    }
    return out
  }
  if (isSeq(node)) return node.items.map(toPlain)
  if (isScalar(node)) return node.value
  return null
}

function makeLocate(root: YAMLMap.Parsed, lines: LineIndex, lineOffset: number): Locate {
  return (path: RecordPath, part: 'key' | 'value' = 'value'): SourceRange => {
    let node: unknown = root
    let pair: Pair | undefined
    let found = true
    for (const segment of path) {
      if (isMap(node)) {
        const next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
        if (!next) {
          found = false
          break
        }
        pair = next
        node = next.value
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        pair = undefined
        node = node.items[segment]
      } else {
        found = false
        break
      }
    }
    const keyNode = pair && isScalar(pair.key) ? pair.key : undefined
    // An existing key is the clearest place for a missing child or an unknown property.
    if ((part === 'key' || !found) && keyNode?.range) return toRange(lines, keyNode.range[0], keyNode.range[1], lineOffset)
    if (node === root && (part === 'key' || !found)) {
      const first = root.items[0]?.key as ParsedNode | undefined
      if (first?.range) return toRange(lines, first.range[0], first.range[1], lineOffset)
    }
    const range = (node as ParsedNode | null)?.range ?? (isPair(pair) ? (pair.key as ParsedNode).range : root.range)
    return toRange(lines, range[0], range[1], lineOffset)
  }
}

function toRange(lines: LineIndex, start: number, end: number, lineOffset: number): SourceRange {
  const range = lines.range(start, end)
  return { ...range, line: range.line + lineOffset, endLine: range.endLine + lineOffset }
}

function diagnostic(ruleId: string, message: string, file: string, range: SourceRange): Diagnostic {
  return { ruleId, severity: 'error', message, file, ...range }
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag
}

function cleanYamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping; YAML would silently keep only the last value. Remove one.'
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed as indentation in YAML. Indent with spaces.'
    case 'TAG_RESOLVE_FAILED':
      return `${first}. Explicit tags are not allowed in records.`
    default:
      return first.endsWith('.') ? first : `${first}.`
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = `${d.ruleId}:${d.line}:${d.column}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
