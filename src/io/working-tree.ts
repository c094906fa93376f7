import * as fs from 'node:fs'
import { join } from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { TreeEntry, TreeReader } from '../model/source.js'
import { decodeUtf8 } from './decode.js'
import { comparePaths, fileDiagnostic, outermostFolders, splitRepoPath, symlinkMessage } from './tree-paths.js'

/** Folders that never hold records, skipped wherever they appear. */
const skippedNames = new Set(['.git', 'node_modules'])

const notRegularMessage =
  'This is not a regular file (a pipe, socket or device); gitsm reads only regular files. Replace it with a regular file or remove it.'

/**
 * Reads the working tree under `root`. Symbolic links are never followed, neither when listing nor when reading:
 * a link to a file or a folder, and any pipe, socket or device, comes back from `list` as an error diagnostic.
 * File system calls are synchronous: listing thousands of small files is faster that way than through the thread pool.
 */
export function openWorkingTree(root: string): TreeReader {
  return new WorkingTreeReader(root)
}

class WorkingTreeReader implements TreeReader {
  readonly description: string
  private readonly folders = new Map<string, boolean>()

  constructor(private readonly root: string) {
    this.description = root
  }

  async list(folders: readonly string[]): Promise<{ entries: TreeEntry[]; diagnostics: Diagnostic[] }> {
    const entries: TreeEntry[] = []
    const diagnostics: Diagnostic[] = []
    for (const folder of outermostFolders(folders)) {
      if (folder !== '' && !this.reachFolder(folder, diagnostics)) continue
      this.walk(folder, entries, diagnostics)
    }
    entries.sort((a, b) => comparePaths(a.path, b.path))
    diagnostics.sort((a, b) => comparePaths(a.file ?? '', b.file ?? ''))
    return { entries, diagnostics }
  }

  async read(path: string): Promise<string | undefined> {
    const segments = splitRepoPath(path)
    for (let i = 1; i < segments.length; i++) {
      if (!this.isRealFolder(segments.slice(0, i).join('/'))) return undefined
    }
    if (!this.lstat(path)?.isFile()) return undefined
    let fd: number
    try {
      // O_NOFOLLOW: a link swapped in after the check still is not followed; O_NONBLOCK: nor does a pipe block.
      fd = fs.openSync(join(this.root, path), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0))
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ELOOP') return undefined
      throw error
    }
    try {
      if (!fs.fstatSync(fd).isFile()) return undefined
      return decodeUtf8(fs.readFileSync(fd), path)
    } finally {
      fs.closeSync(fd)
    }
  }

  /** Checks that every segment of `folder` is a real folder; a symlink on the way is reported. */
  private reachFolder(folder: string, diagnostics: Diagnostic[]): boolean {
    const segments = folder.split('/')
    for (let i = 1; i <= segments.length; i++) {
      const path = segments.slice(0, i).join('/')
      if (skippedNames.has(segments[i - 1]!)) return false
      const stat = this.lstat(path)
      if (!stat) return false
      if (stat.isSymbolicLink()) {
        diagnostics.push(fileDiagnostic('file/symlink', path, symlinkMessage))
        return false
      }
      if (!stat.isDirectory()) return false
    }
    return true
  }

  private walk(folder: string, entries: TreeEntry[], diagnostics: Diagnostic[]): void {
    let children: fs.Dirent[]
    try {
      children = fs.readdirSync(folder === '' ? this.root : join(this.root, folder), { withFileTypes: true })
    } catch (error) {
      if (isMissing(error)) return
      diagnostics.push(unreadable(folder || '.', error))
      return
    }
    for (const child of children) {
      if (skippedNames.has(child.name)) continue
      const path = folder === '' ? child.name : `${folder}/${child.name}`
      if (child.isSymbolicLink()) diagnostics.push(fileDiagnostic('file/symlink', path, symlinkMessage))
      else if (child.isDirectory()) this.walk(path, entries, diagnostics)
      else if (!child.isFile()) diagnostics.push(fileDiagnostic('file/not-regular', path, notRegularMessage))
      else {
        const stat = this.lstat(path)
        // Replaced between readdir and lstat: report what is there now.
        if (stat?.isFile()) entries.push({ path, size: stat.size })
        else if (stat?.isSymbolicLink()) diagnostics.push(fileDiagnostic('file/symlink', path, symlinkMessage))
        else if (stat && !stat.isDirectory()) diagnostics.push(fileDiagnostic('file/not-regular', path, notRegularMessage))
      }
    }
  }

  /** Whether `path` is a folder and not a link to one (remembered: read is called once per listed file). */
  private isRealFolder(path: string): boolean {
    let real = this.folders.get(path)
    if (real === undefined) {
      real = this.lstat(path)?.isDirectory() ?? false
      this.folders.set(path, real)
    }
    return real
  }

  private lstat(path: string): fs.Stats | undefined {
    return fs.lstatSync(join(this.root, path), { throwIfNoEntry: false })
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

function unreadable(path: string, error: unknown): Diagnostic {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error)
  return fileDiagnostic('file/unreadable', path, `This folder cannot be read (${reason}), so its files are not checked. Make it readable.`)
}
