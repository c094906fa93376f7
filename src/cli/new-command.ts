import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, posix, relative, resolve } from 'node:path'
import { writeFileAtomic } from '../io/atomic-write.js'
import { openWorkingTree } from '../io/index.js'
import { formatPretty, idPrefixes, readConfig, slugPattern, UsageError, validateRepository, type Config } from '../index.js'
import { catalog, isNewKind, newKinds, type KindEntry, type NewKind, type TemplateChoice } from '../scaffold/catalog.js'
import { localDate, localTimestamp, yearAfter } from '../scaffold/clock.js'
import { closeMatches } from '../scaffold/close-matches.js'
import { nextId } from '../scaffold/next-id.js'
import { appendMissingSections } from '../scaffold/sections.js'
import { slugOf } from '../scaffold/slug.js'
import { fillTemplate, requiredNames } from '../scaffold/template.js'
import { useColor, type CliIo } from './io.js'
import { parseCommandArgs } from './main.js'
import { nowOption, toPosix } from './options.js'
import { findRecordTemplates, folderOf, readRepositoryFacts, schemaFolder, writeMissingSchemas, type RepositoryFacts } from './new-record.js'

export const newHelp = `Usage: gitsm new KIND [DIR] [options]

Writes a new record into the ITSM repository DIR (default: the current folder, which holds gitsm.yaml): the next
free id, today's date, the services and the owner filled in, named after the id and the title, in the kind's
folder from gitsm.yaml. YAML records start with a "# yaml-language-server: $schema=..." line, so editors check
them as you type; the schemas it points at are written to ${schemaFolder}/ when missing. Never overwrites a file.
The new record is validated at once, and gitsm says what to fill in next.

Kinds:
  service           --title is required (its slug becomes the id), and --owner; --service: what it depends on
  sla               --title is required (its slug becomes the id); --service: the services it covers (one or more)
  standard-change   --title is required (its slug becomes the id); --service: where the model may be used
                    (none: any service)
  change            --type normal (default), standard or emergency; --service: the services it touches (one or
                    more); --owner: who requests it, a person (@login); a standard change follows --model ID
                    (default: the first model that covers its services)
  incident          --service: the affected services (one or more); --type postmortem: a Markdown incident
                    with the postmortem sections
  problem           --service: the affected services
  article           --type how_to (default), known_error, troubleshooting, runbook, faq or reference

Options:
  --title TEXT      The title; changes, incidents, problems and articles without one get "TODO: title of ID"
  --service ID      A service the record names; repeat it for several. Each must exist.
  --owner HANDLE    @login or @org/team: the owner of a service, SLA or article, the requester of a change (a
                    person), the assignee of an incident or problem. Default: the owner of the first --service
  --type TYPE       The change type, the article type, or postmortem for an incident
  --model ID        The standard change model a standard change follows
  --now TIME        Take TIME (RFC 3339, e.g. 2026-11-21T09:00:00Z) as now, for today's date (in gitsm.yaml's
                    timezone) and opened_at; default: the current time
  -h, --help        Show this help

Exit codes: 0 written and clean, 1 written but with errors to fix, 2 usage or configuration error (nothing
written).

Examples:
  gitsm new change --title "Upgrade Postgres to 16.4" --service postgres-main --owner @dana
  gitsm new article --type runbook --title "Fail over postgres-main" --service postgres-main
  gitsm new incident --type postmortem --title "Checkout unavailable" --service checkout-api
`

const handlePattern = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,99})?$/

