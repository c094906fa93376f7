/**
 * The next free id of a `PREFIX-NNNN` kind: one more than the highest number among `taken`, which may hold ids
 * (`CHG-0020`) and file names (`CHG-0020-upgrade-postgres.yaml`). The number keeps the zero padding of that
 * highest id, and has at least four digits: `CHG-0021` after `CHG-0020`, `CHG-10000` after `CHG-9999`.
 */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-([0-9]+)(?=$|[-.])`)
  let highest = 0n
  let width = 4
  for (const name of taken) {
    const digits = pattern.exec(name)?.[1]
    if (digits === undefined) continue
    const number = BigInt(digits)
    if (number > highest) {
      highest = number
      width = Math.max(4, digits.length)
    } else if (number === highest) {
      width = Math.max(width, digits.length)
    }
  }
  return `${prefix}-${(highest + 1n).toString().padStart(width, '0')}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
