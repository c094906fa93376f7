import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { UsageError } from '../errors.js'

/** The file that marks a folder as written by `gitsm report`: only such a folder (or an empty one) is replaced. */
export const reportMarker = '.gitsm-report'
const markerText = 'This folder is written by `gitsm report` and replaced as a whole on each run: do not keep other files here.\n'

/**
 * Writes a report folder so that a crash leaves either the previous report or the new one, never a mix: every file
 * goes into a new sibling folder, which then takes the place of `out` by rename. Replacing needs two renames (the old
 * folder aside, the new one in); a crash between them leaves the previous report complete beside `out` as
 * `.NAME.previous`, which the next run puts back before it starts (it also removes the temporary folders of killed
 * runs). `out` must be missing, empty, or a folder this
 * function wrote (it holds `.gitsm-report`): anything else is a UsageError, so a mistyped `--out` never deletes work.
 */
export async function writeReportDirectory(out: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const target = resolve(out)
  const parent = dirname(target)
  const name = basename(target)
  const previous = join(parent, `.${name}.previous`)
  await fs.mkdir(parent, { recursive: true })
  await restorePrevious(target, previous)
  await removeStaleTemps(parent, name)
  await checkReplaceable(target, out)

  const temp = join(parent, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fs.mkdir(temp)
    await fs.writeFile(join(temp, reportMarker), markerText)
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = resolve(temp, path)
      if (!file.startsWith(temp + sep)) throw new Error(`report file path escapes the folder: ${path}`)
      await fs.mkdir(dirname(file), { recursive: true })
      await fs.writeFile(file, content, { flag: 'wx' })
    }
    if (await exists(target)) {
      await fs.rename(target, previous)
      await fs.rename(temp, target)
      await fs.rm(previous, { recursive: true, force: true })
    } else {
      await fs.rename(temp, target)
    }
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true })
    throw error
  }
}

/** A previous report set aside by a run that crashed between its two renames goes back in place. */
async function restorePrevious(target: string, previous: string): Promise<void> {
  if (!(await exists(previous))) return
  if (await exists(target)) await fs.rm(previous, { recursive: true, force: true })
  else await fs.rename(previous, target)
}

/** Temporary folders of runs that were killed while writing. */
async function removeStaleTemps(parent: string, name: string): Promise<void> {
  const stale = (await fs.readdir(parent)).filter((n) => n.startsWith(`.${name}.`) && n.endsWith('.tmp'))
  for (const n of stale) await fs.rm(join(parent, n), { recursive: true, force: true })
}

async function checkReplaceable(target: string, shown: string): Promise<void> {
  let stat
  try {
    stat = await fs.lstat(target)
  } catch {
    return
  }
  const where = relative(process.cwd(), target) || '.'
  if (stat.isSymbolicLink()) throw new UsageError(`--out ${shown} is a symbolic link, and the report replaces its folder as a whole. Give the folder it points to, or a new one.`)
  if (!stat.isDirectory()) throw new UsageError(`--out ${shown} is a file, not a folder. Choose a folder for the report, such as --out report.`)
  const names = await fs.readdir(target)
  if (names.length > 0 && !names.includes(reportMarker)) {
    throw new UsageError(
      `--out ${shown} (${where}) holds files that gitsm report did not write, and the report replaces its folder as a whole. ` +
        'Choose a new or empty folder, such as --out report.',
    )
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path)
    return true
  } catch {
    return false
  }
}
