import GithubSlugger from 'github-slugger'
import type { Kind } from '../model/kinds.js'
import type { ItsmRecord } from '../model/record.js'

export { pathExists, resolveLink, type LinkTarget } from '../links/resolve-link.js'

const idPrefixes: Record<string, Kind> = { KB: 'Article', CHG: 'Change', INC: 'Incident', PRB: 'Problem' }

/** The record a path names by its file name (`kb/KB-0042-old-title.md` names Article KB-0042), if any. */
export function recordNamedBy(path: string): { kind: Kind; id: string } | undefined {
  const match = /^(KB|CHG|INC|PRB)-[0-9]{4,}(?![0-9])/i.exec(path.slice(path.lastIndexOf('/') + 1))
  return match ? { kind: idPrefixes[match[1]!.toUpperCase()]!, id: match[0].toUpperCase() } : undefined
}

/** Every anchor of a Markdown body: GitHub's heading slugs (duplicates get -1, -2) and HTML `id`/`name` attributes. */
export function anchorsOf(record: ItsmRecord): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  for (const heading of record.body?.headings ?? []) anchors.add(slugger.slug(heading.text))
  for (const html of record.body?.html ?? []) {
    for (const match of html.value.matchAll(/\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/gi)) anchors.add(match[1]!)
  }
  return anchors
}

/** GitHub also finds an anchor written in another case. */
export function hasAnchor(anchors: ReadonlySet<string>, anchor: string): boolean {
  return anchors.has(anchor) || anchors.has(anchor.toLowerCase())
}

/** A path relative to the folder of `fromFile`, to suggest as a link. */
export function relativeLink(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1)
  const to = toFile.split('/')
  let common = 0
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/')
}
