import { InfrastructureError } from '../errors.js'

// Tree objects read as bytes. A records folder can hold thousands of entries, and a commit changes a few of them:
// parsing the whole folder for every commit would cost minutes on years of history. An index holds the offset of
// each entry; the tree of a neighbouring commit shares its bytes up to the first change and after the last one, so its
// index is derived from this one by parsing only the entries in between.

/** A tree object's bytes and the offset of each entry. */
export interface IndexedTree {
  content: Buffer
  offsets: Int32Array
}

interface RawEntry {
  start: number
  nameStart: number
  nameEnd: number
  end: number
  tree: boolean
  regular: boolean
}

export function indexTree(content: Buffer): IndexedTree {
  const offsets: number[] = []
  for (let at = 0; at < content.length; ) {
    offsets.push(at)
    // Modes and names hold no NUL; the entry ends 20 bytes after its first one.
    const nul = content.indexOf(0, at)
    if (nul < 0 || nul + 21 > content.length) throw new InfrastructureError('Cannot read the history: a tree object is corrupt.')
    at = nul + 21
  }
  return { content, offsets: Int32Array.from(offsets) }
}

function entryAt(content: Buffer, at: number): RawEntry {
  const space = content.indexOf(0x20, at)
  const nul = space < 0 ? -1 : content.indexOf(0, space + 1)
  if (nul < 0 || nul + 21 > content.length) throw new InfrastructureError('Cannot read the history: a tree object is corrupt.')
  const type = parseInt(content.toString('latin1', at, space), 8) & 0o170000
  return { start: at, nameStart: space + 1, nameEnd: nul, end: nul + 21, tree: type === 0o040000, regular: type === 0o100000 }
}

/** A byte of an entry's sort key: git orders a folder as if its name ended in `/`. -1 past the end. */
function keyByte(content: Buffer, entry: RawEntry, i: number): number {
  const length = entry.nameEnd - entry.nameStart
  return i < length ? content[entry.nameStart + i]! : i === length && entry.tree ? 0x2f : -1
}

function compareKeys(a: Buffer, x: RawEntry, b: Buffer, y: RawEntry): number {
  for (let i = 0; ; i++) {
    const p = keyByte(a, x, i)
    const q = keyByte(b, y, i)
    if (p !== q || p === -1) return p - q
  }
}

function blobOf(content: Buffer, entry: RawEntry): string | undefined {
  return entry.regular ? content.toString('hex', entry.nameEnd + 1, entry.end) : undefined
}

/** The blob of a regular file named `key`; undefined when absent or not a regular file. */
export function findBlob(tree: IndexedTree, key: Buffer): string | undefined {
  return findEntry(tree, key, 'blob')
}

/** The object of the regular file (or folder) named `key`, by binary search in git's order; undefined if none. */
export function findEntry(tree: IndexedTree, key: Buffer, type: 'blob' | 'tree'): string | undefined {
  const probe: RawEntry = { start: 0, nameStart: 0, nameEnd: key.length, end: key.length, tree: type === 'tree', regular: type === 'blob' }
  let low = 0
  let high = tree.offsets.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const entry = entryAt(tree.content, tree.offsets[middle]!)
    const order = compareKeys(tree.content, entry, key, probe)
    if (order === 0 && (type === 'tree' ? entry.tree : entry.regular)) return tree.content.toString('hex', entry.nameEnd + 1, entry.end)
    if (order === 0) return undefined
    if (order < 0) low = middle + 1
    else high = middle - 1
  }
  return undefined
}

/** The length of the common prefix of two buffers, compared natively a chunk at a time. */
function commonPrefix(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length)
  let at = 0
  while (at < length) {
    const end = Math.min(at + 4096, length)
    if (a.compare(b, at, end, at, end) !== 0) break
    at = end
  }
  while (at < length && a[at] === b[at]) at++
  return at
}

/**
 * Diffs `other` (a tree's bytes) against an indexed tree, and indexes it: entries before the first differing byte
 * are shared, then both are merged by name until their remaining bytes are equal (checked natively, less often after
 * each miss so that a commit changing most entries stays linear), and the rest of the index is shifted.
 */
export function diffTree(known: IndexedTree, other: Buffer): { tree: IndexedTree; changes: { name: string; known: string | undefined; other: string | undefined }[] } {
  const k = known.content
  const p = commonPrefix(k, other)
  let first = 0
  for (let low = 0, high = known.offsets.length - 1; low <= high; ) {
    const middle = (low + high) >>> 1
    if (known.offsets[middle]! <= p) {
      first = middle
      low = middle + 1
    } else high = middle - 1
  }
  const changes: { name: string; known: string | undefined; other: string | undefined }[] = []
  const added: number[] = []
  let x = known.offsets.length === 0 ? 0 : known.offsets[first]!
  let y = x
  let j = first
  let tail: { from: number; shift: number } | undefined
  let wait = 0
  let backoff = 1
  while (x < other.length || y < k.length) {
    const eo = x < other.length ? entryAt(other, x) : undefined
    const ek = y < k.length ? entryAt(k, y) : undefined
    const order = !eo ? 1 : !ek ? -1 : compareKeys(other, eo, k, ek)
    if (order === 0 && eo && ek) {
      if (eo.end - x === ek.end - y && other.compare(k, y, ek.end, x, eo.end) === 0) {
        if (other.length - x === k.length - y && --wait <= 0) {
          if (other.compare(k, y, k.length, x, other.length) === 0) {
            tail = { from: j, shift: x - y }
            break
          }
          backoff *= 2
          wait = backoff
        }
      } else {
        changes.push({ name: other.toString('utf8', eo.nameStart, eo.nameEnd), known: blobOf(k, ek), other: blobOf(other, eo) })
      }
      added.push(x)
      x = eo.end
      y = ek.end
      j++
    } else if (order < 0 && eo) {
      changes.push({ name: other.toString('utf8', eo.nameStart, eo.nameEnd), known: undefined, other: blobOf(other, eo) })
      added.push(x)
      x = eo.end
    } else if (ek) {
      changes.push({ name: k.toString('utf8', ek.nameStart, ek.nameEnd), known: blobOf(k, ek), other: undefined })
      y = ek.end
      j++
    }
  }
  const rest = tail ? known.offsets.length - tail.from : 0
  const offsets = new Int32Array(first + added.length + rest)
  offsets.set(known.offsets.subarray(0, first))
  offsets.set(added, first)
  for (let i = 0; i < rest; i++) offsets[first + added.length + i] = known.offsets[tail!.from + i]! + tail!.shift
  return { tree: { content: other, offsets }, changes: changes.filter((c) => c.known !== c.other) }
}
