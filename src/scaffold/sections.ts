/** Section names compare trimmed, with inner whitespace collapsed, ignoring case (as the KB checks compare them). */
function sectionKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The texts of the level-2 ATX headings of a Markdown document, outside fenced code blocks. */
export function levelTwoHeadings(markdown: string): string[] {
  const headings: string[] = []
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker !== undefined) {
      if (fence === undefined) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      continue
    }
    if (fence !== undefined) continue
    const heading = /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1]
    if (heading !== undefined) headings.push(heading)
  }
  return headings
}

/**
 * Appends a level-2 section for each name in `required` that the document lacks, each with a line of text
 * (`placeholder(name)`) so the section is not empty. Returns the document unchanged when nothing is missing.
 */
export function appendMissingSections(markdown: string, required: readonly string[], placeholder: (name: string) => string): string {
  const present = new Set(levelTwoHeadings(markdown).map(sectionKey))
  const missing = required.filter((name) => name.trim() !== '' && !present.has(sectionKey(name)))
  if (missing.length === 0) return markdown
  const body = markdown.endsWith('\n') ? markdown : `${markdown}\n`
  return `${body}${missing.map((name) => `\n## ${name.trim()}\n\n${placeholder(name.trim())}\n`).join('')}`
}
