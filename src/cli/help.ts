export const mainHelp = `gitsm: IT service management as code

Usage: gitsm <command> [options]

Commands:
  validate [DIR]     Check every record of an ITSM repository (the folder holding gitsm.yaml)
  policy [DIR]       Judge a pull request against the change policy: approved, pending or rejected
  report [DIR]       Build the reports: catalog, SLAs, change calendar, incidents, knowledge, audit
  new KIND [DIR]     Write a new record from a template, with the next free id
  schema             Print or write the JSON Schemas of the record kinds, for editors
  init [DIR]         Start an ITSM repository: gitsm.yaml with a policy, the secure workflows, CODEOWNERS
  kb adopt DIR       Bring existing Markdown into the knowledge base: front matter, ids, links kept working

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

export const policyHelp = `Usage: gitsm policy [DIR] --base REV --head REV --reviews FILE --commits FILE --author LOGIN --opened-at TIME [options]
       gitsm policy [DIR] --repo OWNER/NAME --pr N [--base REV] [--head REV] [options]      (GITHUB_TOKEN set)

Judges a pull request against the change policy of gitsm.yaml, read at the BASE commit: for every change record it
touches, whether the status change is legal, whether it falls into a freeze, meets the lead time, and has the
approvals its type and risk require. Prints approved, pending (only approvals are missing: who must still
approve) or rejected (approvals cannot fix it: why).

The pull request's facts, as GitHub's REST API returns them:
  --reviews FILE         "List reviews for a pull request" (a JSON array)
  --commits FILE         "List commits on a pull request" (a JSON array)
  --author LOGIN         Who opened the pull request
  --opened-at TIME       When it was opened (RFC 3339), for lead times

Or live from GitHub (GITHUB_TOKEN, and GITHUB_API_URL for GitHub Enterprise Server):
  --repo OWNER/NAME      The repository
  --pr N                 The pull request; its reviews, commits, author, each reviewer's permission and the
                         teams' active members are read now. --base and --head default to the pull request's;
                         a --head that is no longer its head is refused.

Options:
  --base REV, --head REV The pull request's base and head commits (the checkout must hold both)
  --format FORMAT        pretty (default), json or markdown (for a pull-request comment)
  --now TIME             Take TIME (RFC 3339) as now; default: the current time
  -h, --help             Show this help

Exit codes: 0 approved, 1 pending or rejected, 2 usage or configuration error (including a team whose members
cannot be known), 3 git or GitHub could not answer. Never 0 when gitsm cannot be sure.
`

export const initHelp = `Usage: gitsm init [DIR] [--org ORG] [--action REF]

Starts an ITSM repository in DIR (default: the current folder): gitsm.yaml with a change policy, the record
folders, CODEOWNERS for the workflows and the policy, and four workflows: gitsm-validate.yml (annotates every
pull request), gitsm-review.yml and gitsm-policy.yml (the change-policy verdict, from a workflow a pull request
cannot edit), and gitsm-report.yml (the reports, weekly and on every push to main, kept as the run's artifact).
Never overwrites a file; refuses when DIR already has gitsm.yaml.

Options:
  --org ORG      The GitHub organization owning the teams (default: the origin remote's, else acme)
  --action REF   The gitsm Action to use (default: gitsm/gitsm@v0)
  -h, --help     Show this help
`

export const reportHelp = `Usage: gitsm report [DIR] [--out DIR] [--format html,md,json,ics] [--from DATE] [--to DATE] [--now TIME]

Computes the reports of the ITSM repository in DIR (default: the current folder) from its records and
its git history: service catalog, SLA compliance, change calendar and metrics (DORA-style), incidents
and problems, knowledge health and audit evidence. Records with errors stop it: run gitsm validate.

Writes into the --out folder (default: report), replacing it as a whole (a crash leaves the previous
report or the new one, never a mix):
  index.html and its pages   a static site: open it offline or publish it on GitHub Pages
  report.md                  the same figures for a wiki or a pull request
  report.json                every figure, for other tools
  changes.ics                the change calendar: subscribe to it in Outlook or Google Calendar

Options:
  -o, --out DIR          Folder to write (default: report). It must be new, empty or a previous report
  -f, --format LIST      Comma-separated: html, md, json, ics (default: all). --format json without --out
                         prints the JSON report on stdout and writes nothing
  --from DATE            First day of the period (YYYY-MM-DD, in gitsm.yaml's timezone)
  --to DATE              Last day of the period, included. Default period: the quarter holding now
  --now TIME             Take TIME (RFC 3339) as now, so the report is reproducible; default: the clock
  --repo OWNER/NAME      With GITHUB_TOKEN set: read the approving reviews of each change's pull request
                         from GitHub (in GitHub Actions, GITHUB_REPOSITORY is used when --repo is absent)
  -h, --help             Show this help

For the audit, run it in a full clone: a shallow one (fetch-depth: 1) hides who approved what.

Exit codes: 0 written, 1 records have errors (nothing written), 2 usage or configuration error,
3 git or GitHub could not answer.

Examples:
  gitsm report --out report --from 2026-10-01 --to 2026-12-31
  gitsm report path/to/itsm-repo --format json > report.json
`