/** `gitsm new KIND [DIR]`: a new record from the templates, with the next free id. Never overwrites a file. */
export async function runNew(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      title: { type: 'string' },
      service: { type: 'string', multiple: true },
      owner: { type: 'string' },
      type: { type: 'string' },
      model: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'new',
  )
  if (values.help) {
    io.stdout.write(newHelp)
    return 0
  }
  const [word, dirArg, ...extra] = positionals
  if (word === undefined) throw new UsageError(`new needs a KIND: ${newKinds.join(', ')}. See \`gitsm new --help\`.`)
  if (extra.length > 0) throw new UsageError(`new takes a KIND and one DIR, got ${positionals.join(' ')}. See \`gitsm new --help\`.`)
  const kindWord = word.toLowerCase()
  if (!isNewKind(kindWord)) throw new UsageError(`Unknown KIND "${word}"${suggestion(word, newKinds)}. Kinds: ${newKinds.join(', ')}.`)
  const entry = catalog[kindWord]
  const type = pickType(entry, values.type)
  const choice = entry.types[type]!
  const now = nowOption(values.now)
  const title = checkTitle(values.title, entry)

  const root = resolve(io.cwd, dirArg ?? '.')
  const tree = openWorkingTree(root)
  const config = await readConfig(tree)
  const facts = await readRepositoryFacts(tree, config, entry.kind)
  const services = checkServices(values.service ?? [], facts)
  const owner = pickOwner(values.owner, services, facts, entry)
  const model = pickModel(values.model, kindWord, type, services, facts)

  const folder = folderOf(config, entry.kind)
  const titleSlug = title === undefined ? '' : slugOf(title)
  const id = idPrefixes[entry.kind] === undefined ? slugId(title!, facts, entry) : nextId(idPrefixes[entry.kind]!, facts.taken)
  const extension = choice.format === 'yaml' ? 'yaml' : 'md'
  const fileName = idPrefixes[entry.kind] === undefined || titleSlug === '' ? `${id}.${extension}` : `${id}-${titleSlug}.${extension}`
  const file = folder === '' ? fileName : `${folder}/${fileName}`
  const target = join(root, ...file.split('/'))
  if (existsSync(target)) throw new UsageError(`${file} exists already. Nothing was written.`)

  const template = await readFile(join(findRecordTemplates(), choice.file), 'utf8')
  checkRequired(template, { owner, services }, entry, facts)
  const today = localDate(now, config.timezone)
  const text = completeSections(
    fillTemplate(template, {
      id,
      // Untitled records get a title unique to them, so two of them are not duplicates of each other.
      title: title ?? `TODO: title of ${id}`,
      today,
      now: localTimestamp(now, config.timezone),
      review_by: yearAfter(today),
      owner,
      services,
      model,
      schema: posix.relative(posix.dirname(file), `${schemaFolder}/${kindWord}.schema.json`),
    }),
    choice,
    type,
    config,
  )

  const schemas = choice.format === 'yaml' ? await writeMissingSchemas(root) : []
  await writeFileAtomic(target, text)

  const result = await validateRepository({ root, now })
  const findings = result.diagnostics.filter((d) => d.file === file)
  const displayRoot = toPosix(relative(io.cwd, root)) || '.'
  const shown = displayRoot === '.' ? file : `${displayRoot}/${file}`
  io.stdout.write(`Created ${shown} (${entry.kind} ${id}${entry.typeOptions.includes(type) ? `, ${type}` : ''}).\n`)
  if (schemas.length > 0) io.stdout.write(`Wrote the JSON Schemas its first line points at to ${schemaFolder}/, for editors: commit them too.\n`)
  if (findings.length > 0) {
    io.stdout.write(
      `\n${formatPretty({ diagnostics: findings, sources: result.sources, files: 1, records: 1, source: shown, displayRoot }, { color: useColor(io) })}`,
    )
  }
  io.stdout.write(`\nNext:\n${[`replace every TODO in ${fileName}`, ...choice.next].map((line) => `  - ${line}\n`).join('')}`)
  return findings.some((d) => d.severity === 'error') ? 1 : 0
}

function pickType(entry: KindEntry, type: string | undefined): string {
  if (type === undefined) return entry.defaultType
  const names = entry.typeOptions
  const normalized = type.toLowerCase().replaceAll('-', '_')
  if (names.length === 0) throw new UsageError(`${sentence(entry.noun)} has no --type.`)
  if (!names.includes(normalized)) throw new UsageError(`Unknown --type "${type}" for ${entry.noun}${suggestion(type, names)}. Types: ${names.join(', ')}.`)
  return normalized
}

function checkTitle(title: string | undefined, entry: KindEntry): string | undefined {
  const trimmed = title?.trim()
  if (trimmed === undefined || trimmed === '') {
    if (idPrefixes[entry.kind] === undefined) throw new UsageError(`${sentence(entry.noun)} needs --title: its id is made from the title.`)
    if (title !== undefined) throw new UsageError('--title is empty.')
    return undefined
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(trimmed)) throw new UsageError('--title must be one line of text, without control characters.')
  return trimmed
}

function checkServices(given: readonly string[], facts: RepositoryFacts): string[] {
  const unknown = given.filter((id) => !facts.services.has(id))
  if (unknown.length > 0) {
    const known = [...facts.services.keys()].sort()
    const lines = unknown.map((id) => {
      const close = closeMatches(id, known)
      return `  ${id}${close.length > 0 ? `: did you mean ${close.join(', ')}?` : ''}`
    })
    const listing = known.length === 0 ? 'The repository has no services yet: add one with `gitsm new service`.' : `Services: ${known.join(', ')}.`
    throw new UsageError(`Unknown --service:\n${lines.join('\n')}\n${listing}`)
  }
  return [...new Set(given)]
}

