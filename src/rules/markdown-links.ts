import GithubSlugger from 'github-slugger'
import type { Kind } from '../model/kinds.js'
import type { ItsmRecord } from '../model/record.js'

/** Where a link in a Markdown body leads, seen from the repository. */
export type LinkTarget =
  /** Another scheme (https:, mailto:), a protocol-relative URL, or nothing to check (`#`, empty). */
  | { type: 'external' }
  /** A relative path that climbs above the repository root. */
  | { type: 'outside' }
  /** A repository path ('' is the root), with the anchor if the link has one. */
  | { type: 'local'; path: string; anchor: string | undefined }

const scheme = /^[a-z][a-z0-9+.-]*:/i

/**
 * Resolves a link URL written in `fromFile`: query dropped, percent-decoded, relative to the file's folder (or to
 * the root for `/path`, as GitHub does). `#anchor` alone points into `fromFile` itself.
 */
export function resolveLink(fromFile: string, url: string): LinkTarget {
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('//') || scheme.test(trimmed)) return { type: 'external' }
  const hash = trimmed.indexOf('#')
  const anchor = hash === -1 ? undefined : decode(trimmed.slice(hash + 1))
  const beforeHash = hash === -1 ? trimmed : trimmed.slice(0, hash)
  const query = beforeHash.indexOf('?')
  const written = decode(query === -1 ? beforeHash : beforeHash.slice(0, query))
  if (written === '') return anchor ? { type: 'local', path: fromFile, anchor } : { type: 'external' }
  // `?plain=1#L12` is a line of the source view, not a heading.
  const plain = query !== -1 && /(?:^|&)plain=1(?:&|$)/.test(beforeHash.slice(query + 1))
  const segments = written.startsWith('/') ? [] : fromFile.split('/').slice(0, -1)
  for (const segment of written.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment !== '..') segments.push(segment)
    else if (segments.pop() === undefined) return { type: 'outside' }
  }
  return { type: 'local', path: segments.join('/'), anchor: plain ? undefined : anchor || undefined }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Whether a path is a file of the repository or a folder holding one ('' is the root). */
export function pathExists(files: ReadonlySet<string>): (path: string) => boolean {
  const folders = new Set([''])
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash))
  }
  return (path) => files.has(path) || folders.has(path)
}

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
