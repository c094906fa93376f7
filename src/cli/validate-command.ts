import { relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import pkg from '../../package.json' with { type: 'json' }
import {
  ConfigError,
  formatGithubAnnotations,
  formatPretty,
  formatSarif,
  formatValidationJson,
  ruleRegistry,
  UsageError,
  validateRepository,
  type Diagnostic,
  type ValidationScope,
} from '../index.js'
import { validateHelp } from './help.js'
import { useColor, type CliIo } from './io.js'
import { parseCommandArgs } from './main.js'
import { nowOption, toPosix } from './options.js'

const formats = ['pretty', 'json', 'sarif', 'github'] as const
type Format = (typeof formats)[number]

export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string', short: 'f' },
      'changed-since': { type: 'string' },
      ref: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'validate',
  )
  if (values.help) {
    io.stdout.write(validateHelp)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`validate takes one DIR, got ${positionals.length}: ${positionals.join(' ')}. See \`gitsm validate --help\`.`)
  const format = (values.format ?? 'pretty') as Format
  if (!formats.includes(format)) throw new UsageError(`Unknown --format "${values.format}". Use one of: ${formats.join(', ')}.`)
  const now = nowOption(values.now)
  const root = resolve(io.cwd, positionals[0] ?? '.')
  const displayRoot = toPosix(relative(io.cwd, root)) || '.'

  const started = performance.now()
  let result
  try {
    result = await validateRepository({ root, ref: values.ref, changedSince: values['changed-since'], now })
  } catch (error) {
    if (error instanceof ConfigError && error.diagnostics.length > 0) {
      const sources: Record<string, string> = error.source !== undefined ? { 'gitsm.yaml': error.source } : {}
      io.stdout.write(render(format, { diagnostics: error.diagnostics, sources, files: 0, records: 0, source: displayRoot, root, displayRoot, io }))
      if (format !== 'pretty') io.stderr.write(`gitsm: ${error.message}\n`)
      return error.exitCode
    }
    throw error
  }
  const elapsedMs = performance.now() - started
  io.stdout.write(
    render(format, {
      diagnostics: result.diagnostics,
      sources: result.sources,
      files: result.files,
      records: result.records,
      source: values.ref ? result.source : displayRoot,
      root,
      displayRoot,
      io,
      elapsedMs,
      note: scopeNote(values['changed-since'], result.scope),
    }),
  )
  return result.errors > 0 ? 1 : 0
}

function scopeNote(changedSince: string | undefined, scope: ValidationScope): string | undefined {
  if (changedSince === undefined) return undefined
  return scope.full ? `Checked the whole repository, not only the changes since ${changedSince}: ${scope.reason}.` : `Checked the files changed since ${changedSince}.`
}

interface RenderInput {
  diagnostics: readonly Diagnostic[]
  sources: Record<string, string>
  files: number
  records: number
  source: string
  root: string
  displayRoot: string
  io: CliIo
  elapsedMs?: number
  note?: string
}

function render(format: Format, input: RenderInput): string {
  switch (format) {
    case 'json':
      return formatValidationJson({ root: input.root, files: input.files, records: input.records, diagnostics: input.diagnostics })
    case 'sarif': {
      const rules = new Map(ruleRegistry.map(({ rule }) => [rule.id, rule.description]))
      return formatSarif({ diagnostics: input.diagnostics, rules, version: pkg.version, rootPrefix: workspacePrefix(input) })
    }
    case 'github':
      return formatGithubAnnotations(input.diagnostics, workspacePrefix(input))
    case 'pretty':
      return formatPretty(
        { diagnostics: input.diagnostics, sources: input.sources, files: input.files, records: input.records, source: input.source, displayRoot: input.displayRoot, elapsedMs: input.elapsedMs, note: input.note },
        { color: useColor(input.io) },
      )
  }
}

/** Annotations and SARIF locations are relative to the workspace GitHub checked out, not to DIR. */
function workspacePrefix(input: RenderInput): string {
  const workspace = input.io.env.GITHUB_WORKSPACE ? resolve(input.io.env.GITHUB_WORKSPACE) : input.io.cwd
  const prefix = toPosix(relative(workspace, input.root))
  return prefix.startsWith('..') ? '' : prefix
}
