import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { TreeEntry, TreeReader } from '../model/source.js'
import { decodeUtf8 } from './decode.js'
import { gitFailure, isRegularMode, isTreeMode, openRepository, readCommit, readObject, readTree, type GitRepository, type TreeItem } from './git-repo.js'
import { resolveRevision } from './git-rev.js'
import { comparePaths, fileDiagnostic, outermostFolders, splitRepoPath, submoduleMessage, symlinkMessage } from './tree-paths.js'

/**
 * Opens the tree of one commit for reading, without a checkout. `ref` is any revision {@link resolveRevision}
 * understands (`origin/main`, a tag, an abbreviated commit id, `HEAD~1`). Only regular files (modes 100644 and
 * 100755) are listed; a symlink or a submodule entry is reported as an error diagnostic and never followed.
 * Throws InfrastructureError when the revision does not resolve or its objects are missing (a shallow clone).
 */
export async function openGitTree(root: string, ref: string): Promise<TreeReader> {
  const repo = openRepository(root)
  const commit = await resolveRevision(repo, ref)
  const { tree } = readCommit(repo, commit, `the revision "${ref}"`)
  return new GitTreeReader(repo, `${ref} (commit ${commit.slice(0, 7)})`, tree)
}

class GitTreeReader implements TreeReader {
  constructor(
    private readonly repo: GitRepository,
    readonly description: string,
    private readonly root: string,
  ) {}

  async list(folders: readonly string[]): Promise<{ entries: TreeEntry[]; diagnostics: Diagnostic[] }> {
    const entries: TreeEntry[] = []
    const diagnostics: Diagnostic[] = []
    for (const folder of outermostFolders(folders)) {
      const found = this.locate(folder === '' ? [] : folder.split('/'))
      if (!found) continue
      if (isTreeMode(found.mode)) this.walk(found.oid, folder, entries, diagnostics)
      else if (!isRegularMode(found.mode)) diagnostics.push(entryDiagnostic(found.path, found.mode))
    }
    entries.sort((a, b) => comparePaths(a.path, b.path))
    diagnostics.sort((a, b) => comparePaths(a.file ?? '', b.file ?? ''))
    return { entries, diagnostics }
  }

  async read(path: string): Promise<string | undefined> {
    const found = this.locate(splitRepoPath(path))
    if (!found || !isRegularMode(found.mode) || found.path !== path) return undefined
    const blob = readObject(this.repo, found.oid, `${path} in ${this.description}`)
    if (blob.type !== 'blob') return undefined
    return decodeUtf8(blob.content, path)
  }

  /**
   * Follows `segments` from the root tree. Returns the entry they name, or the first entry on the way that is not
   * a folder (a symlink or submodule standing in for a folder must be reported, not skipped), or undefined.
   */
  private locate(segments: readonly string[]): { path: string; mode: string; oid: string } | undefined {
    let current: { path: string; mode: string; oid: string } = { path: '', mode: '40000', oid: this.root }
    for (const segment of segments) {
      if (!isTreeMode(current.mode)) return isRegularMode(current.mode) ? undefined : current
      const item = this.tree(current.oid, current.path).find((candidate) => candidate.name === segment)
      if (!item) return undefined
      current = { path: current.path === '' ? item.name : `${current.path}/${item.name}`, mode: item.mode, oid: item.oid }
    }
    return current
  }

  private walk(oid: string, folder: string, entries: TreeEntry[], diagnostics: Diagnostic[]): void {
    for (const item of this.tree(oid, folder)) {
      const path = folder === '' ? item.name : `${folder}/${item.name}`
      if (isTreeMode(item.mode)) this.walk(item.oid, path, entries, diagnostics)
      else if (isRegularMode(item.mode)) entries.push({ path, size: this.size(item.oid, path) })
      else diagnostics.push(entryDiagnostic(path, item.mode))
    }
  }

  private tree(oid: string, folder: string): TreeItem[] {
    return readTree(this.repo, oid, `the folder "${folder || '.'}" in ${this.description}`)
  }

  private size(oid: string, path: string): number {
    try {
      return this.repo.objects.size(oid)
    } catch (error) {
      throw gitFailure(this.repo, error, `${path} in ${this.description}`)
    }
  }
}

function entryDiagnostic(path: string, mode: string): Diagnostic {
  if (mode === '120000') return fileDiagnostic('file/symlink', path, symlinkMessage)
  if (mode === '160000') return fileDiagnostic('file/submodule', path, submoduleMessage)
  return fileDiagnostic('file/not-regular', path, `This git entry has mode ${mode}, which is not a regular file; gitsm reads only regular files. Replace it with a regular file.`)
}
