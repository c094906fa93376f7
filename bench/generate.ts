/**
 * Generates realistic ITSM repositories (FORMAT.md) for the benchmark: a large organisation's services, SLAs,
 * standard change models, changes, incidents, problems and knowledge articles, with years of git history, and a
 * pull request on top. Deterministic: the same options always give the same files and the same commit ids.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { commitBranch, git, writeHistory } from './gen/history.js'
import { countsFor, type Counts, type Organisation } from './gen/model.js'
import { buildOrganisation } from './gen/organisation.js'
import { pullRequestFiles } from './gen/pull-request.js'
import { Renderer } from './gen/render.js'
import { berlinTime, formatBerlin, HOUR } from './gen/time.js'

export interface GenerateOptions {
  /** Number of record files. */
  files: number
  seed?: number
  /** Commits on main; default about one per eight records, between 250 and 3,000. */
  commits?: number
  /** Years of history before "now". */
  years?: number
}

export interface GeneratedRepository {
  dir: string
  files: number
  seed: number
  commits: number
  head: string
  /** The generator's "now" (the history ends here); pass it to `gitsm validate --now`. */
  now: string
  counts: Counts
  organisation: Organisation
  renderer: Renderer
}

export interface PullRequest {
  branch: string
  base: string
  head: string
  changed: string[]
  added: number
  edited: number
}

/** The end of every generated history: a Friday evening in November 2026, Berlin time. */
export const generatorNow = berlinTime(2026, 11, 20, 18, 0)

/** Writes a repository with `options.files` record files and their git history into `dir` (created, must be empty). */
export async function generateRepository(dir: string, options: GenerateOptions): Promise<GeneratedRepository> {
  const seed = options.seed ?? 1
  const organisation = buildOrganisation({ files: options.files, seed, years: options.years ?? 4, end: generatorNow })
  const renderer = new Renderer(organisation)
  const histories = renderer.files()
  mkdirSync(dir, { recursive: true })
  const commits = options.commits ?? Math.min(3000, Math.max(250, Math.round(options.files / 8)))
  const history = await writeHistory(dir, histories, commits)
  return { dir, files: options.files, seed, commits: history.commits, head: history.head, now: formatBerlin(generatorNow), counts: countsFor(options.files), organisation, renderer }
}

/**
 * Adds a branch `branch` with one commit on top of main that edits and adds `count` record files in total, as a
 * pull request would; the working tree stays on main. Returns the base and head commits and the changed paths.
 */
export function createPullRequest(repo: GeneratedRepository, options: { count?: number; branch?: string } = {}): PullRequest {
  const count = options.count ?? 100
  const branch = options.branch ?? `pr/bench-${count}`
  const files = pullRequestFiles(repo.organisation, repo.renderer, count, repo.seed)
  const base = git(repo.dir, ['rev-parse', 'main'])
  const head = commitBranch(repo.dir, branch, files, {
    at: generatorNow + HOUR,
    author: repo.organisation.teams.get('cab')?.[0] ?? 'admin',
    message: `Weekly CAB batch: ${files.filter((f) => f.added).length} new records, ${files.filter((f) => !f.added).length} updates`,
    write: (path, text) => {
      const target = join(repo.dir, path)
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, text)
    },
  })
  return { branch, base, head, changed: files.map((f) => f.path), added: files.filter((f) => f.added).length, edited: files.filter((f) => !f.added).length }
}
