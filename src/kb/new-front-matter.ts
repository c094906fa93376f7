import { stringifyYamlMapping } from '../parse/yaml-write.js'
import type { PlannedArticle } from './adoption-plan.js'
import { headingLine } from './guess-title.js'
import type { MarkdownFacts } from './markdown-facts.js'
import type { TextEdit } from './text-edits.js'

/**
 * The edit that turns a file into the planned article: the old front matter (and a byte order mark) replaced by
 * the new one, and `# <title>` put first in the body when the body has no level-1 heading reading as the title.
 * The file's line endings are kept; blank lines between the front matter and the body collapse to one.
 */
export function newArticleText(facts: MarkdownFacts, article: PlannedArticle): TextEdit {
  const eol = facts.text.includes('\r\n') ? '\r\n' : '\n'
  const yaml = stringifyYamlMapping(article.frontMatter).replace(/\n/g, eol)
  const bodyStart = facts.frontMatter?.end ?? facts.bom
  const blank = /^(?:[ \t]*\r?\n)*/.exec(facts.text.slice(bodyStart))![0].length
  const rest = facts.text.length - bodyStart - blank
  let head = `---${eol}${yaml}---${eol}`
  if (article.addedHeading) head += `${eol}${headingLine(article.title)}${eol}`
  if (rest > 0) head += eol
  return { start: 0, end: bodyStart + blank, text: head }
}
