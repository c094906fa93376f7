import type { Diagnostic, RecordPath } from '../diagnostics/diagnostic.js'
import type { Calendar, Config, RecordPaths, Weekday } from '../model/config.js'
import type { Locate } from '../model/record.js'
import { validateConfigSchema } from '../schema/index.js'
import { parseClockTime, parseTimestamp } from '../time/timestamp.js'
import { defaultConfig } from './defaults.js'

type Data = Record<string, unknown>

const teamHandle = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/

/**
 * Checks the data of a gitsm.yaml and applies it over the defaults. Pure.
 *
 * Returns the diagnostics (schema errors, then the checks a schema cannot express: calendar hours, duplicate
 * holidays, team handles, freeze ranges) and the merged configuration. Sections merge per key over the defaults,
 * except `knowledge.sections`, which replaces the default map when given. `paths.standard_changes` follows
 * `paths.changes` (`<changes>/standard`) unless given. A top-level section with a schema error keeps its defaults,
 * so `config` is always well-typed; still, act on it only when no diagnostic is an error.
 */
export function validateConfig(data: unknown, locate: Locate, file: string): { config: Config; diagnostics: Diagnostic[] } {
  const diagnostics = validateConfigSchema(data, locate, file)
  const input: Data = isMap(data) ? data : {}
  const broken = new Set(diagnostics.map((d) => d.path?.[0]).filter((key): key is string => typeof key === 'string'))
  const given = (key: string): boolean => input[key] !== undefined && !broken.has(key)

  const report = (ruleId: string, path: RecordPath, message: string, part?: 'key'): void => {
    diagnostics.push({ ruleId, severity: 'error', message, file, path, ...locate(path, part) })
  }
  if (given('calendars')) checkCalendars(input.calendars as Data, report)
  if (given('teams')) checkTeams(input.teams as Data, report)
  if (given('policy')) checkFreezes((input.policy as Data).freeze, report)

  return { config: mergeConfig(input, given), diagnostics }
}

type Report = (ruleId: string, path: RecordPath, message: string, part?: 'key') => void

function mergeConfig(input: Data, given: (key: string) => boolean): Config {
  const config = defaultConfig()
  if (given('organization')) config.organization = input.organization as string
  if (given('timezone')) config.timezone = input.timezone as string
  if (given('paths')) config.paths = mergePaths(config.paths, input.paths as Partial<RecordPaths>)
  if (given('calendars')) {
    for (const [name, value] of Object.entries(input.calendars as Data)) {
      const calendar = value as Partial<Calendar>
      config.calendars[name] = {
        timezone: calendar.timezone ?? config.timezone,
        hours: { ...calendar.hours },
        holidays: [...(calendar.holidays ?? [])],
      }
    }
  }
  if (given('teams')) config.teams = structuredClone(input.teams as Record<string, string[]>)
  if (given('knowledge')) {
    const knowledge = input.knowledge as Partial<Config['knowledge']>
    config.knowledge = {
      sections: knowledge.sections ? structuredClone(knowledge.sections) : config.knowledge.sections,
      review_interval: knowledge.review_interval ?? config.knowledge.review_interval,
      expiring_within: knowledge.expiring_within ?? config.knowledge.expiring_within,
    }
  }
  if (given('incidents')) {
    const postmortem = (input.incidents as { postmortem?: Partial<Config['incidents']['postmortem']> }).postmortem ?? {}
    const defaults = config.incidents.postmortem
    config.incidents.postmortem = {
      required_for: postmortem.required_for ? [...postmortem.required_for] : defaults.required_for,
      due: postmortem.due ?? defaults.due,
      sections: postmortem.sections ? [...postmortem.sections] : defaults.sections,
    }
  }
  if (given('policy')) config.policy = structuredClone(input.policy as Data)
  if (given('ignore')) config.ignore = [...(input.ignore as string[])]
  if (given('rules')) config.rules = { ...(input.rules as Config['rules']) }
  return config
}

function mergePaths(defaults: RecordPaths, paths: Partial<RecordPaths>): RecordPaths {
  const merged = { ...defaults }
  for (const [key, value] of Object.entries(paths) as [keyof RecordPaths, string][]) merged[key] = value.replace(/\/+$/, '')
  if (paths.standard_changes === undefined && paths.changes !== undefined) merged.standard_changes = `${merged.changes}/standard`
  return merged
}

function checkCalendars(calendars: Data, report: Report): void {
  for (const [name, value] of Object.entries(calendars)) {
    if (name === '24x7') {
      report('config/reserved-calendar', ['calendars', name], '`24x7` is built in (round the clock) and cannot be redefined. Give this calendar another name.', 'key')
    }
    const calendar = value as Partial<Calendar>
    for (const [day, text] of Object.entries(calendar.hours ?? {}) as [Weekday, string][]) {
      checkHours(text, ['calendars', name, 'hours', day], report)
    }
    const seen = new Set<string>()
    ;(calendar.holidays ?? []).forEach((date, index) => {
      if (seen.has(date)) report('config/duplicate-holiday', ['calendars', name, 'holidays', index], `The holiday ${date} is listed twice in \`calendars.${name}.holidays\`; remove the repeat.`)
      seen.add(date)
    })
  }
}

/** Each range ends after it starts, and the ranges of a day do not overlap. */
function checkHours(text: string, path: RecordPath, report: Report): void {
  const ranges = text.split(',').map((range) => range.trim().split('-').map((time) => parseClockTime(time) ?? 0) as [number, number])
  for (const [start, end] of ranges) {
    if (start >= end) {
      report('config/calendar-hours', path, `The range ${format(start)}-${format(end)} ends before it starts. Write each range as start-end on the same day, such as 08:00-18:00.`)
      return
    }
  }
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!
    const current = sorted[i]!
    if (current[0] < previous[1]) {
      report('config/calendar-hours', path, `The ranges ${format(previous[0])}-${format(previous[1])} and ${format(current[0])}-${format(current[1])} overlap. Merge them into one range.`)
      return
    }
  }
}

function format(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function checkTeams(teams: Data, report: Report): void {
  for (const key of Object.keys(teams)) {
    if (teamHandle.test(key)) continue
    const hint = /^[A-Za-z0-9][\w-]*\/[\w-]+$/.test(key) ? ` Did you mean \`"@${key}"\`?` : ''
    report('config/team-handle', ['teams', key], `\`${key}\` is not a team handle: keys of \`teams\` are GitHub teams written \`"@org/team-slug"\`, such as \`"@acme/cab"\`.${hint}`, 'key')
  }
}

/** An absolute freeze must end after it starts, or it would never apply. */
function checkFreezes(freezes: unknown, report: Report): void {
  if (!Array.isArray(freezes)) return
  freezes.forEach((freeze: unknown, index) => {
    if (!isMap(freeze)) return
    if ('days' in freeze) {
      if (freeze.start === freeze.end) {
        report('config/freeze-range', ['policy', 'freeze', index, 'end'], `The weekly freeze \`${String(freeze.name)}\` starts and ends at the same time, so it never applies.`)
      }
      return
    }
    const start = parseTimestamp(freeze.start)
    const end = parseTimestamp(freeze.end)
    if (start !== undefined && end !== undefined && end <= start) {
      report('config/freeze-range', ['policy', 'freeze', index, 'end'], `The freeze \`${String(freeze.name)}\` ends at or before it starts, so it never applies. Check \`start\` and \`end\`.`)
    }
  })
}

function isMap(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
