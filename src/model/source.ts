import type { Diagnostic } from '../diagnostics/diagnostic.js'

/** A regular file of a tree (working tree or git commit): repository-relative path with forward slashes. */
export interface TreeEntry {
  path: string
  /** Size in bytes. */
  size: number
}

/**
 * Reads a repository tree: the working tree or one git commit. Implementations live in io/; the core only sees
 * this interface.
 */
export interface TreeReader {
  /** Where the files come from, for messages: a directory, or `REV (commit abc1234)`. */
  readonly description: string
  /**
   * Every regular file below the given folders (repository-relative; '' means the whole tree), sorted by path.
   * Symlinks, submodules and other non-regular entries are not followed: each comes back as an error diagnostic.
   */
  list(folders: readonly string[]): Promise<{ entries: TreeEntry[]; diagnostics: Diagnostic[] }>
  /** A file's text, decoded as UTF-8, or undefined when there is no regular file at that path. */
  read(path: string): Promise<string | undefined>
}
