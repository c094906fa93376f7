export const mainHelp = `gitsm: IT service management as code

Usage: gitsm <command> [options]

Commands:
  validate [DIR]     Check every record of an ITSM repository (the folder holding gitsm.yaml)
  schema             Print or write the JSON Schemas of the record kinds, for editors

Options:
  -h, --help         Show help (also: gitsm <command> --help)
  -v, --version      Show the version

Exit codes: 0 clean, 1 findings, 2 usage or configuration error, 3 infrastructure failure.
`

export const validateHelp = `Usage: gitsm validate [DIR] [options]

Checks every record in DIR (default: the current folder), which must hold gitsm.yaml,
and reports each problem at its file, line and column.

Options:
  --format FORMAT        pretty (default), json, sarif (GitHub code scanning) or github (workflow annotations)
  --changed-since REV    Check only the files changed since REV (a branch, tag or commit), plus uncommitted
                         changes; references still resolve against the whole repository
  --ref REV              Read the records from commit REV instead of the working tree (no checkout needed)
  --now TIME             Take TIME (RFC 3339, e.g. 2026-11-21T09:00:00Z) as now, for review dates;
                         default: the current time
  -h, --help             Show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or configuration error,
3 git could not answer (e.g. REV missing in a shallow clone).

Examples:
  gitsm validate
  gitsm validate path/to/itsm-repo --format json
  gitsm validate --changed-since origin/main --format github
`

export const schemaHelp = `Usage: gitsm schema [--out DIR]

Without --out, prints every JSON Schema as one JSON object keyed by file name.
With --out DIR, writes one file per kind (change.schema.json, ...) into DIR, for editors such as
VS Code with the YAML extension:  # yaml-language-server: $schema=<path>/change.schema.json

Options:
  --out DIR    Write the schema files into DIR (created if missing)
  -h, --help   Show this help
`
