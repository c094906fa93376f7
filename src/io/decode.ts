import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { GitsmError } from '../errors.js'
import { fileDiagnostic } from './tree-paths.js'

/**
 * A file that exists but cannot be read as text (invalid UTF-8). `TreeReader.read` rejects with it, so a caller that
 * does not expect it still fails (exit 1, a finding) instead of checking garbage; a loader that does expect it turns
 * `diagnostic` into a finding for that file and carries on with the others.
 */
export class FileContentError extends GitsmError {
  readonly diagnostic: Diagnostic

  constructor(diagnostic: Diagnostic) {
    super(`${diagnostic.file ?? ''}: ${diagnostic.message}`, 1)
    this.diagnostic = diagnostic
  }
}

/** True when `error` is a {@link FileContentError} (also across module copies, by shape). */
export function isFileContentError(error: unknown): error is FileContentError {
  return error instanceof FileContentError || (error instanceof Error && error.name === 'FileContentError' && 'diagnostic' in error)
}

/**
 * Decodes UTF-8 strictly: a leading byte order mark is dropped, and an invalid byte sequence throws a
 * {@link FileContentError} (`file/encoding`) at the line where it occurs instead of becoming U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const at = firstInvalidByte(bytes)
    let line = 1
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++
    throw new FileContentError({
      ...fileDiagnostic('file/encoding', file, `This file is not valid UTF-8 (byte ${at + 1} cannot be decoded). Save it as UTF-8.`),
      line,
      endLine: line,
    })
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let low = 0
  let high = bytes.length
  // Prefixes that end inside a valid character fail too, so search for the longest prefix that decodes when
  // extended by up to three bytes.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (decodesWithin(decoder, bytes, middle)) low = middle
    else high = middle - 1
  }
  return low
}

function decodesWithin(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array, end: number): boolean {
  for (let extra = 0; extra <= 3 && end + extra <= bytes.length; extra++) {
    try {
      decoder.decode(bytes.subarray(0, end + extra))
      return true
    } catch {
      // try a longer prefix: `end` may fall inside a character
    }
  }
  return false
}
