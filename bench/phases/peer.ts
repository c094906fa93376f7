/**
 * The peer chain: what a team would run without gitsm. ajv-cli validates each kind's YAML files against the same
 * JSON Schemas from schemas/ (formats registered, YAML read as 1.2 core by ajv-setup.cjs), then markdownlint-cli2
 * lints the Markdown records. Markdown front matter is not schema-checked by this chain: ajv-cli cannot read it.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface PeerStep {
  name: string
  command: string
  args: string[]
}

const kinds: readonly { schema: string; folder: string; name?: string }[] = [
  { schema: 'config', folder: '', name: 'gitsm.yaml' },
  { schema: 'service', folder: 'services' },
  { schema: 'sla', folder: 'slas' },
  { schema: 'standard-change', folder: 'changes/standard' },
  { schema: 'change', folder: 'changes' },
  { schema: 'incident', folder: 'incidents' },
  { schema: 'problem', folder: 'problems' },
]

/** The commands of the chain for a repository, in order; kinds without schema or files are left out. */
export function peerSteps(projectRoot: string, repo: string): PeerStep[] {
  const bin = (name: string): string => join(projectRoot, 'node_modules', '.bin', name)
  const setup = join(projectRoot, 'bench', 'phases', 'ajv-setup.cjs')
  const steps: PeerStep[] = []
  for (const kind of kinds) {
    const schema = join(projectRoot, 'schemas', `${kind.schema}.schema.json`)
    if (!existsSync(schema)) continue
    let data: string
    if (kind.name) data = kind.name
    else {
      const dir = join(repo, kind.folder)
      if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.yaml'))) continue
      data = `${kind.folder}/*.yaml`
    }
    steps.push({ name: `ajv ${kind.schema}`, command: bin('ajv'), args: ['validate', '--spec=draft2020', '--all-errors', '-c', setup, '-s', schema, '-d', data] })
  }
  steps.push({ name: 'markdownlint-cli2', command: bin('markdownlint-cli2'), args: ['kb/**/*.md', 'incidents/**/*.md', 'problems/**/*.md'] })
  return steps
}
