import type { SchemaNode } from './dereference.js'
import { schemaAt } from './dereference.js'
import { listNames } from './describe.js'

/** One ajv error, reduced to what the mapping needs; `message` is set when collapsing decided the wording. */
export interface Issue {
  keyword: string
  instancePath: string
  schemaPath: string
  params: Readonly<Record<string, unknown>>
  propertyName?: string
  message?: string
}

/**
 * Replaces every failed `oneOf`/`anyOf` and the errors of its branches by what helps: the errors of the branch
 * the value was most likely meant to be (the only one whose shape fits, else the one with fewest errors), or a
 * single summary when no branch stands out. Innermost alternatives first, so nested ones collapse into their
 * branch before the outer one chooses.
 */
export function collapseAlternatives(issues: readonly Issue[], root: SchemaNode): Issue[] {
  const combinators = issues.filter(isCombinator)
  if (combinators.length === 0) return [...issues]
  const byLocation = new Map<string, Issue>()
  for (const combinator of combinators) byLocation.set(locationKey(combinator.schemaPath, combinator.instancePath), combinator)

  // Each issue belongs to its nearest enclosing alternative, or to the top level; one pass, so a record with
  // thousands of failing list items costs linear time.
  const top: Issue[] = []
  const members = new Map<Issue, Issue[]>(combinators.map((combinator) => [combinator, []]))
  for (const issue of issues) {
    const enclosing = enclosingCombinator(issue, byLocation)
    ;(enclosing ? members.get(enclosing)! : top).push(issue)
  }

  // Innermost first: a nested alternative collapses into its branch before the outer one chooses.
  const replaced = new Map<Issue, Issue[]>()
  const expand = (list: readonly Issue[]): Issue[] => list.flatMap((issue) => replaced.get(issue) ?? [issue])
  for (const combinator of [...combinators].sort((a, b) => b.schemaPath.length - a.schemaPath.length)) {
    replaced.set(combinator, chooseBranch(combinator, expand(members.get(combinator)!), root))
  }
  return expand(top)
}

function locationKey(schemaPath: string, instancePath: string): string {
  return `${schemaPath}\u0000${instancePath}`
}

/**
 * The innermost failed alternative whose branch produced this issue: its schemaPath runs through
 * `.../oneOf/<n>/...` and its value holds the issue's value. (The same schema applies to every item of a list,
 * so the schema path alone is not enough.)
 */
function enclosingCombinator(issue: Issue, byLocation: ReadonlyMap<string, Issue>): Issue | undefined {
  const segments = issue.schemaPath.split('/')
  const instance = issue.instancePath.split('/')
  for (let i = segments.length - 2; i > 0; i--) {
    const keyword = segments[i]
    if ((keyword !== 'oneOf' && keyword !== 'anyOf') || !/^\d+$/.test(segments[i + 1]!)) continue
    const schemaPath = segments.slice(0, i + 1).join('/')
    for (let k = instance.length; k >= 1; k--) {
      const found = byLocation.get(locationKey(schemaPath, instance.slice(0, k).join('/')))
      if (found && found !== issue) return found
    }
  }
  return undefined
}

function isCombinator(issue: Issue): boolean {
  return issue.keyword === 'oneOf' || issue.keyword === 'anyOf'
}

function chooseBranch(combinator: Issue, members: Issue[], root: SchemaNode): Issue[] {
  const node = schemaAt(root, parentPointer(combinator.schemaPath)) as SchemaNode | undefined
  const branches = (node?.[combinator.keyword] ?? []) as SchemaNode[]
  const prefixLength = combinator.schemaPath.length + 1

  if (Array.isArray(combinator.params.passingSchemas)) {
    const passing = combinator.params.passingSchemas as number[]
    const names = requiredOnlyNames(passing.map((index) => branches[index]))
    const message = names ? `must name exactly one of ${listNames(requiredOnlyNames(branches) ?? names)}; found ${listNames(names, 'and')}` : undefined
    return [{ ...combinator, message }]
  }

  const groups: Issue[][] = branches.map(() => [])
  for (const member of members) {
    const index = Number.parseInt(member.schemaPath.slice(prefixLength), 10)
    groups[index]?.push(member)
  }
  // A branch whose type does not even fit the value is the least likely intent; then, fewer errors win.
  const score = (group: Issue[]): number =>
    (group.some((issue) => issue.keyword === 'type' && issue.instancePath === combinator.instancePath) ? 10_000 : 0) + problemCount(group)
  const scored = groups.filter((group) => group.length > 0)
  if (scored.length === 0) return [combinator]
  const best = Math.min(...scored.map(score))
  const tied = scored.filter((group) => score(group) === best)
  if (tied.length === 1) return tied[0]!

  const missing = new Set<string>()
  const allRequired = tied.every((group) =>
    group.every((issue) => {
      if (issue.keyword !== 'required' || issue.instancePath !== combinator.instancePath) return false
      missing.add(String(issue.params.missingProperty))
      return true
    }),
  )
  if (allRequired) {
    const quantity = combinator.keyword === 'anyOf' ? 'at least one of' : 'exactly one of'
    return [
      {
        keyword: 'required',
        instancePath: combinator.instancePath,
        schemaPath: combinator.schemaPath,
        params: { missingProperty: [...missing][0], alternatives: [...missing] },
        message: `needs ${quantity} ${listNames([...missing])}`,
      },
    ]
  }
  return [combinator]
}

/** Errors that will become separate messages: several failed checks on one value count once. */
function problemCount(group: readonly Issue[]): number {
  const keys = new Set<string>()
  for (const issue of group) {
    const named = issue.keyword === 'required' || issue.keyword === 'additionalProperties' || issue.keyword === 'propertyNames'
    keys.add(named ? `${issue.keyword}\u0000${issue.instancePath}\u0000${JSON.stringify(issue.params)}` : issue.instancePath)
  }
  return keys.size
}

/** The single required property of each branch, when every branch is just `required: [name]`. */
function requiredOnlyNames(branches: readonly (SchemaNode | undefined)[]): string[] | undefined {
  const names: string[] = []
  for (const branch of branches) {
    const required = branch?.required
    if (!Array.isArray(required) || required.length !== 1 || branch?.type !== undefined) return undefined
    names.push(String(required[0]))
  }
  return names
}

/** The schemaPath of the node that holds a keyword: `#/properties/a/oneOf` -> `#/properties/a`. */
export function parentPointer(schemaPath: string): string {
  const slash = schemaPath.lastIndexOf('/')
  return slash <= 0 ? '#' : schemaPath.slice(0, slash)
}
