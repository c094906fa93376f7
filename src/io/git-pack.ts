import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { constants, inflateSync } from 'node:zlib'
import type { ObjectType } from './git-objects.js'

/*
 * git pack files: the version 2 index (sorted object ids, offsets), entry headers, zlib data and deltas.
 * See git's Documentation/gitformat-pack.txt.
 */

const packTypes: Record<number, ObjectType | 'ofs-delta' | 'ref-delta'> = {
  1: 'commit',
  2: 'tree',
  3: 'blob',
  4: 'tag',
  6: 'ofs-delta',
  7: 'ref-delta',
}

export interface Pack {
  path: string
  size: number
  index: Buffer
  count: number
  /** Where the 4-byte offsets start in the index, then the 8-byte large offsets. */
  offsets: number
  large: number
  data?: Buffer
  fd?: number
}

export interface EntryHeader {
  kind: ObjectType | 'ofs-delta' | 'ref-delta'
  /** Inflated size of this entry's data (for a delta: the delta's own size). */
  size: number
  /** Where the compressed data starts. */
  data: number
  baseOffset?: number
  baseOid?: string
}

/** Opens the packs under `objectsDir`/pack: their indexes are read now, their data when an object is read. */
export function readPacks(objectsDir: string): Pack[] {
  const packDir = join(objectsDir, 'pack')
  let names: string[]
  try {
    names = readdirSync(packDir)
  } catch {
    return []
  }
  const packs: Pack[] = []
  for (const name of names.sort()) {
    if (!name.endsWith('.idx')) continue
    const path = join(packDir, `${name.slice(0, -4)}.pack`)
    let index: Buffer
    let size: number
    try {
      index = readFileSync(join(packDir, name))
      const fd = openSync(path, 'r')
      try {
        size = fstatSync(fd).size
      } finally {
        closeSync(fd)
      }
    } catch {
      continue
    }
    if (index.length < 8 + 1024 || index.readUInt32BE(0) !== 0xff744f63 || index.readUInt32BE(4) !== 2) {
      throw new Error(`The pack index ${name} is not a version 2 pack index; run \`git repack -a -d\` to rewrite it.`)
    }
    const count = index.readUInt32BE(8 + 255 * 4)
    const offsets = 8 + 1024 + count * 24
    packs.push({ path, size, index, count, offsets, large: offsets + count * 4 })
  }
  return packs
}

/** Where an object starts in a pack, by binary search in the index; undefined when the pack does not hold it. */
export function findOffset(pack: Pack, oid: string): number | undefined {
  const wanted = Buffer.from(oid, 'hex')
  const first = wanted[0]!
  let low = first === 0 ? 0 : pack.index.readUInt32BE(8 + (first - 1) * 4)
  let high = pack.index.readUInt32BE(8 + first * 4)
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = 8 + 1024 + middle * 20
    const order = pack.index.compare(wanted, 0, 20, start, start + 20)
    if (order === 0) {
      const small = pack.index.readUInt32BE(pack.offsets + middle * 4)
      if ((small & 0x80000000) === 0) return small
      return Number(pack.index.readBigUInt64BE(pack.large + (small & 0x7fffffff) * 8))
    }
    if (order > 0) high = middle
    else low = middle + 1
  }
  return undefined
}

/** Reads `length` bytes at `position` of an open file (fewer at its end). */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length)
  let done = 0
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done)
    if (read === 0) break
    done += read
  }
  return done === length ? buffer : buffer.subarray(0, done)
}

// Packs up to this size are read into memory once; larger ones are read piecewise through a descriptor that stays
// open while the store is in use.
const inMemoryPackBytes = 64 * 1024 * 1024
const openPacks = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd)
  } catch {
    // already closed
  }
})

/** Reads part of a pack file. */
function packBytes(pack: Pack, position: number, length: number): Buffer {
  const end = Math.min(position + length, pack.size)
  if (pack.size <= inMemoryPackBytes) {
    pack.data ??= readFileSync(pack.path)
    return pack.data.subarray(position, end)
  }
  if (pack.fd === undefined) {
    pack.fd = openSync(pack.path, 'r')
    openPacks.register(pack, pack.fd)
  }
  return readAt(pack.fd, position, end - position)
}

