/** Generated repositories for the benchmark, cached under bench/out by size, seed and generator version. */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkRepository } from './check.js'
import { createPullRequest, generateRepository } from './generate.js'
import { git } from './gen/history.js'
import type { Counts } from './gen/model.js'

export interface PreparedRepository {
  files: number
  seed: number
  /** The repository on main, clean working tree. */
  dir: string
  /** A clone checked out on the pull request branch. */
  prDir: string
  /** main, the pull request's base commit. */
  base: string
  prHead: string
  prChanged: number
  commits: number
  counts: Counts
  now: string
  /** Whether it was generated in this run (else read from the cache). */
  generated: boolean
  generateMs: number
}

const here = dirname(fileURLToPath(import.meta.url))

/** A short hash of the generator's source, so that a changed generator never reuses a stale repository. */
function generatorVersion(): string {
  const hash = createHash('sha256')
  const files = ['generate.ts', 'check.ts', ...readdirSync(join(here, 'gen')).sort().map((f) => `gen/${f}`)]
  for (const file of files) hash.update(file).update(readFileSync(join(here, file)))
  return hash.digest('hex').slice(0, 10)
}

/**
 * Returns the repository of `files` record files for `seed`, generating it (with its pull request branch and a clone
 * on that branch) unless the cache has it. A fresh repository must pass the independent format check.
 */
export async function prepareRepository(outDir: string, files: number, seed: number, log: (line: string) => void): Promise<PreparedRepository> {
  const name = `repo-${files}-s${seed}`
  const key = `${name}-${generatorVersion()}`
  const dir = join(outDir, key)
  const prDir = `${dir}-pr`
  const metaFile = `${dir}.json`
  if (existsSync(metaFile) && existsSync(dir) && existsSync(prDir)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as PreparedRepository
    if (git(dir, ['status', '--porcelain']) === '' && git(prDir, ['status', '--porcelain']) === '') return { ...meta, generated: false, generateMs: 0 }
  }
  // Drop older generations of the same size and seed, and any half-written one.
  for (const entry of existsSync(outDir) ? readdirSync(outDir) : []) {
    if (entry.startsWith(`${name}-`)) rmSync(join(outDir, entry), { recursive: true, force: true })
  }
  log(`generating ${files} files (seed ${seed}) in ${dir}`)
  const started = performance.now()
  const repo = await generateRepository(dir, { files, seed })
  const pr = createPullRequest(repo, { count: 100 })
  git(outDir, ['clone', '-q', '--branch', pr.branch, dir, prDir])
  const generateMs = performance.now() - started
  log(`  ${repo.commits} commits, pull request ${pr.branch}: ${pr.edited} edited + ${pr.added} added files (${(generateMs / 1000).toFixed(1)} s)`)
  const problems = [...checkRepository(dir, repo.now), ...checkRepository(prDir, repo.now).map((p) => `(pull request) ${p}`)]
  if (problems.length > 0) {
    throw new Error(`the generated repository departs from FORMAT.md:\n${problems.slice(0, 30).join('\n')}`)
  }
  const prepared: PreparedRepository = {
    files,
    seed,
    dir,
    prDir,
    base: pr.base,
    prHead: pr.head,
    prChanged: pr.changed.length,
    commits: repo.commits,
    counts: repo.counts,
    now: repo.now,
    generated: true,
    generateMs,
  }
  writeFileSync(metaFile, `${JSON.stringify(prepared, null, 2)}\n`)
  return prepared
}
