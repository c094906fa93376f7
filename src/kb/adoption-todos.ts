import GithubSlugger from 'github-slugger'
import type { ArticleType, Todo } from './adoption-plan.js'
import type { TitleGuess } from './guess-title.js'
import type { MarkdownFacts } from './markdown-facts.js'
import { resolveLink } from '../links/resolve-link.js'

export interface TodoInput {
  facts: MarkdownFacts
  title: TitleGuess
  type: ArticleType
  addedHeading: boolean
  sections: Readonly<Record<string, readonly string[]>>
  owner: string | undefined
  /** Whether a repository path is a file or a folder holding one. */
  exists: (path: string) => boolean
  /** Anchors of a Markdown file of the repository, for links with `#anchor`; undefined for other files. */
  anchorsOf: (path: string) => ReadonlySet<string> | undefined
}

/** What only a person can decide about an adopted article. */
export function adoptionTodos(input: TodoInput): Todo[] {
  const { facts, type } = input
  const todos: Todo[] = [{ what: 'services', message: 'Name the services this article is about (services: [...]).' }]
  if (input.owner === undefined) todos.push({ what: 'owner', message: 'Name the owner (--owner, or owner: in the front matter).' })
  if (input.title.source === 'file name') todos.push({ what: 'title', message: `The title "${input.title.title}" comes from the file name: check it.` })
  const missing = missingSections(facts, input.sections[type] ?? [])
  if (missing.length > 0) {
    const list = missing.map((s) => `"## ${s}"`).join(', ')
    todos.push({ what: 'sections', message: `Articles of type ${type} need ${list}: add ${missing.length === 1 ? 'it' : 'them'}, rename a heading, or change the type.` })
  }
  todos.push(...headingTodos(input))
  if (facts.empty) todos.push({ what: 'empty', message: 'The file has no content besides its front matter: write the article, or delete it.' })
  todos.push(...linkTodos(input))
  return todos
}

function missingSections(facts: MarkdownFacts, required: readonly string[]): string[] {
  const key = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase()
  const present = new Set(facts.headings.filter((h) => h.depth === 2).map((h) => key(h.text)))
  return [...new Set(required.map((name) => name.trim()))].filter((name) => name !== '' && !present.has(key(name)))
}

function headingTodos({ facts, addedHeading }: TodoInput): Todo[] {
  const todos: Todo[] = []
  const h1 = facts.headings.filter((h) => h.depth === 1)
  for (const extra of addedHeading ? h1 : h1.slice(1)) {
    todos.push({ what: 'headings', line: extra.range.line, message: `"${extra.text}" is another level-1 heading; an article has one, its title: make it level 2, or split the article.` })
  }
  const first = facts.headings.find((h) => h.depth > 1)
  const firstAfterTitle = addedHeading ? facts.headings[0] : facts.headings[facts.headings.indexOf(h1[0]!) + 1]
  if (first && firstAfterTitle === first && first.depth > 2) {
    todos.push({ what: 'headings', line: first.range.line, message: `The sections start at level ${first.depth} under the title: make "${first.text}" level 2.` })
  }
  return todos
}

function linkTodos({ facts, exists, anchorsOf }: TodoInput): Todo[] {
  const todos: Todo[] = []
  for (const site of facts.links) {
    const target = resolveLink(facts.path, site.url)
    if (target.type === 'external') continue
    const image = site.kind === 'image'
    if (target.type === 'outside') {
      todos.push({ what: 'broken-link', line: site.line, message: `The ${image ? 'image' : 'link'} ${site.url} points out of the repository: link inside it, or use a full URL.` })
      continue
    }
    if (!exists(target.path)) {
      if (image) todos.push({ what: 'missing-image', line: site.line, message: `The image ${site.url} does not exist: add it, or remove the image.` })
      else todos.push({ what: 'broken-link', line: site.line, message: `The link ${site.url} is broken already: ${target.path} does not exist.` })
      continue
    }
    const anchors = target.anchor === undefined ? undefined : anchorsOf(target.path)
    if (anchors && target.anchor !== undefined && !anchors.has(target.anchor) && !anchors.has(target.anchor.toLowerCase())) {
      todos.push({ what: 'broken-link', line: site.line, message: `The link ${site.url} is broken already: no heading has the anchor #${target.anchor}.` })
    }
  }
  return todos
}

/** GitHub's anchors of a Markdown file: heading slugs (repeats get -1, -2) and HTML `id`/`name` attributes. */
export function anchorsOfFacts(facts: MarkdownFacts): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set(facts.htmlAnchors)
  for (const heading of facts.headings) anchors.add(slugger.slug(heading.text))
  return anchors
}
