import { Document } from 'yaml'

/**
 * Writes a mapping of plain data (strings, numbers, booleans, null, arrays, objects) as YAML 1.2 block text that
 * parseYaml reads back to the same data: keys in the given order, strings quoted only where a plain scalar would
 * read as something else, no line folding. Ends with a newline.
 */
export function stringifyYamlMapping(data: Readonly<Record<string, unknown>>): string {
  const doc = new Document(data, { version: '1.2', schema: 'core', aliasDuplicateObjects: false })
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true })
}
