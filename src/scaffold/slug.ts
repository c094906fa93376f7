/** Letters that Unicode normalization does not take apart into a base letter and marks. */
const transliterations: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }

/**
 * The slug of a title, for ids and file names: lowercase ASCII letters and digits joined by single hyphens,
 * accents dropped (`Überprüfung` becomes `uberprufung`), at most `maxLength` characters, cut at a hyphen where
 * one is near. Empty when the title has no letter or digit that maps to ASCII.
 */
export function slugOf(title: string, maxLength = 60): string {
  const ascii = title
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => transliterations[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength + 1)
  const hyphen = cut.lastIndexOf('-')
  return (hyphen >= maxLength / 2 ? cut.slice(0, hyphen) : cut.slice(0, maxLength)).replace(/-+$/, '')
}
