/**
 * A small YAML emitter in the style of FORMAT.md: block mappings, flow lists of scalars, flow mappings for short
 * rows (timeline entries, downtime, links), literal blocks for multi-line text. Every string that plain style could
 * misread (a number, a boolean, `@handle`, `02:00`, text with `: ` or `#`) is double-quoted, so the files read the
 * same in YAML 1.2 and in older YAML 1.1 loaders.
 */

export type YamlValue = string | number | boolean | YamlValue[] | YamlMap
export interface YamlMap {
  [key: string]: YamlValue | undefined
}

/** Keys whose mapping value is written as one flow mapping on the key's line. */
const flowKeys = new Set(['links', 'related', 'response', 'resolution', 'clock', 'hours', 'paths', 'lead_time', 'risk_floor', 'emergency', 'match', 'x'])

const plainSafe = /^[A-Za-z0-9][A-Za-z0-9 ._/()+'-]*(?::[A-Za-z0-9+][A-Za-z0-9 ._/()+'-]*)*$/
const looksNumeric = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^0[xob][0-9a-fA-F_]+$|^[0-9]+(?::[0-5]?[0-9])+$/
const reserved = /^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|\.inf|\.nan)$/

/** A scalar as YAML text (single line only). */
export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value)
  const colonOutsideTimestamp = value.includes(':') && !/^\d{4}-\d\d-\d\dT/.test(value)
  if (value === '' || value !== value.trim() || !plainSafe.test(value) || looksNumeric.test(value) || reserved.test(value) || colonOutsideTimestamp) {
    return JSON.stringify(value)
  }
  return value
}

/** Keys as YAML text; a key of digits stays an integer key, as in `risk_floor: { 1: medium }`. */
function emitKey(key: string): string {
  return /^[1-9][0-9]*$/.test(key) ? key : scalar(key)
}

function isScalar(value: YamlValue): value is string | number | boolean {
  return typeof value !== 'object'
}

function isFlowable(value: YamlValue): boolean {
  if (isScalar(value)) return typeof value !== 'string' || !value.includes('\n')
  if (Array.isArray(value)) return value.every((item) => isScalar(item) && isFlowable(item))
  return Object.values(value).every((item) => item === undefined || isFlowable(item))
}

function flow(value: YamlValue): string {
  if (isScalar(value)) return scalar(value)
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`
  const entries = Object.entries(value).filter((e): e is [string, YamlValue] => e[1] !== undefined)
  if (entries.length === 0) return '{}'
  return `{ ${entries.map(([k, v]) => `${emitKey(k)}: ${flow(v)}`).join(', ')} }`
}

function literal(text: string, indent: string): string {
  const chomp = text.endsWith('\n') ? '' : '-'
  const lines = text.replace(/\n$/, '').split('\n')
  return `|${chomp}\n${lines.map((line) => (line === '' ? '' : indent + line)).join('\n')}`
}

function emitMap(map: YamlMap, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue
    const head = `${indent}${emitKey(key)}:`
    if (typeof value === 'string' && value.includes('\n')) {
      out.push(`${head} ${literal(value, `${indent}  `)}`)
    } else if (isScalar(value)) {
      out.push(`${head} ${scalar(value)}`)
    } else if (Array.isArray(value)) {
      if (value.every(isScalar) && isFlowable(value)) {
        out.push(`${head} ${flow(value)}`)
      } else {
        out.push(head)
        emitSeq(value, indent, out)
      }
    } else if (flowKeys.has(key) && isFlowable(value)) {
      out.push(`${head} ${flow(value)}`)
    } else {
      out.push(head)
      emitMap(value, `${indent}  `, out)
    }
  }
}

function emitSeq(items: YamlValue[], indent: string, out: string[]): void {
  for (const item of items) {
    if (isFlowable(item)) {
      out.push(`${indent}  - ${flow(item)}`)
    } else if (!isScalar(item) && !Array.isArray(item)) {
      const inner: string[] = []
      emitMap(item, `${indent}    `, inner)
      const first = inner[0] ?? ''
      out.push(`${indent}  - ${first.slice(indent.length + 4)}`, ...inner.slice(1))
    } else {
      out.push(`${indent}  - ${literal(String(item), `${indent}    `)}`)
    }
  }
}

/** A YAML document for one record or config mapping, ending with a newline. */
export function emitYaml(map: YamlMap): string {
  const out: string[] = []
  emitMap(map, '', out)
  return `${out.join('\n')}\n`
}

/** A Markdown file with the mapping as front matter, then the body. */
export function emitMarkdown(map: YamlMap, body: string): string {
  return `---\n${emitYaml(map)}---\n\n${body.replace(/\n*$/, '\n')}`
}
