import { defaultConfig } from '../../src/config/defaults.js'
import type { AdoptionInput, AdoptionPlan, PlannedArticle } from '../../src/kb/index.js'
import { planAdoption } from '../../src/kb/index.js'

/** Plans the adoption of `dir` in a repository made of `files` (path → text), with the default sections. */
export function plan(files: Record<string, string>, dir = 'kb', options: Partial<AdoptionInput> = {}): AdoptionPlan {
  const paths = Object.keys(files)
  return planAdoption({
    dir,
    markdown: paths.filter((p) => p.endsWith('.md')).map((path) => ({ path, text: files[path]! })),
    paths,
    sections: defaultConfig().knowledge.sections,
    owner: '@acme/sre',
    today: '2026-11-21',
    ...options,
  })
}

export function article(result: AdoptionPlan, from: string): PlannedArticle {
  const found = result.articles.find((a) => a.from === from)
  if (!found) throw new Error(`${from} is not adopted; adopted: ${result.articles.map((a) => a.from).join(', ')}`)
  return found
}

/** The text a file has after the plan is applied, by its new path. */
export function textAfter(result: AdoptionPlan, files: Record<string, string>, path: string): string {
  const change = result.changes.find((c) => c.to === path)
  if (change) return change.after
  if (files[path] === undefined) throw new Error(`${path} does not exist after the adoption`)
  return files[path]
}
