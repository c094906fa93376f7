import type { RegisteredRule } from '../rules/index.js'

/** Findings that come from the loader and the schemas rather than from a rule module. */
const builtInFamilies: [string, string][] = [
  ['yaml/syntax', 'The file is not well-formed YAML'],
  ['yaml/duplicate-key', 'A key appears twice in one mapping (YAML parsers silently keep the last)'],
  ['yaml/directive', '`%YAML` and `%TAG` directives are not allowed (`%YAML 1.1` would turn `yes` into `true`)'],
  ['yaml/tag', 'Explicit tags (`!!str`, `!!js/function`) are not allowed'],
  ['yaml/anchor', 'Anchors (`&name`) are not allowed'],
  ['yaml/alias', 'Aliases (`*name`) are not allowed'],
  ['yaml/merge-key', 'Merge keys (`<<`) are not allowed'],
  ['yaml/tab-indent', 'Tabs are not allowed as indentation'],
  ['yaml/multiple-documents', 'A record file holds exactly one YAML document'],
  ['yaml/empty', 'The file holds no YAML document'],
  ['yaml/not-a-mapping', 'A record is a mapping, not a list or a single value'],
  ['yaml/complex-key', 'Keys are plain scalars'],
  ['yaml/forbidden-key', '`__proto__`, `constructor` and `prototype` are not allowed as keys'],
  ['yaml/too-deep', 'Nesting deeper than 64 levels'],
  ['file/too-large', 'Records are at most 256 KiB, Markdown files at most 1 MiB'],
  ['file/symlink', 'A symlink is refused, never followed'],
  ['file/submodule', 'A submodule entry where a record was expected'],
  ['file/not-regular', 'Not a regular file (a FIFO, socket or device)'],
  ['file/encoding', 'The file is not valid UTF-8'],
  ['markdown/no-front-matter', 'A Markdown record starts with a `---` front-matter block'],
  ['markdown/too-slow', 'The Markdown file took longer than the time budget to parse'],
  ['record/unknown-kind', 'Neither the `kind` field nor the folder tells the record kind'],
  ['schema/*', 'The record does not match its kind\'s JSON Schema (`schema/required`, `schema/additional-properties`, `schema/enum`, `schema/format`, ...)'],
]

/** The rules reference (docs/rules.md), generated from the registry so it cannot drift. */
export function formatRulesDoc(registry: readonly RegisteredRule[]): string {
  const rows = registry.map(({ rule, severity }) => `| \`${rule.id}\` | ${severity} | ${rule.description} |`)
  const builtIn = builtInFamilies.map(([id, text]) => `| \`${id}\` | ${text} |`)
  return [
    '# Rules',
    '',
    'Generated from the rule registry by `npm run docs`; do not edit by hand.',
    '',
    'Each finding has a stable rule id. The severity of a rule can be changed, or the rule turned off, in',
    '`gitsm.yaml`:',
    '',
    '```yaml',
    'rules:',
    '  kb/review-overdue: error   # error | warning | info | off',
    '```',
    '',
    '## Rules',
    '',
    '| id | default | checks that |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '## Loader and schema findings',
    '',
    'These are always errors and cannot be turned off: gitsm does not judge a file it cannot read with certainty.',
    '',
    '| id | means |',
    '| --- | --- |',
    ...builtIn,
    '',
  ].join('\n')
}
