import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../errors.js'
import { writeFileAtomic } from '../io/atomic-write.js'
import { initHelp } from './help.js'
import type { CliIo } from './io.js'
import { parseCommandArgs } from './main.js'

/** Where the Action is published; `--action` overrides it (a fork, a pinned commit). */
export const defaultActionRef = 'gitsm/gitsm@v0'

const recordFolders = ['services', 'slas', 'changes/standard', 'incidents', 'problems', 'kb']

/** `gitsm init [DIR]`: a starter ITSM repository with the secure workflows. Never overwrites a file. */
export async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { org: { type: 'string' }, action: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'init',
  )
  if (values.help) {
    io.stdout.write(initHelp)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`init takes one DIR, got ${positionals.length}. See \`gitsm init --help\`.`)
  const dir = resolve(io.cwd, positionals[0] ?? '.')
  if (existsSync(join(dir, 'gitsm.yaml'))) {
    throw new UsageError(`${join(relative(io.cwd, dir) || '.', 'gitsm.yaml')} exists: this is an ITSM repository already. Nothing was written.`)
  }
  const org = values.org ?? (await organizationOfRemote(dir)) ?? 'acme'
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org)) throw new UsageError(`--org "${org}" is not a GitHub organization login.`)
  const action = values.action ?? defaultActionRef
  if (!/^[\w.-]+\/[\w./-]+@[\w./-]+$/.test(action)) throw new UsageError(`--action "${action}" is not an Action reference such as ${defaultActionRef}.`)

  const templates = findTemplates()
  const written: string[] = []
  const kept: string[] = []
  for (const file of listFiles(templates)) {
    const target = join(dir, file)
    if (existsSync(target)) {
      kept.push(file)
      continue
    }
    const text = (await readFile(join(templates, file), 'utf8')).replaceAll('ACTION_REF', action).replace(/\bacme\b/g, org)
    await writeFileAtomic(target, text)
    written.push(file)
  }
  for (const folder of recordFolders) {
    const keep = join(folder, '.gitkeep')
    if (!existsSync(join(dir, folder))) {
      await writeFileAtomic(join(dir, keep), '')
      written.push(keep)
    }
  }
  const shown = relative(io.cwd, dir) || '.'
  io.stdout.write(`Created an ITSM repository in ${shown}:\n${written.map((f) => `  ${f}`).join('\n')}\n`)
  if (kept.length > 0) io.stdout.write(`Kept, as they exist already:\n${kept.map((f) => `  ${f}`).join('\n')}\n`)
  io.stdout.write(
    `\nNext: fill in teams: in gitsm.yaml, then follow the README's secure setup (a GitHub App whose key lives in a\n"gitsm" environment, branch protection requiring gitsm/policy from that App). Check it with: gitsm validate ${shown}\n`,
  )
  return 0
}

/** The organization of a github.com `origin` remote, if DIR is a checkout of one. */
async function organizationOfRemote(dir: string): Promise<string | undefined> {
  const config = await readFile(join(dir, '.git', 'config'), 'utf8').catch(() => '')
  const origin = /\[remote "origin"\][^[]*?url\s*=\s*(\S+)/.exec(config)?.[1]
  return origin ? /github\.com[:/]([A-Za-z0-9-]+)\//.exec(origin)?.[1] : undefined
}

/** templates/init of this package, found from this module (sources, compiled or bundled). */
function findTemplates(): string {
  let at = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(at, 'templates', 'init')
    if (existsSync(candidate)) return candidate
    at = dirname(at)
  }
  throw new Error('The templates of gitsm init are missing from this installation.')
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix))
    .sort()
    .flatMap((name) => {
      const path = prefix ? `${prefix}${sep}${name}` : name
      return statSync(join(root, path)).isDirectory() ? listFiles(root, path) : [path.split(sep).join('/')]
    })
}
