import { slug } from 'github-slugger'
import { splitCamelCase } from './guess-title.js'

const idInName = /^KB-([0-9]{4,})(?![0-9])/i

/**
 * The article id a file name starts with (`KB-0042-reset.md` → `KB-0042`), if any. Any case counts, as on a file
 * system that ignores case `kb-0042.md` would take the name of `KB-0042.md`.
 */
export function idOfFileName(path: string): string | undefined {
  const found = idInName.exec(path.slice(path.lastIndexOf('/') + 1))?.[0]
  return found?.toUpperCase()
}

/**
 * Hands out article ids after the highest one in use (ids of records and ids that file names start with, so a
 * deleted article's id is not reused while a file still carries it), at least four digits wide.
 */
export function createIdAllocator(used: Iterable<string>): () => string {
  let highest = 0
  let width = 4
  for (const id of used) {
    const digits = /^KB-([0-9]{4,})$/.exec(id)?.[1]
    if (digits === undefined) continue
    highest = Math.max(highest, Number(digits))
    width = Math.max(width, digits.length)
  }
  return () => {
    highest++
    return `KB-${String(highest).padStart(width, '0')}`
  }
}

/** Longest slug part of a new file name, in characters. */
const slugLength = 60

/** The adopted file's name: `KB-0007-<slug of the title>.md`, or `KB-0007.md` when the title gives no slug. */
export function articleFileName(id: string, title: string): string {
  let words = slug(splitCamelCase(title)).replace(/-{2,}/g, '-').replace(/^-|-$/g, '')
  if (words.length > slugLength) words = words.slice(0, slugLength).replace(/-[^-]*$/, '')
  return words === '' ? `${id}.md` : `${id}-${words}.md`
}
