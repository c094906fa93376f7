import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * Runs the Action as a runner does: `node <bundle>` in a child process, inputs as INPUT_* variables, the event
 * payload in a file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as files the test reads back.
 */

const repoRoot = join(import.meta.dirname, '..', '..')
const exec = promisify(execFile)

let bundled: string | undefined

/**
 * Bundles the Action from the current sources, exactly as `npm run bundle` does, into a temporary folder (the
 * committed dist/ is left alone; CI checks it separately). Once per test file.
 */
export async function buildAction(): Promise<string> {
  if (bundled) return bundled
  const outfile = join(mkdtempSync(join(tmpdir(), 'gitsm-action-')), 'index.js')
  await exec(process.execPath, [join(repoRoot, 'scripts', 'bundle-action.mjs'), outfile], { cwd: repoRoot })
  bundled = outfile
  return outfile
}

export interface ActionRun {
  /** The step's exit code: 0 passed, 1 failed. */
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Workflow commands on stdout: `::error file=a.yaml,line=3::message` → { command, properties, message }. */
  annotations: Annotation[]
}

export interface Annotation {
  command: string
  properties: Record<string, string>
  message: string
}

export interface RunOptions {
  inputs: Record<string, string>
  workspace: string
  event?: { name: string; payload: unknown }
  repository?: string
  apiUrl?: string
  /** Extra `node` options, before the script. */
  nodeArgs?: string[]
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const bundle = await buildAction()
  const dir = mkdtempSync(join(tmpdir(), 'gitsm-runner-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json') }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: dir,
  }
  if (options.repository) env.GITHUB_REPOSITORY = options.repository
  if (options.apiUrl) env.GITHUB_API_URL = options.apiUrl
  if (options.event) {
    writeFileSync(files.event, JSON.stringify(options.event.payload))
    env.GITHUB_EVENT_NAME = options.event.name
    env.GITHUB_EVENT_PATH = files.event
  }
  // The runner names inputs INPUT_<NAME>, upper case, spaces as underscores (dashes kept).
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  let code = 0
  let stdout: string
  let stderr: string
  try {
    ;({ stdout, stderr } = await exec(process.execPath, [...(options.nodeArgs ?? []), bundle], { cwd: options.workspace, env, timeout: 60_000 }))
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    ;({ code, stdout, stderr } = e)
  }
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8'), annotations: parseAnnotations(stdout) }
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER`, the value, `DELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!match) continue
    const end = lines.indexOf(match[2]!, i + 1)
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const part of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = part.indexOf('=')
      properties[part.slice(0, at)] = unescape(part.slice(at + 1))
    }
    annotations.push({ command: match[1]!, properties, message: unescape(match[3]!) })
  }
  return annotations
}

function unescape(text: string): string {
  return text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}
