import type { AdoptionPlan, PlannedArticle, Todo } from './adoption-plan.js'

/** A plan and what became of it, for output. */
export interface AdoptionReport {
  plan: AdoptionPlan
  /** Whether the plan was applied (`--write`). */
  written: boolean
  /** The repository root and DIR as the user should read them. */
  root: string
}

/** Most todos of one kind listed per article; the rest are counted. */
const perKind = 3

/** The plan for a person: each article with its new name, id, type and what is left to decide. */
export function formatAdoptionPretty(report: AdoptionReport): string {
  const { plan } = report
  const lines: string[] = []
  const dir = plan.dir === '' ? '.' : `${plan.dir}/`
  const verb = report.written ? 'Adopted' : 'Would adopt'
  lines.push(`${verb} ${count(plan.articles.length, 'Markdown file')} under ${dir} as knowledge articles${plan.skipped.length > 0 ? `; skipped ${plan.skipped.length}` : ''}.`)
  for (const note of plan.notes) lines.push(`Note: ${note}`)
  for (const article of plan.articles) lines.push('', ...articleLines(article))
  if (plan.rewrites.length > 0) {
    const files = new Set(plan.rewrites.map((r) => r.file)).size
    lines.push('', `${report.written ? 'Rewrote' : 'Would rewrite'} ${count(plan.rewrites.length, 'link')} in ${count(files, 'file')} to follow the renamed files.`)
  }
  if (plan.skipped.length > 0) {
    lines.push('', 'Skipped:')
    for (const skipped of plan.skipped) lines.push(`  ${skipped.file}: ${skipped.reason}`)
  }
  if (plan.mentions.length > 0) {
    lines.push('', `Old file names that stay written ${report.written ? '' : 'after adoption '}outside links (site navigation, template shortcodes, text); update them by hand:`)
    for (const mention of plan.mentions) lines.push(`  ${mention.file}:${mention.line}  ${mention.name} → ${mention.renamedTo}`)
  }
  if (plan.conflicts.length > 0) {
    lines.push('', 'These new names exist already, so nothing can be written:')
    for (const conflict of plan.conflicts) lines.push(`  ${conflict}`)
  }
  const lacking = new Map<string, number>()
  for (const article of plan.articles) {
    if (article.todos.some((t) => t.what === 'sections')) lacking.set(article.type, (lacking.get(article.type) ?? 0) + 1)
  }
  for (const [type, n] of lacking) {
    if (n >= 3) lines.push('', `${n} ${type} articles lack sections their type requires: rename their headings, or set knowledge.sections.${type} in gitsm.yaml to the sections your articles have.`)
  }
  if (plan.articles.length > 0) {
    const owner = plan.articles.some((a) => a.frontMatter.owner === undefined) ? ', its owner' : ''
    lines.push('', `For every article, a person decides its services (services: [...])${owner} and, when it is right, publishes it (status: published).`)
  }
  if (!report.written && plan.articles.length > 0) lines.push('Nothing was written. Run again with --write --owner TEAM to apply this plan.')
  return `${lines.join('\n')}\n`
}

function articleLines(article: PlannedArticle): string[] {
  const rename = article.to === article.from ? article.from : `${article.from} → ${article.to}`
  const title =
    article.replacedTitle === undefined ? `title from the ${article.titleSource}` : `title from the level-1 heading; the front matter's "${article.replacedTitle}" stays under x.title`
  const lines = [`  ${rename}`, `    ${article.id}  ${article.type}  "${article.title}"  (${title}; ${article.type}: ${article.typeReason})`]
  const byKind = new Map<Todo['what'], Todo[]>()
  for (const todo of article.todos) {
    // Asked of every article alike: said once, at the end.
    if (todo.what === 'services' || todo.what === 'owner') continue
    byKind.set(todo.what, [...(byKind.get(todo.what) ?? []), todo])
  }
  for (const todos of byKind.values()) {
    for (const todo of todos.slice(0, perKind)) lines.push(`    - ${todo.line === undefined ? '' : `line ${todo.line}: `}${todo.message}`)
    if (todos.length > perKind) lines.push(`    - ... and ${todos.length - perKind} more like these`)
  }
  return lines
}

/** The plan as JSON: everything but the files' texts. */
export function formatAdoptionJson(report: AdoptionReport): string {
  const { plan } = report
  const output = {
    root: report.root,
    dir: plan.dir,
    written: report.written,
    articles: plan.articles,
    rewrites: plan.rewrites,
    files: plan.changes.map((c) => ({ from: c.from, to: c.to })),
    skipped: plan.skipped,
    mentions: plan.mentions,
    notes: plan.notes,
    conflicts: plan.conflicts,
  }
  return `${JSON.stringify(output, null, 2)}\n`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
