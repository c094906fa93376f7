import type { SourceFile } from '../model/record.js'

/** The article types of the format (FORMAT.md, "Article"). */
export const articleTypes = ['known_error', 'troubleshooting', 'runbook', 'how_to', 'faq', 'reference'] as const
export type ArticleType = (typeof articleTypes)[number]

/** What planning an adoption needs: the repository's files as text, and the choices made at the front door. */
export interface AdoptionInput {
  /** The folder to adopt, repository-relative with forward slashes; '' is the root. */
  dir: string
  /** Every Markdown file of the repository (links to adopted files are rewritten in all of them). */
  markdown: readonly SourceFile[]
  /** Every file path of the repository, to tell broken links and to keep new names free. */
  paths: readonly string[]
  /** Other text files (site and tool configuration) searched for names of renamed files, which a person updates. */
  otherTexts?: readonly SourceFile[]
  /** Required level-2 sections per article type (`knowledge.sections`). */
  sections: Readonly<Record<string, readonly string[]>>
  /** Files that are not records (`ignore:` in gitsm.yaml). */
  isIgnored?: (path: string) => boolean
  /** The knowledge folder (`paths.knowledge`), to warn when DIR is outside it. */
  knowledgeFolder?: string
  /** `owner` of every adopted article; left out when undefined. */
  owner?: string
  /** `reviewed_at` of every adopted article, `YYYY-MM-DD`. */
  today: string
}

/** Where an adopted article's title came from. */
export type TitleSource = 'front matter' | 'level-1 heading' | 'first heading' | 'file name'

/** Something about an adopted article that only a person can decide. */
export interface Todo {
  what: 'services' | 'owner' | 'sections' | 'title' | 'headings' | 'empty' | 'broken-link' | 'missing-image' | 'unrewritten-link'
  message: string
  /** 1-based line in the file as it is now, when the todo is about one place. */
  line?: number
}

export interface PlannedArticle {
  /** The file as it is now. */
  from: string
  /** The file after adoption (equal to `from` when its name starts with its id already). */
  to: string
  id: string
  title: string
  titleSource: TitleSource
  /** The front matter's title when the level-1 heading differs from it and won (it stays under `x.title`). */
  replacedTitle?: string
  type: ArticleType
  /** Why this type: the headings that decided it. */
  typeReason: string
  /** The new front matter, as data. */
  frontMatter: Record<string, unknown>
  /** Whether `# <title>` was added at the top of the body. */
  addedHeading: boolean
  todos: Todo[]
}

/** One link whose destination changes because the file it points at is renamed. */
export interface LinkRewrite {
  /** The file holding the link, as it is now. */
  file: string
  line: number
  column: number
  before: string
  after: string
}

/** A file that is written: adopted (new front matter, maybe a new name) or holding rewritten links. */
export interface FileChange {
  from: string
  to: string
  /** The text now, to check nobody changed the file since it was planned. */
  before: string
  after: string
}

export interface SkippedFile {
  file: string
  reason: string
}

/** A renamed file's old name in a file where gitsm cannot rewrite it (site configuration, template syntax). */
export interface Mention {
  file: string
  line: number
  name: string
  renamedTo: string
}

/** An adoption, computed without touching anything: the articles, every file to write, and what a person decides. */
export interface AdoptionPlan {
  dir: string
  articles: PlannedArticle[]
  rewrites: LinkRewrite[]
  changes: FileChange[]
  skipped: SkippedFile[]
  mentions: Mention[]
  /** Findings about the whole adoption (DIR outside the knowledge folder, a name taken). */
  notes: string[]
  /** Planned names that exist already as other files: applying the plan must be refused. */
  conflicts: string[]
}
