import type { LinkRewrite } from './adoption-plan.js'
import { pathEnd, unescapeDestination } from './link-destination.js'
import type { LinkSite, MarkdownFacts } from './markdown-facts.js'
import { resolveLink, safeDecode, splitUrl } from '../links/resolve-link.js'
import type { TextEdit } from './text-edits.js'

export interface FileLinkRewrites {
  edits: TextEdit[]
  rewrites: LinkRewrite[]
  /** Links to a renamed file whose destination could not be located for sure: a person rewrites them. */
  unrewritten: { site: LinkSite; target: string }[]
}

/**
 * The edits that make every link of a file that points at a renamed file point at its new name. Only the file name
 * in the destination changes: the folder part, `./`, `/`, the query and the anchor stay as written. A trailing
 * slash after a file name (`guide.md/#step`, which some site generators accept) is dropped, as it names no folder.
 */
export function planLinkRewrites(facts: MarkdownFacts, renames: ReadonlyMap<string, string>): FileLinkRewrites {
  const result: FileLinkRewrites = { edits: [], rewrites: [], unrewritten: [] }
  for (const site of facts.links) {
    const target = resolveLink(facts.path, site.url)
    // `#anchor` alone stays within the file, whatever its name.
    if (target.type !== 'local' || splitUrl(site.url.trim()).path === '') continue
    const renamed = renames.get(target.path)
    if (renamed === undefined) continue
    if (!site.destination) {
      result.unrewritten.push({ site, target: target.path })
      continue
    }
    const { start, end } = site.destination
    const before = facts.text.slice(start, end)
    const after = rewriteDestination(before, facts.path, target.path, renamed)
    if (after === before) continue
    result.edits.push({ start, end, text: after })
    result.rewrites.push({ file: facts.path, line: site.line, column: site.column, before, after })
  }
  return result
}

/** The destination as written, with the old file name replaced by the new one. */
export function rewriteDestination(written: string, fromFile: string, oldPath: string, newPath: string): string {
  const cut = pathEnd(written)
  const path = written.slice(0, cut).replace(/\/+$/, '')
  const suffix = written.slice(cut)
  const oldName = oldPath.slice(oldPath.lastIndexOf('/') + 1)
  const newName = newPath.slice(newPath.lastIndexOf('/') + 1)
  const slash = path.lastIndexOf('/')
  if (safeDecode(unescapeDestination(path.slice(slash + 1))) === oldName) return path.slice(0, slash + 1) + newName + suffix
  // The name is not the last segment as written (`guide.md/.`): write the whole path anew, in the same style.
  const rooted = path.startsWith('/')
  const fresh = rooted ? `/${newPath}` : relativePath(fromFile, newPath)
  return (!rooted && path.startsWith('./') && !fresh.startsWith('../') ? `./${fresh}` : fresh) + suffix
}

/** A path relative to the folder of `fromFile`. */
export function relativePath(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1)
  const to = toFile.split('/')
  let common = 0
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/')
}
