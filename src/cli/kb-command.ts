import { existsSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { link, lstat, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import picomatch from 'picomatch'
import { configFile, readConfig } from '../config/read.js'
import { InfrastructureError, UsageError } from '../errors.js'
import { writeFileAtomic } from '../io/atomic-write.js'
import { openWorkingTree } from '../io/working-tree.js'
import { createMarkdownParser } from '../io/markdown-pool.js'
import { isSafeForMainThread } from '../io/markdown-risk.js'
import { formatAdoptionJson, formatAdoptionPretty, planAdoption, type AdoptionPlan, type FileChange } from '../kb/index.js'
import type { SourceFile } from '../model/record.js'
import { loaderLimits } from '../parse/limits.js'
import type { CliIo } from './io.js'
import { parseCommandArgs } from './main.js'
import { nowOption, toPosix } from './options.js'

export const kbHelp = `Usage: gitsm kb adopt DIR [--write --owner TEAM] [options]

Adopts existing Markdown documents as knowledge articles. For every Markdown file under DIR without gitsm
front matter, plans:
  - front matter: a new id (after the highest KB- id in use), the title (the level-1 heading, else the existing
    title, else a heading opening the body, else the file name), a type guessed from the headings, status draft,
    the owner, reviewed_at today; the existing front-matter fields are kept under x:
  - a level-1 heading equal to the title, when the body has none
  - a file name starting with the id (KB-0042-<title>.md, same folder), and every relative link of the
    repository's Markdown that points at a renamed file rewritten (anchors, queries and ./ or ../ kept)
And lists what a person must decide: services, sections the type requires (knowledge.sections), links and images
that are broken already, old file names written outside links (site navigation, templates).

DIR must be inside an ITSM repository: gitsm.yaml in DIR or a folder above it. Files that gitsm.yaml ignores
(ignore:), and files that are gitsm records already, are left as they are.

Options:
  --write            Apply the plan: write the new files, rewrite the links, then remove the old files
  --owner TEAM       The owner of every adopted article, a GitHub handle (@org/team or @login); needed with --write
  --format FORMAT    pretty (default) or json
  --now TIME         Take TIME (RFC 3339, e.g. 2026-11-21T09:00:00Z) as now, for reviewed_at; default: the current time
  -h, --help         Show this help

Without --write nothing changes. With --write, every new text is written to a temporary file first; the new files
appear, then the rewritten links, then the old files go, so no link ever points at a file that is gone.

Exit codes: 0 planned or applied, 2 usage or configuration error (or a new name is taken), 3 the files could not
be written (what was written is put back).

Examples:
  gitsm kb adopt kb/
  gitsm kb adopt kb/ --write --owner @acme/sre
`

const formats = ['pretty', 'json'] as const
type Format = (typeof formats)[number]
const handle = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,99})?$/
const otherTextFiles = /\.(ya?ml|toml|json)$/i
const otherTextBytes = 256 * 1024

/** `gitsm kb <subcommand>`: knowledge-base tools; for now `adopt`. */
export async function runKb(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  switch (subcommand) {
    case 'adopt':
      return await runAdopt(rest, io)
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      io.stdout.write(kbHelp)
      return subcommand === undefined ? 2 : 0
    default:
      throw new UsageError(`Unknown kb command "${subcommand}". Commands: adopt. See \`gitsm kb --help\`.`)
  }
}

async function runAdopt(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      write: { type: 'boolean' },
      owner: { type: 'string' },
      format: { type: 'string', short: 'f' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'kb',
  )
  if (values.help) {
    io.stdout.write(kbHelp)
    return 0
  }
  if (positionals.length !== 1) throw new UsageError(`kb adopt takes one DIR, got ${positionals.length}. See \`gitsm kb --help\`.`)
  const format = (values.format ?? 'pretty') as Format
  if (!formats.includes(format)) throw new UsageError(`Unknown --format "${values.format}". Use one of: ${formats.join(', ')}.`)
  if (values.owner !== undefined && !handle.test(values.owner)) throw new UsageError(`--owner "${values.owner}" is not a GitHub handle such as @acme/sre or @alice.`)
  if (values.write && values.owner === undefined) throw new UsageError('--write needs --owner TEAM: every article has an owner.')
  const now = nowOption(values.now)

  const dir = resolve(io.cwd, positionals[0]!)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${positionals[0]} is not a folder.`)
  const root = findRoot(dir)
  if (root === undefined) {
    throw new UsageError(`No ${configFile} in ${positionals[0]} or any folder above it: kb adopt works inside an ITSM repository. Create one with \`gitsm init\`.`)
  }
  const tree = openWorkingTree(root)
  const config = await readConfig(tree)
  const { entries } = await tree.list([''])
  const notes: string[] = []
  const markdown: SourceFile[] = []
  const otherTexts: SourceFile[] = []
  for (const entry of entries) {
    const isMarkdown = /\.md$/i.test(entry.path)
    if (!isMarkdown && !(otherTextFiles.test(entry.path) && entry.size <= otherTextBytes)) continue
    if (isMarkdown && entry.size > loaderLimits.markdownBytes) {
      notes.push(`${entry.path} is too large to read (over ${loaderLimits.markdownBytes / 1024} KiB): it is not adopted, and its links are not rewritten.`)
      continue
    }
    const text = await readText(join(root, entry.path))
    if (text === undefined) {
      if (isMarkdown) notes.push(`${entry.path} is not valid UTF-8: it is not adopted, and its links are not rewritten.`)
      continue
    }
    ;(isMarkdown ? markdown : otherTexts).push({ path: entry.path, text })
  }

  const plan = planAdoption({
    dir: toPosix(relative(root, dir)),
    markdown: await withinBudget(markdown, notes),
    paths: entries.map((e) => e.path),
    otherTexts,
    sections: config.knowledge.sections,
    isIgnored: picomatch(config.ignore, { dot: true }),
    knowledgeFolder: config.paths.knowledge,
    owner: values.owner,
    today: dateIn(now, config.timezone),
  })
  plan.notes.push(...notes)
  if (values.write) {
    if (plan.conflicts.length > 0) {
      io.stdout.write(render(format, plan, false, root, io))
      throw new UsageError(`${plan.conflicts.length === 1 ? 'A new name exists' : 'New names exist'} already (${plan.conflicts.join(', ')}): nothing was written.`)
    }
    await applyAdoption(root, plan.changes)
  }
  io.stdout.write(render(format, plan, values.write === true, root, io))
  return 0
}

