import { readFile } from 'node:fs/promises'
import { UsageError } from '../errors.js'
import type { PullRequestCommit, Review } from '../model/policy.js'
import { GitHubApiError } from './github/github-error.js'
import { commitFromRest as commitShape, reviewFromRest as reviewShape } from './github/rest-shapes.js'

/*
 * The pull request's facts from files holding GitHub's REST answers (`gitsm policy --reviews/--commits`). They go
 * through the same readers as the live answers, so offline and live judge the same facts the same way.
 */

/** One review of "list reviews for a pull request". Lower-case states (as webhook payloads spell them) are accepted. */
export function reviewFromRest(value: unknown, where: string): Review {
  const upper = value && typeof value === 'object' && typeof (value as { state?: unknown }).state === 'string' ? { ...value, state: (value as { state: string }).state.toUpperCase() } : value
  return asUsage(() => reviewShape(upper, 'file', where))
}

/** One commit of "list commits on a pull request": the logins of author and committer. */
export function commitFromRest(value: unknown, where: string): PullRequestCommit {
  return asUsage(() => commitShape(value, 'file', where))
}

/** Reads a JSON array of REST objects from a file, mapping each; any problem is a UsageError naming the file. */
export async function readRestList<T>(file: string, map: (value: unknown, where: string) => T): Promise<T[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!Array.isArray(data)) throw new UsageError(`${file} must hold a JSON array, as GitHub's API returns it.`)
  return data.map((item, i) => map(item, `${file}[${i}]`))
}

function asUsage<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof GitHubApiError && error.problem) throw new UsageError(`${error.problem}: gitsm cannot judge on facts it cannot read with certainty.`)
    throw error
  }
}