function pickOwner(given: string | undefined, services: readonly string[], facts: RepositoryFacts, entry: KindEntry): string | undefined {
  const role = entry.owner
  if (given !== undefined) {
    if (!role) throw new UsageError(`${sentence(entry.noun)} has no owner: leave out --owner.`)
    if (!handlePattern.test(given)) throw new UsageError(`--owner "${given}" is not a GitHub handle such as @login or @org/team.`)
    if (role.personOnly && given.includes('/')) throw new UsageError(`--owner fills ${role.field} of ${entry.noun}: a person (@login), not a team.`)
    return given
  }
  if (!role?.fromService || services.length === 0) return undefined
  const owner = facts.services.get(services[0]!)?.owner
  if (owner === undefined || !handlePattern.test(owner) || (role.personOnly && owner.includes('/'))) return undefined
  return owner
}

function pickModel(given: string | undefined, kind: NewKind, type: string, services: readonly string[], facts: RepositoryFacts): string | undefined {
  if (kind !== 'change' || type !== 'standard') {
    if (given !== undefined) throw new UsageError('--model is for standard changes: add --type standard, or leave out --model.')
    return undefined
  }
  const covers = (model: RepositoryFacts['models'][number]): boolean => model.services.length === 0 || services.every((s) => model.services.includes(s))
  if (given !== undefined) {
    const model = facts.models.find((m) => m.id === given)
    if (!model) {
      const ids = facts.models.map((m) => m.id)
      throw new UsageError(`Unknown --model "${given}"${suggestion(given, ids)}. ${ids.length > 0 ? `Models: ${ids.join(', ')}.` : 'The repository has no standard change models yet.'}`)
    }
    if (!covers(model)) throw new UsageError(`The model ${given} covers only ${model.services.join(', ')}, not every --service given. Make it a normal change, or extend the model.`)
    return given
  }
  const fitting = facts.models.find(covers)
  if (fitting) return fitting.id
  throw new UsageError(
    facts.models.length === 0
      ? 'A standard change follows a pre-approved model, and the repository has none: add one with `gitsm new standard-change`, or make this a normal change.'
      : `A standard change follows a pre-approved model, and none covers ${services.length > 0 ? services.join(', ') : 'these services'}. Pass --model ID, or make this a normal change.`,
  )
}

/** Says which option supplies what the template needs, before anything is written. */
function checkRequired(
  template: string,
  given: { owner?: string; services: readonly string[] },
  entry: KindEntry,
  facts: RepositoryFacts,
): void {
  const needs = requiredNames(template)
  if (needs.has('services') && given.services.length === 0) {
    const known = [...facts.services.keys()].sort()
    throw new UsageError(`${sentence(entry.noun)} needs at least one --service ID (its ${entry.servicesField}).${known.length > 0 ? ` Services: ${known.join(', ')}.` : ' Add a service first with `gitsm new service`.'}`)
  }
  if (needs.has('owner') && given.owner === undefined) {
    const role = entry.owner!
    const what = role.personOnly ? 'a person, @login' : '@login or @org/team'
    throw new UsageError(`${sentence(entry.noun)} needs ${role.field}: pass --owner (${what})${role.fromService ? `, as the first --service's owner ${role.personOnly ? 'is not a person' : 'is unknown'}` : ''}.`)
  }
}

function slugId(title: string, facts: RepositoryFacts, entry: KindEntry): string {
  const id = slugOf(title, 63)
  if (!slugPattern.test(id)) {
    throw new UsageError(`The title "${title}" does not make an id: the id of ${entry.noun} is its title's slug, which must start with a letter a-z and have two characters or more.`)
  }
  const taken = facts.taken.some((name) => name.toLowerCase() === id || name.toLowerCase().startsWith(`${id}.`))
  if (taken) throw new UsageError(`The id ${id} is taken: ${entry.noun} with it exists already. Choose another --title.`)
  return id
}

/** Adds the sections the repository's configuration requires beyond the template's (the defaults). */
function completeSections(text: string, choice: TemplateChoice, type: string, config: Config): string {
  if (choice.sections === undefined) return text
  const required = choice.sections === 'knowledge' ? (config.knowledge.sections[type] ?? []) : config.incidents.postmortem.sections
  return appendMissingSections(text, required, (name) => `TODO: ${name.toLowerCase()}.`)
}

/** A noun phrase at the start of a sentence. */
function sentence(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1)
}

function suggestion(word: string, candidates: readonly string[]): string {
  const close = closeMatches(word, candidates, 1)
  return close.length > 0 ? ` (did you mean ${close[0]}?)` : ''
}
