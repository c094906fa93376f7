import { InfrastructureError } from '../errors.js'

/** One entry of git's index (the staging area), with the stat data git recorded when it last saw the file. */
export interface IndexEntry {
  path: string
  /** Canonical mode: 100644, 100755, 120000 or 160000. */
  mode: string
  oid: string
  stage: number
  ctimeSeconds: number
  ctimeNanoseconds: number
  mtimeSeconds: number
  mtimeNanoseconds: number
  ino: number
  uid: number
  gid: number
  /** The file size modulo 2^32. */
  size: number
  /** Assume-unchanged or skip-worktree: git does not look at the working tree file. */
  trusted: boolean
}

export interface GitIndex {
  /** Sorted by path, as git keeps them. */
  entries: IndexEntry[]
  /** The `TREE` extension: folder ('' for the root) → tree id, for folders whose cached tree is still valid. */
  trees: Map<string, { oid: string; count: number }>
}

/**
 * Parses a git index file (versions 2 to 4). A split or sparse index holds only part of the entries here, so it is
 * refused with a message that says how to turn it off.
 */
export function parseIndex(bytes: Buffer): GitIndex {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'DIRC') throw new InfrastructureError('The git index (.git/index) is corrupt. Run `git status` to rebuild it.')
  const version = bytes.readUInt32BE(4)
  if (version < 2 || version > 4) throw new InfrastructureError(`The git index has version ${version}, which gitsm cannot read. Run \`git update-index --index-version 2\`.`)
  const count = bytes.readUInt32BE(8)
  const entries: IndexEntry[] = []
  let at = 12
  let previous = ''
  for (let i = 0; i < count; i++) {
    const start = at
    const flags = bytes.readUInt16BE(start + 60)
    const extended = version >= 3 && (flags & 0x4000) !== 0
    const extra = extended ? bytes.readUInt16BE(start + 62) : 0
    at = start + 62 + (extended ? 2 : 0)
    let path: string
    if (version === 4) {
      let byte = bytes[at++]!
      let strip = byte & 0x7f
      while (byte & 0x80) {
        byte = bytes[at++]!
        strip = ((strip + 1) << 7) | (byte & 0x7f)
      }
      const end = bytes.indexOf(0, at)
      const previousBytes = Buffer.from(previous, 'utf8')
      path = Buffer.concat([previousBytes.subarray(0, previousBytes.length - strip), bytes.subarray(at, end)]).toString('utf8')
      at = end + 1
    } else {
      const end = bytes.indexOf(0, at)
      path = bytes.toString('utf8', at, end)
      // Entries are padded with 1 to 8 NUL bytes to a multiple of 8.
      at = start + ((end - start + 8) & ~7)
    }
    previous = path
    const rawMode = bytes.readUInt32BE(start + 24)
    entries.push({
      path,
      mode: canonicalIndexMode(rawMode),
      oid: bytes.toString('hex', start + 40, start + 60),
      stage: (flags >> 12) & 3,
      ctimeSeconds: bytes.readUInt32BE(start),
      ctimeNanoseconds: bytes.readUInt32BE(start + 4),
      mtimeSeconds: bytes.readUInt32BE(start + 8),
      mtimeNanoseconds: bytes.readUInt32BE(start + 12),
      ino: bytes.readUInt32BE(start + 20),
      uid: bytes.readUInt32BE(start + 28),
      gid: bytes.readUInt32BE(start + 32),
      size: bytes.readUInt32BE(start + 36),
      trusted: (flags & 0x8000) !== 0 || (extra & 0x4000) !== 0,
    })
  }
  const trees = new Map<string, { oid: string; count: number }>()
  const end = bytes.length - 20
  while (at + 8 <= end) {
    const signature = bytes.toString('latin1', at, at + 4)
    const size = bytes.readUInt32BE(at + 4)
    const body = bytes.subarray(at + 8, at + 8 + size)
    if (signature === 'link' || signature === 'sdir') {
      throw new InfrastructureError(
        `The git index is a ${signature === 'link' ? 'split' : 'sparse'} index, which gitsm cannot read. Run \`git update-index --no-split-index\` or \`git sparse-checkout disable\`.`,
      )
    }
    if (signature === 'TREE') parseCacheTree(body, trees)
    at += 8 + size
  }
  return { entries, trees }
}

function canonicalIndexMode(mode: number): string {
  const type = mode & 0o170000
  if (type === 0o120000) return '120000'
  if (type === 0o160000) return '160000'
  return mode & 0o100 ? '100755' : '100644'
}

/** The cache-tree extension: pre-order nodes `path NUL count SP subtrees LF [oid]`; count -1 marks an invalid node. */
function parseCacheTree(body: Buffer, trees: Map<string, { oid: string; count: number }>): void {
  let at = 0
  const node = (prefix: string): void => {
    const nul = body.indexOf(0, at)
    const newline = body.indexOf(0x0a, nul)
    if (nul < 0 || newline < 0) throw new Error('a corrupt cache tree')
    const name = body.toString('utf8', at, nul)
    const [countText, subtreesText] = body.toString('latin1', nul + 1, newline).split(' ')
    const count = Number(countText)
    const subtrees = Number(subtreesText)
    at = newline + 1
    const path = prefix === '' ? name : name === '' ? prefix : `${prefix}/${name}`
    if (count >= 0) {
      trees.set(path, { oid: body.toString('hex', at, at + 20), count })
      at += 20
    }
    for (let i = 0; i < subtrees; i++) node(path)
  }
  try {
    if (body.length > 0) node('')
  } catch {
    // A cache tree is only a shortcut: without it every folder is compared.
    trees.clear()
  }
}