/** Decodes the header of the entry at `offset`: its type, size and, for a delta, where its base is. */
export function readEntryHeader(pack: Pack, offset: number): EntryHeader {
  const bytes = packBytes(pack, offset, 32)
  let at = 0
  let byte = bytes[at++]!
  const kind = packTypes[(byte >> 4) & 7]
  if (!kind) throw new Error(`Unknown object type at offset ${offset} of ${pack.path}.`)
  let size = byte & 0x0f
  let scale = 16
  while (byte & 0x80) {
    byte = bytes[at++]!
    size += (byte & 0x7f) * scale
    scale *= 128
  }
  if (kind === 'ofs-delta') {
    byte = bytes[at++]!
    let distance = byte & 0x7f
    while (byte & 0x80) {
      byte = bytes[at++]!
      distance = (distance + 1) * 128 + (byte & 0x7f)
    }
    return { kind, size, data: offset + at, baseOffset: offset - distance }
  }
  if (kind === 'ref-delta') {
    return { kind, size, data: offset + at + 20, baseOid: bytes.toString('hex', at, at + 20) }
  }
  return { kind, size, data: offset + at }
}

/** Inflates an entry's data (for a delta, the delta itself). */
export function inflateEntry(pack: Pack, header: EntryHeader): Buffer {
  const available = pack.size - 20 - header.data
  // Deflate rarely grows data by more than a few bytes per 16 KiB block; read the rest of the pack if it did.
  const guess = Math.min(available, header.size + (header.size >> 3) + 64)
  for (const length of guess < available ? [guess, available] : [available]) {
    try {
      const content = inflateSync(packBytes(pack, header.data, length), {
        maxOutputLength: Math.max(header.size, 1),
        // zlib's default 16 KiB output chunk per call dominates the cost of small objects.
        chunkSize: Math.max(64, Math.min(header.size, 1 << 20)),
      })
      if (content.length !== header.size) throw new Error(`An object in ${pack.path} has the wrong size.`)
      return content
    } catch (error) {
      if (length === available) throw error
    }
  }
  throw new Error(`Cannot inflate an object in ${pack.path}.`)
}

function readVarint(bytes: Uint8Array, start: number): { value: number; next: number } | undefined {
  let value = 0
  let scale = 1
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at]!
    value += (byte & 0x7f) * scale
    scale *= 128
    if ((byte & 0x80) === 0) return { value, next: at + 1 }
  }
  return undefined
}

function readDeltaSizes(delta: Uint8Array): { base: number; result: number; next: number } | undefined {
  const base = readVarint(delta, 0)
  if (!base) return undefined
  const result = readVarint(delta, base.next)
  if (!result) return undefined
  return { base: base.value, result: result.value, next: result.next }
}

/** Applies a delta (copy and insert instructions) to its base object. */
export function applyDelta(base: Buffer, delta: Buffer, where: string): Buffer {
  const sizes = readDeltaSizes(delta)
  if (!sizes || sizes.base !== base.length) throw new Error(`A delta in ${where} does not fit its base object.`)
  const result = Buffer.allocUnsafe(sizes.result)
  let out = 0
  let at = sizes.next
  while (at < delta.length) {
    const op = delta[at++]!
    if (op & 0x80) {
      let offset = 0
      let size = 0
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += delta[at++]! * 2 ** (8 * bit)
      for (let bit = 0; bit < 3; bit++) if (op & (16 << bit)) size += delta[at++]! << (8 * bit)
      if (size === 0) size = 0x10000
      if (offset + size > base.length || out + size > result.length) throw new Error(`A delta in ${where} copies outside its base object.`)
      base.copy(result, out, offset, offset + size)
      out += size
    } else if (op > 0) {
      if (at + op > delta.length || out + op > result.length) throw new Error(`A delta in ${where} is truncated.`)
      delta.copy(result, out, at, at + op)
      at += op
      out += op
    } else {
      throw new Error(`A delta in ${where} has an invalid instruction.`)
    }
  }
  if (out !== result.length) throw new Error(`A delta in ${where} is truncated.`)
  return result
}

/** Every object id in a pack that starts with `prefix` (lowercase hex, at least two digits). */
export function packOidsWithPrefix(pack: Pack, prefix: string): string[] {
  const first = parseInt(prefix.slice(0, 2), 16)
  const low = first === 0 ? 0 : pack.index.readUInt32BE(8 + (first - 1) * 4)
  const high = pack.index.readUInt32BE(8 + first * 4)
  const found: string[] = []
  for (let i = low; i < high; i++) {
    const oid = pack.index.toString('hex', 8 + 1024 + i * 20, 8 + 1024 + i * 20 + 20)
    if (oid.startsWith(prefix)) found.push(oid)
  }
  return found
}

/** The size of the object a delta entry produces: the second varint of the delta, inflated only as far as needed. */
export function deltaResultSize(pack: Pack, header: EntryHeader): number {
  for (let want = 64; ; want *= 8) {
    const end = Math.min(header.data + want, pack.size - 20)
    const bytes = inflateSync(packBytes(pack, header.data, end - header.data), { finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 64 })
    const sizes = readDeltaSizes(bytes)
    if (sizes) return sizes.result
    if (end >= pack.size - 20) throw new Error(`The delta at offset ${header.data} of ${pack.path} is truncated.`)
  }
}
