import { describe, expect, it } from 'vitest'
import { validateConfig } from '../../src/config/validate.js'
import { defaultConfig } from '../../src/config/defaults.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { parseYaml } from '../../src/parse/index.js'

const file = 'gitsm.yaml'

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`
}

function configOf(text: string): ReturnType<typeof validateConfig> {
  const parsed = parseYaml(text, { file })
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '))
  return validateConfig(parsed.value.data, parsed.value.locate, file)
}

/** Rule id, line, and column or a token whose first occurrence on the line gives the column. */
type Expected = readonly [string, number, number | string]

function expectErrors(text: string, expected: readonly Expected[]): Diagnostic[] {
  const { diagnostics } = configOf(text)
  const source = text.split('\n')
  const want = expected.map(([ruleId, line, column]) => {
    if (typeof column === 'number') return [ruleId, line, column]
    const index = source[line - 1]!.indexOf(column)
    if (index < 0) throw new Error(`Token ${column} is not on line ${line}`)
    return [ruleId, line, index + 1]
  })
  const order = (a: readonly unknown[], b: readonly unknown[]): number => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number) || String(a[0]).localeCompare(String(b[0]))
  expect(diagnostics.map((d) => [d.ruleId, d.line, d.column]).sort(order)).toEqual(want.sort(order))
  for (const d of diagnostics) {
    expect(d.file).toBe(file)
    expect(d.severity).toBe('error')
  }
  return diagnostics
}

const formatExample = lines(
  'organization: acme',
  'timezone: Europe/Berlin',
  'paths: { services: services, slas: slas, changes: changes, incidents: incidents, problems: problems, knowledge: kb }',
  'calendars:',
  '  business-hours:',
  '    timezone: Europe/Berlin',
  '    hours: { mon: "08:00-18:00", tue: "08:00-18:00", wed: "08:00-18:00", thu: "08:00-18:00", fri: "08:00-17:00" }',
  '    holidays: [2026-12-24, 2026-12-25, 2026-12-26, 2027-01-01]',
  'teams:',
  '  "@acme/cab": ["@alice", "@bob", "@carol"]',
  'knowledge:',
  '  sections:',
  '    known_error: [Symptoms, Cause, Workaround]',
  '    troubleshooting: [Symptoms, Resolution]',
  '    runbook: [Procedure, Rollback]',
  '    how_to: [Steps]',
  '  review_interval: 180d',
  '  expiring_within: 30d',
  'incidents:',
  '  postmortem: { required_for: [P1, P2], due: 5d, sections: [Summary, Impact, Timeline, Root cause, Action items] }',
  'policy:',
  '  separation_of_duties: true',
  '  stale_approvals: dismiss',
  '  lead_time: { normal: 48h }',
  '  freeze:',
  '    - name: Year-end freeze',
  '      start: 2026-12-18T00:00:00+01:00',
  '      end: 2027-01-04T00:00:00+01:00',
  '      allow: [emergency]',
  '    - name: No Friday evening changes to tier-1',
  '      days: [fri]',
  '      start: "16:00"',
  '      end: "23:59"',
  '      timezone: Europe/Berlin',
  '      tiers: [1]',
  '      allow: [emergency]',
  '  risk_floor: { 1: medium }',
  '  governance:',
  '    - { team: "@acme/cab", count: 2 }',
  '  approvals:',
  '    - match: { type: normal, risk: [high, critical] }',
  '      require: [ { team: "@acme/cab", count: 2 }, { owners: true, count: 1 } ]',
  '    - match: { type: normal }',
  '      require: [ { owners: true, count: 1 } ]',
  '    - match: { type: emergency }',
  '      require: [ { team: "@acme/ecab", count: 1 } ]',
  '    - match: { type: standard }',
  '      require: [ { any: true, count: 1 } ]',
  '  emergency: { review_within: 72h }',
)

describe('validateConfig: valid configurations', () => {
  it.each([
    ['the example of the format', formatExample],
    ['a single key', lines('timezone: UTC')],
    ['paths, ignore, rules and extension data', lines('paths: { changes: itsm/changes/, knowledge: .kb }', 'ignore: ["kb/README.md", "changes/templates/**"]', 'rules: { "ref/unknown-service": warning, "kb/review-overdue": off }', 'x: { anything: [1] }', 'apiVersion: gitsm/v1')],
    ['split calendar hours and a calendar without its own zone', lines('calendars:', '  support:', '    hours: { mon: "08:00-12:00, 13:00-17:00", sat: "10:00-24:00" }')],
    ['a catch-all approval rule with a named rule and a single risk', lines('policy:', '  approvals:', '    - name: risky', '      match: { risk: high }', '      require: [{ any: true, count: 2 }]', '    - match: {}', '      require: [{ any: true, count: 1 }]')],
    ['a weekly freeze scoped to services, no allow list', lines('policy:', '  freeze:', '    - { name: Weekend, days: [sat, sun], start: "00:00", end: "24:00", timezone: UTC, services: [payments-api] }')],
    ['every article type in sections', lines('knowledge:', '  sections: { known_error: [A], troubleshooting: [B], runbook: [C], how_to: [D], faq: [], reference: [E] }')],
  ])('accepts %s', (_name, text) => {
    expect(configOf(text).diagnostics).toEqual([])
  })

  it('accepts an empty mapping and yields the defaults', () => {
    const { config, diagnostics } = validateConfig({}, () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }), file)
    expect(diagnostics).toEqual([])
    expect(config).toEqual(defaultConfig())
  })
})

describe('validateConfig: schema errors', () => {
  it.each<[string, string, Expected[]]>([
    ['an unknown top-level key', lines('timezone: UTC', 'polcy: {}'), [['schema/additional-properties', 2, 1]]],
    ['an unknown time zone', lines('timezone: Europe/Berln'), [['schema/format', 1, 'Europe']]],
    ['an organization with @', lines('organization: "@acme"'), [['schema/pattern', 1, '"@acme"']]],
    ['a path leaving the repository', lines('paths:', '  changes: ../changes'), [['schema/pattern', 2, '..']]],
    ['an absolute path', lines('paths: { knowledge: /kb }'), [['schema/pattern', 1, '/kb']]],
    ['an unknown path key', lines('paths: { article: kb }'), [['schema/additional-properties', 1, 'article']]],
    ['a calendar without hours: at the calendar key', lines('calendars:', '  support:', '    timezone: UTC'), [['schema/required', 2, 3]]],
    ['a calendar name with a space: at the key', lines('calendars:', '  business hours:', '    hours: {}'), [['schema/property-names', 2, 3]]],
    ['hours not in HH:MM-HH:MM', lines('calendars:', '  support:', '    hours: { mon: "8-17" }'), [['schema/pattern', 3, '"8-17"']]],
    ['a misspelt weekday', lines('calendars:', '  support:', '    hours: { Mon: "08:00-17:00" }'), [['schema/additional-properties', 3, 'Mon']]],
    ['a holiday that does not exist: at the item', lines('calendars:', '  support:', '    hours: {}', '    holidays: [2026-12-24, 2026-02-29]'), [['schema/format', 4, '2026-02-29']]],
    ['a team member without @', lines('teams:', '  "@acme/cab": ["@alice", bob]'), [['schema/pattern', 2, 'bob']]],
    ['team members as one string', lines('teams:', '  "@acme/cab": "@alice"'), [['schema/type', 2, '"@alice"']]],
    ['an unknown article type in sections', lines('knowledge:', '  sections: { howto: [Steps] }'), [['schema/additional-properties', 2, 'howto']]],
    ['a review interval in words', lines('knowledge:', '  review_interval: 6 months'), [['schema/format', 2, '6']]],
    ['a postmortem priority P5: at the item', lines('incidents:', '  postmortem: { required_for: [P1, P5] }'), [['schema/enum', 2, 'P5']]],
    ['separation of duties as `yes` (a string in YAML 1.2)', lines('policy:', '  separation_of_duties: yes'), [['schema/type', 2, 'yes']]],
    ['stale approvals misspelt', lines('policy:', '  stale_approvals: dismis'), [['schema/enum', 2, 'dismis']]],
    ['lead time for an unknown type', lines('policy:', '  lead_time: { urgent: 1h }'), [['schema/additional-properties', 2, 'urgent']]],
    ['an absolute freeze with a date end', lines('policy:', '  freeze:', '    - name: Year-end', '      start: 2026-12-18T00:00:00+01:00', '      end: 2027-01-04'), [['schema/format', 5, '2027']]],
    ['a weekly freeze without a timezone: at the item', lines('policy:', '  freeze:', '    - name: Fridays', '      days: [fri]', '      start: "16:00"', '      end: "23:59"'), [['schema/required', 3, 'name']]],
    ['a weekly freeze with a misspelt days', lines('policy:', '  freeze:', '    - name: Fridays', '      day: [fri]', '      start: "16:00"', '      end: "23:59"', '      timezone: UTC'), [['schema/additional-properties', 4, 'day']]],
    ['a weekly freeze with a timestamp end', lines('policy:', '  freeze:', '    - { name: F, days: [fri], start: "16:00", end: 2026-12-18T00:00:00Z, timezone: UTC }'), [['schema/format', 3, '2026']]],
    ['a freeze that is a string: one message', lines('policy:', '  freeze:', '    - Year-end'), [['schema/one-of', 3, 'Year']]],
    ['a freeze allowing an unknown type', lines('policy:', '  freeze:', '    - { name: F, start: 2026-12-18T00:00:00Z, end: 2027-01-04T00:00:00Z, allow: [hotfix] }'), [['schema/enum', 3, 'hotfix']]],
    ['a freeze for tier 5', lines('policy:', '  freeze:', '    - { name: F, start: 2026-12-18T00:00:00Z, end: 2027-01-04T00:00:00Z, tiers: [5] }'), [['schema/maximum', 3, '5']]],
    ['a risk floor for tier 5', lines('policy:', '  risk_floor: { 1: medium, 5: low }'), [['schema/additional-properties', 2, '5']]],
    ['a risk floor that is no risk', lines('policy:', '  risk_floor: { 1: mid }'), [['schema/enum', 2, 'mid']]],
    ['a requirement with count 0', lines('policy:', '  governance:', '    - { team: "@acme/cab", count: 0 }'), [['schema/minimum', 3, '0']]],
    ['a requirement naming nobody: at the item', lines('policy:', '  governance:', '    - { count: 1 }'), [['schema/required', 3, '{']]],
    ['a requirement naming two kinds of approver', lines('policy:', '  governance:', '    - { team: "@acme/cab", owners: true, count: 1 }'), [['schema/one-of', 3, '{']]],
    ['a requirement without count', lines('policy:', '  governance:', '    - { owners: true }'), [['schema/required', 3, '{']]],
    ['a requirement with owners false', lines('policy:', '  governance:', '    - { owners: false, count: 1 }'), [['schema/const', 3, 'false']]],
    ['a requirement with a bare team name', lines('policy:', '  governance:', '    - { team: cab, count: 1 }'), [['schema/pattern', 3, 'cab']]],
    ['an approval rule without match', lines('policy:', '  approvals:', '    - require: [{ any: true, count: 1 }]'), [['schema/required', 3, 'require']]],
    ['an approval rule with nothing required', lines('policy:', '  approvals:', '    - { match: {}, require: [] }'), [['schema/min-items', 3, '[]']]],
    ['a misspelt risk: one message, at the value', lines('policy:', '  approvals:', '    - match: { risk: hgh }', '      require: [{ any: true, count: 1 }]'), [['schema/enum', 3, 'hgh']]],
    ['a misspelt risk in a list: at the item', lines('policy:', '  approvals:', '    - match: { risk: [high, crit] }', '      require: [{ any: true, count: 1 }]'), [['schema/enum', 3, 'crit']]],
    ['a risk that is a number: one message', lines('policy:', '  approvals:', '    - match: { risk: 3 }', '      require: [{ any: true, count: 1 }]'), [['schema/any-of', 3, '3']]],
    ['a match on an unknown field', lines('policy:', '  approvals:', '    - match: { tier: 1 }', '      require: [{ any: true, count: 1 }]'), [['schema/additional-properties', 3, 'tier']]],
    ['an emergency review window as a number', lines('policy:', '  emergency: { review_within: 72 }'), [['schema/type', 2, '72']]],
    ['an empty ignore glob', lines('ignore: ["kb/README.md", ""]'), [['schema/min-length', 1, '""']]],
    ['a rule severity misspelt', lines('rules: { "ref/unknown-service": warn }'), [['schema/enum', 1, 'warn']]],
    ['a rule id that is no rule id: at the key', lines('rules:', '  Bad Rule: off'), [['schema/property-names', 2, 'Bad']]],
    ['several errors in one section, each once', lines('policy:', '  stale_approvals: never', '  emergency: { review_within: soon }'), [['schema/enum', 2, 'never'], ['schema/format', 3, 'soon']]],
  ])('rejects %s', (_name, text, expected) => {
    expectErrors(text, expected)
  })
})

describe('validateConfig: checks beyond the schema', () => {
  it.each<[string, string, Expected[]]>([
    ['a range that ends before it starts', lines('calendars:', '  support:', '    hours: { tue: "18:00-08:00" }'), [['config/calendar-hours', 3, '"18']]],
    ['an empty range', lines('calendars:', '  support:', '    hours:', '      mon: "08:00-08:00"'), [['config/calendar-hours', 4, '"08']]],
    ['overlapping ranges', lines('calendars:', '  support:', '    hours: { wed: "13:00-17:00, 08:00-13:30" }'), [['config/calendar-hours', 3, '"13']]],
    ['a duplicate holiday: at the repeat', lines('calendars:', '  support:', '    hours: {}', '    holidays:', '      - 2026-12-24', '      - 2026-12-25', '      - 2026-12-24'), [['config/duplicate-holiday', 7, '2026']]],
    ['a calendar named 24x7: at the key', lines('calendars:', '  24x7:', '    hours: { mon: "00:00-24:00" }'), [['config/reserved-calendar', 2, 3]]],
    ['a team key without @: at the key', lines('teams:', '  acme/cab: ["@alice"]'), [['config/team-handle', 2, 3]]],
    ['a person as a team key', lines('teams:', '  "@alice": ["@bob"]'), [['config/team-handle', 2, 3]]],
    ['an absolute freeze that ends before it starts: at the end', lines('policy:', '  freeze:', '    - name: backwards', '      start: 2027-01-04T00:00:00+01:00', '      end: 2026-12-18T00:00:00+01:00'), [['config/freeze-range', 5, '2026']]],
    ['an absolute freeze of no length across offsets', lines('policy:', '  freeze:', '    - { name: F, start: 2026-12-18T01:00:00+01:00, end: 2026-12-18T00:00:00Z }'), [['config/freeze-range', 3, '2026-12-18T00']]],
    ['a weekly freeze of no length', lines('policy:', '  freeze:', '    - { name: F, days: [fri], start: "16:00", end: "16:00", timezone: UTC }'), [['config/freeze-range', 3, '"16:00", timezone']]],
  ])('rejects %s', (_name, text, expected) => {
    expectErrors(text, expected)
  })

  it('allows hours that end at 24:00 and ranges that touch', () => {
    expect(configOf(lines('calendars:', '  c:', '    hours: { mon: "00:00-12:00,12:00-24:00" }')).diagnostics).toEqual([])
  })
})

describe('validateConfig: merging over the defaults', () => {
  it('derives the standard changes folder from the changes folder', () => {
    const { config } = configOf(lines('paths: { changes: itsm/changes/ }'))
    expect(config.paths.changes).toBe('itsm/changes')
    expect(config.paths.standard_changes).toBe('itsm/changes/standard')
    expect(config.paths.services).toBe('services')
  })

  it('keeps an explicit standard changes folder', () => {
    const { config } = configOf(lines('paths: { changes: rfc, standard_changes: models }'))
    expect(config.paths.standard_changes).toBe('models')
  })

  it('replaces the default sections entirely when sections are given', () => {
    const { config } = configOf(lines('knowledge:', '  sections: { runbook: [Steps, Undo] }'))
    expect(config.knowledge.sections).toEqual({ runbook: ['Steps', 'Undo'] })
    expect(config.knowledge.review_interval).toBe('180d')
  })

  it('merges the other knowledge and postmortem keys one by one', () => {
    const { config } = configOf(lines('knowledge: { expiring_within: 14d }', 'incidents:', '  postmortem: { due: 3d }'))
    expect(config.knowledge).toEqual({ ...defaultConfig().knowledge, expiring_within: '14d' })
    expect(config.incidents.postmortem).toEqual({ ...defaultConfig().incidents.postmortem, due: '3d' })
  })

  it('gives calendars the top-level time zone and no holidays by default', () => {
    const { config } = configOf(lines('timezone: Europe/Berlin', 'calendars:', '  support:', '    hours: { mon: "08:00-17:00" }'))
    expect(config.calendars.support).toEqual({ timezone: 'Europe/Berlin', hours: { mon: '08:00-17:00' }, holidays: [] })
  })

  it('takes the policy, teams, ignore and rules as written', () => {
    const { config } = configOf(formatExample + lines('ignore: [kb/README.md]', 'rules: { "kb/review-overdue": off }'))
    expect(config.organization).toBe('acme')
    expect(config.teams).toEqual({ '@acme/cab': ['@alice', '@bob', '@carol'] })
    expect((config.policy as { risk_floor: unknown }).risk_floor).toEqual({ 1: 'medium' })
    expect(config.ignore).toEqual(['kb/README.md'])
    expect(config.rules).toEqual({ 'kb/review-overdue': 'off' })
  })

  it('keeps the defaults of a section that has a schema error', () => {
    const { config, diagnostics } = configOf(lines('timezone: UTC', 'paths: { changes: ../x }', 'knowledge: { review_interval: 90d }'))
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema/pattern'])
    expect(config.paths).toEqual(defaultConfig().paths)
    expect(config.knowledge.review_interval).toBe('90d')
  })

  it('does not change its input, and returns values the caller may change', () => {
    const data = { paths: { changes: 'rfc' }, policy: { freeze: [] as unknown[] }, teams: { '@acme/cab': ['@alice'] } }
    const before = structuredClone(data)
    const { config } = validateConfig(data, () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }), file)
    ;(config.policy!.freeze as unknown[]).push(1)
    config.teams['@acme/cab']!.push('@bob')
    expect(data).toEqual(before)
  })

  it('answers a configuration that is not a mapping with a schema error and the defaults', () => {
    const { config, diagnostics } = validateConfig(['a'], () => ({ line: 1, column: 1, endLine: 1, endColumn: 2 }), file)
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema/type'])
    expect(config).toEqual(defaultConfig())
  })
})
