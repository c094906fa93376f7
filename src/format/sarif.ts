import type { Diagnostic } from '../diagnostics/diagnostic.js'

export interface SarifInput {
  diagnostics: readonly Diagnostic[]
  /** Rule ids with their descriptions, for the tool's rule metadata. */
  rules: ReadonlyMap<string, string>
  version: string
  /** The repository root relative to where code scanning checks the repository out, '' for the same folder. */
  rootPrefix?: string
}

const levels = { error: 'error', warning: 'warning', info: 'note' } as const

/** A SARIF 2.1.0 log for GitHub code scanning: one run, every rule used described, positions 1-based. */
export function formatSarif(input: SarifInput): string {
  const used = [...new Set(input.diagnostics.map((d) => d.ruleId))].sort()
  const ruleIndex = new Map(used.map((id, i) => [id, i]))
  const prefix = input.rootPrefix ? `${input.rootPrefix.replace(/\/+$/, '')}/` : ''
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gitsm',
            version: input.version,
            rules: used.map((id) => ({
              id,
              name: id,
              shortDescription: { text: input.rules.get(id) ?? describeFamily(id) },
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: '' } },
        results: input.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIndex.get(d.ruleId),
          level: levels[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(`${prefix}${d.file ?? 'gitsm.yaml'}`), uriBaseId: '%SRCROOT%' },
                region: region(d),
              },
            },
          ],
          partialFingerprints: { gitsmFinding: `${d.ruleId}:${d.file ?? ''}:${(d.path ?? []).join('.')}` },
        })),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function region(d: Diagnostic): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = d.line ?? 1
  const startColumn = d.column ?? 1
  const endLine = Math.max(startLine, d.endLine ?? startLine)
  // An empty range on one line would highlight nothing: cover at least one character.
  const endColumn = endLine === startLine ? Math.max(startColumn + 1, d.endColumn ?? 0) : (d.endColumn ?? 1)
  return { startLine, startColumn, endLine, endColumn }
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

function describeFamily(id: string): string {
  const family = id.split('/')[0]
  switch (family) {
    case 'yaml':
      return 'Records are plain YAML 1.2 that parses with certainty'
    case 'schema':
      return 'Records match the JSON Schema of their kind'
    case 'file':
      return 'Record files are regular files within the size limits'
    case 'markdown':
      return 'Markdown records parse and have front matter'
    default:
      return id
  }
}
