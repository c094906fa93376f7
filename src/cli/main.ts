import { parseArgs, type ParseArgsConfig } from 'node:util'
import pkg from '../../package.json' with { type: 'json' }
import { GitsmError, UsageError } from '../errors.js'
import { mainHelp } from './help.js'
import type { CliIo } from './io.js'
import { runInit } from './init-command.js'
import { runKb } from './kb-command.js'
import { runNew } from './new-command.js'
import { runPolicy } from './policy-command.js'
import { runReport } from './report-command.js'
import { runSchema } from './schema-command.js'
import { runValidate } from './validate-command.js'

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>

/** Runs the `gitsm` command line and returns its exit code. The only place that sees argv. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'validate':
        return await runValidate(rest, io)
      case 'schema':
        return await runSchema(rest, io)
      case 'policy':
        return await runPolicy(rest, io)
      case 'report':
        return await runReport(rest, io)
      case 'init':
        return await runInit(rest, io)
      case 'kb':
        return await runKb(rest, io)
      case 'new':
        return await runNew(rest, io)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(mainHelp)
        return command === undefined ? 2 : 0
      case '-v':
      case '--version':
        io.stdout.write(`${pkg.version}\n`)
        return 0
      default:
        throw new UsageError(`Unknown command "${command}". Commands: validate, policy, report, new, init, kb, schema. See \`gitsm --help\`.`)
    }
  } catch (error) {
    return reportFailure(error, io)
  }
}

/** Prints a tool failure on stderr and returns its exit code; unknown errors are internal (3: never a pass). */
export function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof GitsmError) {
    io.stderr.write(`gitsm: ${error.message}\n`)
    return error.exitCode
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  io.stderr.write(`gitsm: internal error, please report it:\n${message}\n`)
  return 3
}

/** parseArgs with gitsm's usage errors: unknown options and missing values become UsageError (exit 2). */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
  command: string,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '.') : String(error)
    throw new UsageError(`${message} See \`gitsm ${command} --help\`.`)
  }
}
