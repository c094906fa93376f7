import type { Config } from '../model/config.js'
import type { TreeReader } from '../model/source.js'
import { ConfigError } from '../errors.js'
import { isFileContentError } from '../io/decode.js'
import { parseYaml } from '../parse/yaml-document.js'
import { validateConfig } from './validate.js'

export const configFile = 'gitsm.yaml'

/**
 * Reads and checks `gitsm.yaml` at the root of a tree. Throws ConfigError (exit 2) when it is missing or has any
 * error; the error carries the positioned diagnostics and the file's text for a code frame.
 */
export async function readConfig(tree: TreeReader): Promise<Config> {
  let text: string | undefined
  try {
    text = await tree.read(configFile)
  } catch (error) {
    if (isFileContentError(error)) throw new ConfigError(`${configFile} cannot be read.`, { diagnostics: [error.diagnostic] })
    throw error
  }
  if (text === undefined) {
    throw new ConfigError(
      `No ${configFile} in ${tree.description}: gitsm looks for it at the root of the ITSM repository. Pass the repository's folder as DIR, or create ${configFile} (it may be as short as \`timezone: UTC\`).`,
    )
  }
  const parsed = parseYaml(text, { file: configFile })
  // A gitsm.yaml holding only comments is a valid configuration: every default applies.
  if (!parsed.ok && parsed.diagnostics.every((d) => d.ruleId === 'yaml/empty')) {
    return validateConfig({}, () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }), configFile).config
  }
  if (!parsed.ok) throw new ConfigError(`${configFile} cannot be read.`, { diagnostics: parsed.diagnostics, source: text })
  const { config, diagnostics } = validateConfig(parsed.value.data, parsed.value.locate, configFile)
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) throw new ConfigError(`${configFile} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}.`, { diagnostics, source: text })
  return config
}
