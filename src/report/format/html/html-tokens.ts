/*
 * Reading the HTML that rehype-stringify writes for a sanitized tree (mdastToSafeHtml), to adjust a few tags of it.
 * That HTML has no comments, doctype or raw text: every `<` outside an attribute value starts a tag (text escapes
 * `<`), every attribute value is double-quoted with `"` escaped, but `<` and `>` may stand unescaped inside a value.
 * So tags are read whole, attribute by attribute, never by looking for the next `>`.
 */

/** An attribute as written: `raw` with its leading space; `value` still holds its character references. */
export interface HtmlAttribute {
  name: string
  value: string | undefined
  raw: string
}

export type HtmlToken =
  | { type: 'text'; raw: string }
  | { type: 'start'; name: string; attributes: HtmlAttribute[]; raw: string }
  | { type: 'end'; name: string; raw: string }

const tagAt = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*\/?>/y
const attribute = /\s+([^\s"'<>/=]+)(?:="([^"]*)")?/gy

/** The tags and texts of stringified HTML, in order; their `raw` parts joined give it back. Throws on other HTML. */
export function htmlTokens(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = []
  let at = 0
  while (at < html.length) {
    const lt = html.indexOf('<', at)
    if (lt !== at) {
      const end = lt === -1 ? html.length : lt
      tokens.push({ type: 'text', raw: html.slice(at, end) })
      at = end
      continue
    }
    tagAt.lastIndex = at
    const tag = tagAt.exec(html)
    // Reading past a tag that does not have the expected shape could take an attribute value for markup.
    if (!tag) throw new Error(`Unexpected HTML from the Markdown renderer at offset ${at}: ${JSON.stringify(html.slice(at, at + 40))}`)
    const name = tag[2]!.toLowerCase()
    if (tag[1]) tokens.push({ type: 'end', name, raw: tag[0] })
    else {
      const attributes = [...tag[3]!.matchAll(attribute)].map((m): HtmlAttribute => ({ name: m[1]!.toLowerCase(), value: m[2], raw: m[0] }))
      tokens.push({ type: 'start', name, attributes, raw: tag[0] })
    }
    at = tagAt.lastIndex
  }
  return tokens
}

/** An attribute value escaped as rehype-stringify escapes it in double quotes, so rewritten tags read like the rest. */
export function escapeAttribute(value: string): string {
  return value.replace(/[\0"&'`]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`)
}

/** Decodes the character references rehype-stringify writes (`&#x3C;`, `&#x26;`, and the few named ones). */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : undefined
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    return named[name!.toLowerCase()] ?? whole
  })
}
