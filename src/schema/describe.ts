import type { RecordPath } from '../diagnostics/diagnostic.js'
import type { SchemaNode } from './dereference.js'

/** What a value of a named definition should be, in words: `one` for a value, `many` for a list of them. */
const definitionNouns: Readonly<Record<string, { one: string; many?: string }>> = {
  text: { one: 'text that is not blank' },
  slug: { one: 'a slug: 2 to 63 lowercase letters, digits and hyphens, starting with a letter, such as `payments-api`' },
  serviceId: { one: 'a service id such as `payments-api`', many: 'service ids' },
  changeId: { one: 'a change id such as `CHG-0042` (CHG- and at least four digits)', many: 'change ids' },
  incidentId: { one: 'an incident id such as `INC-0012` (INC- and at least four digits)', many: 'incident ids' },
  problemId: { one: 'a problem id such as `PRB-0003` (PRB- and at least four digits)', many: 'problem ids' },
  articleId: { one: 'an article id such as `KB-0042` (KB- and at least four digits)', many: 'article ids' },
  serviceIds: { one: 'a list of service ids, such as `[payments-api]`' },
  incidentIds: { one: 'a list of incident ids, such as `[INC-0012]`' },
  problemIds: { one: 'a list of problem ids, such as `[PRB-0003]`' },
  articleIds: { one: 'a list of article ids, such as `[KB-0007]`' },
  handle: { one: 'a GitHub handle, `@login` or `@org/team-slug`', many: 'GitHub handles' },
  userHandle: { one: 'a GitHub user handle such as `@alice`', many: 'GitHub user handles' },
  teamHandle: { one: 'a GitHub team handle such as `@acme/cab`', many: 'GitHub team handles' },
  handles: { one: 'a list of GitHub handles, such as `["@acme/cab"]`' },
  timestamp: { one: 'an RFC 3339 timestamp with an offset, such as 2026-11-02T09:14:00Z', many: 'timestamps' },
  date: { one: 'a date YYYY-MM-DD, such as 2027-06-30', many: 'dates' },
  duration: { one: 'a duration such as 15m, 4h, 2d or 1w', many: 'durations' },
  clockTime: { one: 'a time of day HH:MM, quoted, such as "02:00"', many: 'times of day' },
  timeZone: { one: 'an IANA time zone such as Europe/Berlin or UTC', many: 'time zones' },
  weekday: { one: 'one of mon, tue, wed, thu, fri, sat, sun', many: 'weekdays' },
  weekdays: { one: 'a list of weekdays, such as `[sat, sun]`' },
  calendarName: { one: 'a calendar name from gitsm.yaml, or `24x7`', many: 'calendar names' },
  tier: { one: 'an integer from 1 to 4', many: 'tiers' },
  tiers: { one: 'a list of tiers from 1 to 4, such as `[1, 2]`' },
  changeTypes: { one: 'a list of change types (standard, normal, emergency), such as `[emergency]`' },
  url: { one: 'an absolute https, http or mailto URL', many: 'URLs' },
  links: { one: 'a mapping of link names to URLs' },
  tags: { one: 'a list of tags, such as `[postgres]`' },
  maintenanceWindow: { one: 'a maintenance window such as `{ days: [sat], start: "02:00", end: "05:00" }`', many: 'maintenance windows' },
  x: { one: 'a mapping of your own fields' },
  headings: { one: 'a list of headings, such as `[Symptoms, Cause]`' },
  folder: { one: 'a folder relative to the repository root, such as `changes` (no `..`, no leading `/`)' },
  orgLogin: { one: 'a GitHub organization login such as `acme` (without @)' },
  hoursRanges: { one: 'one or more ranges HH:MM-HH:MM separated by commas, such as "08:00-12:00, 13:00-17:00"' },
  ruleId: { one: 'a rule id such as `ref/unknown-service`', many: 'rule ids' },
  requirement: { one: 'an approval requirement such as `{ team: "@acme/cab", count: 2 }`', many: 'approval requirements' },
  requirements: { one: 'a list of approval requirements, such as `[{ team: "@acme/cab", count: 2 }]`' },
  freeze: { one: 'a freeze', many: 'freezes' },
  calendar: { one: 'a calendar such as `{ timezone: Europe/Berlin, hours: { mon: "08:00-18:00" } }`', many: 'calendars' },
}

