/** Where a link written in a repository file leads: shared by the link checks and `kb adopt`'s rewriting. */
export type LinkTarget =
  /** Another scheme (https:, mailto:), a protocol-relative URL, or nothing to follow (`#`, empty). */
  | { type: 'external' }
  /** A relative path climbing above the repository root. */
  | { type: 'outside' }
  /** A repository path ('' is the root) and the anchor, if any. `folderStyle`: written with a trailing slash. */
  | { type: 'local'; path: string; anchor: string | undefined; folderStyle: boolean }

const scheme = /^[a-z][a-z0-9+.-]*:/i

/**
 * Resolves a link URL written in `fromFile`: query dropped, percent-decoded, relative to the file's folder, or to
 * the repository root for `/path` (as GitHub renders it). `#anchor` alone points into `fromFile`.
 */
export function resolveLink(fromFile: string, url: string): LinkTarget {
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('//') || scheme.test(trimmed)) return { type: 'external' }
  const { path: written, query, fragment } = splitUrl(trimmed)
  // `?plain=1#L12` is a line of GitHub's source view, not a heading.
  const plain = query !== undefined && /(?:^|&)plain=1(?:&|$)/.test(query)
  const anchor = fragment === undefined || fragment === '' || plain ? undefined : safeDecode(fragment)
  const decoded = safeDecode(written)
  if (decoded === '') return anchor === undefined ? { type: 'external' } : { type: 'local', path: fromFile, anchor, folderStyle: false }
  const segments = decoded.startsWith('/') ? [] : fromFile.split('/').slice(0, -1)
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment !== '..') segments.push(segment)
    else if (segments.pop() === undefined) return { type: 'outside' }
  }
  return { type: 'local', path: segments.join('/'), anchor, folderStyle: decoded.endsWith('/') }
}

/** A URL's path, and its query and fragment as written (without `?` and `#`). */
export function splitUrl(url: string): { path: string; query: string | undefined; fragment: string | undefined } {
  const hash = url.indexOf('#')
  const beforeHash = hash === -1 ? url : url.slice(0, hash)
  const question = beforeHash.indexOf('?')
  return {
    path: question === -1 ? beforeHash : beforeHash.slice(0, question),
    query: question === -1 ? undefined : beforeHash.slice(question + 1),
    fragment: hash === -1 ? undefined : url.slice(hash + 1),
  }
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Whether a path is a file of the repository or a folder holding one ('' is the root). */
export function pathExists(files: Iterable<string>): (path: string) => boolean {
  const all = new Set(files)
  const folders = new Set([''])
  for (const file of all) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash))
  }
  return (path) => all.has(path) || folders.has(path)
}
