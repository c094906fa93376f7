import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { UsageError } from '../errors.js'

/**
 * Orders repository paths by Unicode code point (the order of their UTF-8 bytes, which is git's order), not by
 * UTF-16 code unit as `<` does: surrogate pairs sort after U+E000..U+FFFF.
 */
export function comparePaths(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000
  if (unit >= 0xe000) return unit - 0x800
  return unit
}

/**
 * Checks a repository-relative path given to `read` and returns its segments. A path that is absolute, empty, uses
 * backslashes or has `.`/`..` segments could name a file outside the tree, so it is a usage error.
 */
export function splitRepoPath(path: string): string[] {
  const segments = path.split('/')
  const bad =
    path === '' ||
    path.includes('\\') ||
    path.includes('\0') ||
    /^[A-Za-z]:/.test(path) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  if (bad) {
    throw new UsageError(`Refusing to read "${path}": give a path relative to the repository root, with forward slashes and without "." or ".." segments.`)
  }
  return segments
}

/**
 * Normalises the folders given to `list`: '' (or '.') is the whole tree; trailing slashes are dropped. A folder
 * that would leave the tree is a usage error.
 */
export function normalizeFolder(folder: string): string {
  const trimmed = folder.replace(/\/+$/, '')
  if (trimmed === '' || trimmed === '.') return ''
  splitRepoPath(trimmed)
  return trimmed
}

/** Drops folders that lie inside another listed folder, so each file is listed once. */
export function outermostFolders(folders: readonly string[]): string[] {
  const normalized = [...new Set(folders.map(normalizeFolder))].sort(comparePaths)
  const result: string[] = []
  for (const folder of normalized) {
    if (result.some((outer) => outer === '' || folder.startsWith(`${outer}/`))) continue
    result.push(folder)
  }
  return result
}

/** An error diagnostic about a whole file, at its first position. */
export function fileDiagnostic(ruleId: string, file: string, message: string): Diagnostic {
  return { ruleId, severity: 'error', message, file, line: 1, column: 1, endLine: 1, endColumn: 1 }
}

export const symlinkMessage =
  'This is a symbolic link; gitsm never follows links, so the file it points to is not checked. Replace the link with the file itself (or the folder with its files).'

export const submoduleMessage =
  'This is a git submodule; gitsm does not read other repositories, so its files are not checked. Copy the records into this repository instead.'