const typeNouns: Readonly<Record<string, string>> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
}

/** The name of a field for a message: `owner`, `window.end`, `downtime[0].start`. */
export function fieldName(path: RecordPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out === '' ? 'the record' : out
}

/** A value quoted for a message, short and on one line. */
export function quote(value: string): string {
  if (value === '') return 'an empty string'
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value
  return /[`\r\n\u2028\u2029]/.test(short) ? JSON.stringify(short) : `\`${short}\``
}

/** "found ..." for a value; `withType` names its type too, for messages about the type. */
export function found(value: unknown, withType: boolean): string {
  if (value === null || value === undefined) return 'found an empty value'
  if (typeof value === 'string') return withType ? `found the text ${quote(value)}` : `found ${quote(value)}`
  if (typeof value === 'number') return withType ? `found the number ${value}` : `found ${value}`
  if (typeof value === 'boolean') return `found \`${value}\``
  if (Array.isArray(value)) return 'found a list'
  return 'found a mapping'
}

/**
 * What a schema node accepts, in words ("one of low, medium, high, critical", "a service id such as ...").
 * `defName` is the definition the node was inlined from, if any.
 */
export function expected(node: SchemaNode, defName: string | undefined, defNames: WeakMap<object, string>): string {
  if (defName !== undefined) {
    const noun = definitionNouns[defName]
    if (noun) return noun.one
  }
  if ('const' in node) return `\`${String(node.const)}\``
  if (Array.isArray(node.enum)) return `one of ${node.enum.map(String).join(', ')}`
  const alternatives = (node.oneOf ?? node.anyOf) as SchemaNode[] | undefined
  if (Array.isArray(alternatives)) return joinAlternatives(alternatives.map((branch) => branchNoun(branch, defNames)))
  const type = node.type
  if (type === 'integer' || type === 'number') return numberRange(node)
  if (type === 'array') {
    const items = node.items as SchemaNode | undefined
    const itemDef = items && typeof items === 'object' ? defNames.get(items) : undefined
    const many = itemDef === undefined ? undefined : definitionNouns[itemDef]?.many
    return many ? `a list of ${many}` : 'a list'
  }
  if (type === 'string' && typeof node.format === 'string') return `text in the ${node.format} format`
  if (type === 'string' && typeof node.pattern === 'string') return `text matching ${node.pattern}`
  return typeof type === 'string' ? (typeNouns[type] ?? type) : 'a valid value'
}

/** "an integer from 1 to 4", "a number above 0 and at most 100". */
export function numberRange(node: SchemaNode): string {
  const noun = node.type === 'integer' ? 'an integer' : 'a number'
  const min = node.minimum as number | undefined
  const max = node.maximum as number | undefined
  const xmin = node.exclusiveMinimum as number | undefined
  const xmax = node.exclusiveMaximum as number | undefined
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`
  const parts: string[] = []
  if (min !== undefined) parts.push(`at least ${min}`)
  if (xmin !== undefined) parts.push(`above ${xmin}`)
  if (max !== undefined) parts.push(`at most ${max}`)
  if (xmax !== undefined) parts.push(`below ${xmax}`)
  return parts.length === 0 ? noun : `${noun} ${parts.join(' and ')}`
}

function branchNoun(branch: SchemaNode, defNames: WeakMap<object, string>): string {
  if (typeof branch.title === 'string') return lowerFirst(branch.title)
  return expected(branch, defNames.get(branch), defNames)
}

function joinAlternatives(nouns: string[]): string {
  if (nouns.length <= 1) return nouns[0] ?? 'a valid value'
  return `${nouns.slice(0, -1).join(', ')} or ${nouns[nouns.length - 1]}`
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** "`a`, `b` or `c`". */
export function listNames(names: readonly string[], conjunction = 'or'): string {
  const quoted = names.map((name) => `\`${name}\``)
  if (quoted.length <= 1) return quoted[0] ?? ''
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`
}