/**
 * The planner parses Markdown in this thread, where a parse cannot be interrupted; remark is super-linear on some
 * inputs. Files that a linear pre-check does not find plain are first parsed by the worker pool under its time
 * budget; one that runs over (or nests too deep, or breaks the parser) is left out and named, so no file can
 * hang the command.
 */
async function withinBudget(files: readonly SourceFile[], notes: string[]): Promise<SourceFile[]> {
  const risky = files.filter((file) => !isSafeForMainThread(file.text))
  if (risky.length === 0) return [...files]
  const parser = createMarkdownParser({ mainThread: false })
  const refused = new Set<string>()
  try {
    for (const file of risky) {
      const result = await parser.parse({ path: file.path, text: file.text })
      const problem = result.ok ? undefined : result.diagnostics.find((d) => ['markdown/too-slow', 'markdown/too-deep', 'markdown/syntax'].includes(d.ruleId))
      if (problem) {
        refused.add(file.path)
        notes.push(`${file.path} is not adopted: ${problem.message}`)
      }
    }
  } finally {
    await parser.close()
  }
  return files.filter((file) => !refused.has(file.path))
}

/**
 * Applies the planned file changes so that no link ever points at a missing file: every new text goes to a
 * temporary file next to its target first; then the new files appear (never over an existing file), then the
 * rewritten files replace theirs, and only then do the old files go. A failure before the old files go puts back
 * everything written; a file changed since it was planned stops it all before anything is touched.
 */
export async function applyAdoption(root: string, changes: readonly FileChange[]): Promise<void> {
  const at = (path: string): string => join(root, ...path.split('/'))
  const staged: { change: FileChange; temp: string }[] = []
  const created: string[] = []
  const replaced: FileChange[] = []
  try {
    for (const change of changes) {
      const temp = join(dirname(at(change.to)), `.${basename(change.to)}.${randomBytes(6).toString('hex')}.tmp`)
      await writeFile(temp, change.after, { flag: 'wx' })
      staged.push({ change, temp })
    }
    for (const { change } of staged) {
      if ((await readText(at(change.from)).catch(() => undefined)) !== change.before) {
        throw new UsageError(`${change.from} changed while the adoption was planned: nothing was written. Run it again.`)
      }
    }
    for (const { change, temp } of staged.filter((s) => s.change.to !== s.change.from)) {
      await placeNew(temp, at(change.to), change.to)
      created.push(at(change.to))
    }
    for (const { change, temp } of staged.filter((s) => s.change.to === s.change.from)) {
      await rename(temp, at(change.to))
      replaced.push(change)
    }
  } catch (error) {
    for (const change of replaced) await writeFileAtomic(at(change.from), change.before).catch(() => undefined)
    for (const path of created) await rm(path, { force: true }).catch(() => undefined)
    for (const { temp } of staged) await rm(temp, { force: true }).catch(() => undefined)
    if (error instanceof UsageError) throw error
    throw new InfrastructureError(`Could not write the adopted files, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const left: string[] = []
  for (const change of changes) {
    if (change.to !== change.from) await unlink(at(change.from)).catch(() => left.push(change.from))
  }
  if (left.length > 0) {
    throw new InfrastructureError(`The articles and links were written, but these old files could not be removed (links no longer point at them): ${left.join(', ')}`)
  }
}

/** Moves a staged file to a new name that must not exist: a hard link refuses to replace a file, where rename would not. */
async function placeNew(temp: string, target: string, shown: string): Promise<void> {
  try {
    await link(temp, target)
    await unlink(temp)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new UsageError(`${shown} exists already: nothing was written.`)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error
  }
  // File systems without hard links: check, then rename.
  if (await lstat(target).then(() => true, () => false)) throw new UsageError(`${shown} exists already: nothing was written.`)
  await rename(temp, target)
}

function render(format: Format, plan: AdoptionPlan, written: boolean, root: string, io: CliIo): string {
  const report = { plan, written, root: toPosix(relative(io.cwd, root)) || '.' }
  return format === 'json' ? formatAdoptionJson(report) : formatAdoptionPretty(report)
}

/** The nearest folder at or above `dir` holding gitsm.yaml. */
function findRoot(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, configFile))) return at
    if (dirname(at) === at) return undefined
  }
}

/** A file's text, a byte order mark kept (so a rewritten file keeps it); undefined when it is not UTF-8. */
async function readText(path: string): Promise<string | undefined> {
  const bytes = await readFile(path)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** The calendar date of an instant in a time zone, `YYYY-MM-DD`. */
function dateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
