/**
 * Record templates and the placeholders they hold. The syntax is small on purpose:
 *
 * - `{{name}}`       the value as written (a list is joined with ", ")
 * - `{{name:yaml}}`  the value as a YAML flow scalar, quoted when needed; a list as a flow sequence `[a, b]`
 * - `{{name:md}}`    the value as Markdown inline text, its markup characters escaped
 * - `{{name?...}}`   optional: when the value is missing or empty, the whole line holding it is left out
 *
 * Names are lowercase letters and underscores. A template that names an unknown filter is a bug in the template.
 */

export type TemplateValue = string | readonly string[] | undefined
export type TemplateValues = Readonly<Record<string, TemplateValue>>

export interface Placeholder {
  name: string
  optional: boolean
  filter: 'text' | 'yaml' | 'md'
}

const placeholderPattern = /\{\{\s*([a-z][a-z_]*)(\?)?(?::([a-z]+))?\s*\}\}/g
const filters = new Set(['yaml', 'md'])

/** The placeholders of a template, in order of appearance (one entry per occurrence). Throws on a malformed one. */
export function placeholdersOf(template: string): Placeholder[] {
  const found: Placeholder[] = []
  for (const match of template.matchAll(placeholderPattern)) {
    const [, name, optional, filter] = match
    if (filter !== undefined && !filters.has(filter)) throw new Error(`Unknown template filter ":${filter}" in ${match[0]}.`)
    found.push({ name: name!, optional: optional === '?', filter: (filter ?? 'text') as Placeholder['filter'] })
  }
  const stray = template.replace(placeholderPattern, '').indexOf('{{')
  if (stray >= 0) throw new Error(`Malformed placeholder at "${template.slice(stray, stray + 30)}".`)
  return found
}

/** The names a template needs a value for: its placeholders that are not optional. */
export function requiredNames(template: string): Set<string> {
  return new Set(placeholdersOf(template).filter((p) => !p.optional).map((p) => p.name))
}

/**
 * Fills a template's placeholders from `values`. Lines whose optional placeholder has no value are left out.
 * Throws when a required value is missing: callers check `requiredNames` first and say which option supplies it.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  placeholdersOf(template)
  const lines = template.split('\n')
  const kept: string[] = []
  const missing = new Set<string>()
  for (const line of lines) {
    let drop = false
    const filled = line.replace(placeholderPattern, (_whole, name: string, optional: string | undefined, filter: string | undefined) => {
      const value = values[name]
      if (isEmpty(value)) {
        if (optional === '?') drop = true
        else missing.add(name)
        return ''
      }
      return render(value!, (filter ?? 'text') as Placeholder['filter'])
    })
    if (!drop) kept.push(filled)
  }
  if (missing.size > 0) throw new Error(`The template needs a value for ${[...missing].join(', ')}.`)
  return kept.join('\n')
}

function isEmpty(value: TemplateValue): boolean {
  return value === undefined || value.length === 0
}

function render(value: string | readonly string[], filter: Placeholder['filter']): string {
  switch (filter) {
    case 'yaml':
      return typeof value === 'string' ? yamlScalar(value) : `[${value.map(yamlScalar).join(', ')}]`
    case 'md':
      return escapeMarkdownInline(typeof value === 'string' ? value : value.join(', '))
    case 'text':
      return typeof value === 'string' ? value : value.join(', ')
  }
}

/** Words a YAML reader (1.2, or an older 1.1 one) could take for a boolean or null. */
const reservedWords = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~'])

/**
 * A string as a YAML flow scalar: plain when it cannot be read as anything but that string, else double-quoted.
 * A JSON string literal is a valid YAML double-quoted scalar, so JSON's escaping serves.
 */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 _.()/+'-]*$/.test(value) && value === value.trimEnd() && !reservedWords.has(value.toLowerCase())
  return plain ? value : JSON.stringify(value)
}

/** Inline Markdown text that renders as the string itself: characters that could start markup are escaped. */
export function escapeMarkdownInline(value: string): string {
  return value.replace(/[\\`*_[\]<>#~|&!]/g, (c) => `\\${c}`)
}
