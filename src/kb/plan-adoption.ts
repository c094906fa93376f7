import { classifyFiles, type Candidate } from './adoption-candidates.js'
import type { AdoptionInput, AdoptionPlan, PlannedArticle } from './adoption-plan.js'
import { adoptionTodos, anchorsOfFacts } from './adoption-todos.js'
import { articleFileName, createIdAllocator, idOfFileName } from './article-ids.js'
import { guessType } from './guess-type.js'
import { planLinkRewrites } from './link-rewrites.js'
import { readMarkdownFacts, type MarkdownFacts } from './markdown-facts.js'
import { findMentions } from './mentions.js'
import { newArticleText } from './new-front-matter.js'
import { pathExists } from '../links/resolve-link.js'
import { applyEdits, type TextEdit } from './text-edits.js'

/**
 * Plans the adoption of the Markdown files under `input.dir` that have no gitsm front matter: a new id, title, type
 * and front matter for each (the old front matter kept under `x:`), a name starting with the id, and every relative
 * link of the repository's Markdown that points at a renamed file rewritten at its exact place. Pure: the plan
 * holds every file's new text, and applying it is the caller's. Never throws on file content.
 */
export function planAdoption(input: AdoptionInput): AdoptionPlan {
  const dir = trimSlashes(input.dir)
  const inDir = (path: string): boolean => dir === '' || path.startsWith(`${dir}/`)
  const plan: AdoptionPlan = { dir, articles: [], rewrites: [], changes: [], skipped: [], mentions: [], notes: [], conflicts: [] }
  const knowledge = input.knowledgeFolder === undefined ? '' : trimSlashes(input.knowledgeFolder)
  if (knowledge !== '' && dir !== knowledge && !dir.startsWith(`${knowledge}/`)) {
    plan.notes.push(`${dir || 'The repository root'} is outside the knowledge folder ${knowledge}/: gitsm validate will report the articles in the wrong folder. Move them, or set paths.knowledge.`)
  }

  const facts = new Map<string, MarkdownFacts>()
  for (const file of input.markdown) {
    try {
      facts.set(file.path, readMarkdownFacts(file.path, file.text))
    } catch (error) {
      if (inDir(file.path)) plan.skipped.push({ file: file.path, reason: `the Markdown parser failed: ${error instanceof Error ? error.message : String(error)}` })
    }
  }
  const { candidates, skipped, idCount, titleCount } = classifyFiles([...facts.values()], input, inDir)
  plan.skipped.push(...skipped)

  const renames = new Map<string, string>()
  const articles = new Map<string, { article: PlannedArticle; candidate: Candidate }>()
  const nextId = createIdAllocator(idCount.keys())
  // Compared without case: on macOS and Windows a name in another case is the same file.
  const taken = new Set(input.paths.map((p) => p.toLowerCase()))
  for (const candidate of candidates) {
    const from = candidate.facts.path
    const folder = from.slice(0, from.lastIndexOf('/') + 1)
    const name = from.slice(folder.length)
    // A file named by an id no other file has keeps it (written in gitsm's case: kb-0007.md would need a rename).
    const own = idOfFileName(from)
    const id = own !== undefined && idCount.get(own) === 1 && name.startsWith(own) ? own : nextId()
    const namedAlready = name.startsWith(id) && /^[-.]/.test(name.slice(id.length))
    const to = namedAlready ? from : folder + articleFileName(id, candidate.title.title)
    if (to !== from) {
      if (taken.has(to.toLowerCase())) plan.conflicts.push(to)
      taken.add(to.toLowerCase())
      renames.set(from, to)
    }
    articles.set(from, { article: plannedArticle(candidate, id, to, input), candidate })
  }

  const exists = pathExists(input.paths)
  const anchors = new Map<string, Set<string>>()
  const anchorsOf = (path: string): Set<string> | undefined => {
    const file = facts.get(path)
    if (file && !anchors.has(path)) anchors.set(path, anchorsOfFacts(file))
    return anchors.get(path)
  }
  const newTexts = new Map<string, string>()
  for (const file of facts.values()) {
    const links = planLinkRewrites(file, renames)
    plan.rewrites.push(...links.rewrites)
    const edits: TextEdit[] = [...links.edits]
    const adopted = articles.get(file.path)
    if (adopted) {
      const { article, candidate } = adopted
      edits.push(newArticleText(file, article))
      const context = { facts: file, title: candidate.title, type: article.type, addedHeading: article.addedHeading, sections: input.sections, owner: input.owner }
      article.todos.push(...adoptionTodos({ ...context, exists, anchorsOf }))
      for (const { site, target } of links.unrewritten) {
        article.todos.push({ what: 'unrewritten-link', line: site.line, message: `The link to ${target} cannot be rewritten safely: point it at ${renames.get(target)} by hand.` })
      }
    } else {
      for (const { site, target } of links.unrewritten) plan.mentions.push({ file: file.path, line: site.line, name: site.url, renamedTo: renames.get(target)! })
    }
    if (edits.length === 0) continue
    const to = renames.get(file.path) ?? file.path
    const after = applyEdits(file.text, edits)
    plan.changes.push({ from: file.path, to, before: file.text, after })
    newTexts.set(file.path, after)
  }

  const texts = [...facts.values()].map((f) => ({ path: renames.get(f.path) ?? f.path, text: newTexts.get(f.path) ?? f.text }))
  plan.mentions.push(...findMentions([...texts, ...(input.otherTexts ?? [])], renames, plan.mentions))
  plan.articles = [...articles.values()].map(({ article }) => article)
  for (const article of plan.articles) {
    if ((titleCount.get(article.title.toLowerCase()) ?? 0) < 2) continue
    article.todos.push({ what: 'title', message: `Another article has the title "${article.title}" too: give them titles that tell them apart.` })
  }
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  plan.rewrites.sort((a, b) => byPath(a.file, b.file) || a.line - b.line || a.column - b.column)
  plan.changes.sort((a, b) => byPath(a.from, b.from))
  plan.mentions.sort((a, b) => byPath(a.file, b.file) || a.line - b.line)
  plan.skipped.sort((a, b) => byPath(a.file, b.file))
  if (candidates.length === 0) plan.notes.push(`No Markdown file under ${dir || 'the repository root'} needs adopting.`)
  return plan
}

function plannedArticle(candidate: Candidate, id: string, to: string, input: AdoptionInput): PlannedArticle {
  const { facts, data, title } = candidate
  const guess = guessType(facts.headings, title.title)
  const frontMatter: Record<string, unknown> = { kind: 'Article', id, title: title.title, type: guess.type, status: 'draft' }
  if (input.owner !== undefined) frontMatter.owner = input.owner
  frontMatter.reviewed_at = input.today
  if (Object.keys(data).length > 0) frontMatter.x = data
  const hasTitleHeading = facts.headings.some((h) => h.depth === 1 && h.text.replace(/\s+/g, ' ').trim() === title.title)
  const article: PlannedArticle = {
    from: facts.path,
    to,
    id,
    title: title.title,
    titleSource: title.source,
    type: guess.type,
    typeReason: guess.reason,
    frontMatter,
    addedHeading: !hasTitleHeading,
    todos: [],
  }
  if (title.replaced !== undefined) article.replacedTitle = title.replaced
  return article
}

function trimSlashes(path: string): string {
  const trimmed = path.replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  return trimmed === '.' ? '' : trimmed
}
