// Records reach the policy even when their schema validation failed (the verdict is then `rejected` anyway), so every
// read of record data goes through these helpers: a value of the wrong type reads as absent.

/** The value if it is a string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The value if it is a mapping (a plain object, not an array), else undefined. */
export function map(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The string items of an array, with their indexes; empty for anything that is not an array. */
export function stringItems(value: unknown): { value: string; index: number }[] {
  if (!Array.isArray(value)) return []
  const out: { value: string; index: number }[] = []
  value.forEach((item, index) => {
    if (typeof item === 'string') out.push({ value: item, index })
  })
  return out
}

/** Structural equality of plain data (what YAML yields): same type, same keys, same items in the same order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  }
  const ma = map(a)
  const mb = map(b)
  if (!ma || !mb) return false
  const keys = Object.keys(ma).filter((key) => ma[key] !== undefined)
  if (keys.length !== Object.keys(mb).filter((key) => mb[key] !== undefined).length) return false
  return keys.every((key) => Object.hasOwn(mb, key) && sameValue(ma[key], mb[key]))
}

/** A value as a message shows it: strings as they are, anything else as compact JSON. Never throws. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(typeof value)
  } catch {
    return typeof value
  }
}
