import { describe, expect, it } from 'vitest'
import { approvals, changeText, evaluate, lineOf, oneChange, ruleIds, type ChangeFields } from './builder.js'

const rules = `
approvals:
  - match: {}
    require: [ { any: true, count: 1 } ]
`

const fridayEvening = `${rules}freeze:
  - name: No Friday evening changes to tier-1
    days: [fri]
    start: "16:00"
    end: "23:59"
    timezone: Europe/Berlin
    tiers: [1]
    allow: [emergency]
`

const yearEnd = `${rules}freeze:
  - name: Year-end freeze
    start: 2026-12-18T00:00:00+01:00
    end: 2027-01-04T00:00:00+01:00
    allow: [emergency]
`

function weekly(days: string, start: string, end: string): string {
  return `${rules}freeze:\n  - { name: Weekly, days: [${days}], start: "${start}", end: "${end}", timezone: Europe/Berlin }\n`
}

/** Approves a change with this window (and fields) under `policy`; the approvals are there, so only freezes decide. */
function approve(policy: string, start: string, end: string, fields: ChangeFields = {}) {
  const change: ChangeFields = { services: ['payments-api'], ...fields, window: { start, end } }
  return evaluate(oneChange({ ...change, status: 'submitted' }, { ...change, status: 'approved' }, { policy, reviews: approvals('zed') }))
}

function frozen(policy: string, start: string, end: string, fields: ChangeFields = {}): boolean {
  const result = approve(policy, start, end, fields)
  const hit = ruleIds(result).includes('policy/freeze')
  expect(result.decision).toBe(hit ? 'rejected' : 'approved')
  return hit
}

describe('freeze: decision table', () => {
  it('not applicable: no freeze, or a change this pull request neither approves nor edits', () => {
    expect(frozen(rules, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z')).toBe(false)
    const inside = { window: { start: '2026-12-20T10:00:00Z', end: '2026-12-20T11:00:00Z' } }
    expect(evaluate(oneChange({ ...inside, status: 'submitted' }, { ...inside, status: 'submitted' }, { policy: yearEnd })).decision).toBe('approved')
    expect(evaluate(oneChange({ ...inside, status: 'approved' }, { ...inside, status: 'in_progress' }, { policy: yearEnd })).decision).toBe('approved')
  })

  it('unsatisfied: inside the freeze is rejected, at window.start, whatever the approvals', () => {
    const result = approve(yearEnd, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z')
    expect(result.decision).toBe('rejected')
    const violation = result.changes[0]!.violations[0]!
    expect(violation.ruleId).toBe('policy/freeze')
    expect(violation.line).toBe(lineOf(changeText({ window: { start: 'x', end: 'y' } }), '  start:'))
    expect(violation.column).toBe('  start: '.length + 1)
    expect(violation.message).toContain('`Year-end freeze` (2026-12-18T00:00:00+01:00 to 2027-01-04T00:00:00+01:00)')
    expect(violation.message).toContain('Only emergency changes may be scheduled inside it.')
  })

  it('satisfied: outside the freeze, or of an allowed type', () => {
    expect(frozen(yearEnd, '2027-01-10T10:00:00Z', '2027-01-10T11:00:00Z')).toBe(false)
    expect(frozen(yearEnd, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z', { type: 'emergency' })).toBe(false)
    expect(frozen(yearEnd, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z', { type: 'standard' })).toBe(true)
  })

  it('error: a window that cannot be read cannot be cleared', () => {
    const change: ChangeFields = { services: ['payments-api'], window: undefined }
    const result = evaluate(oneChange({ ...change, status: 'submitted' }, { ...change, status: 'approved' }, { policy: yearEnd, reviews: approvals('zed') }))
    expect(result.decision).toBe('rejected')
    expect(result.changes[0]!.violations.map((v) => v.ruleId)).toEqual(['policy/freeze'])
    expect(result.changes[0]!.violations[0]!.message).toContain('no readable window')
  })

  it('applies to an approved change whose window this pull request moves into the freeze', () => {
    const before = { window: { start: '2026-12-10T10:00:00Z', end: '2026-12-10T11:00:00Z' } }
    const after = { window: { start: '2026-12-20T10:00:00Z', end: '2026-12-20T11:00:00Z' } }
    for (const status of ['approved', 'in_progress']) {
      const head = status === 'approved' ? 'approved' : 'in_progress'
      const result = evaluate(oneChange({ ...before, status }, { ...after, status: head }, { policy: yearEnd, reviews: approvals('zed') }))
      expect(ruleIds(result), status).toEqual(['policy/freeze'])
    }
  })
})

describe('freeze: half-open boundaries', () => {
  // The year-end freeze is [2026-12-17T23:00Z, 2027-01-03T23:00Z).
  const cases: [string, string, string, boolean][] = [
    ['ends exactly when the freeze starts', '2026-12-17T21:00:00Z', '2026-12-17T23:00:00Z', false],
    ['ends one second into the freeze', '2026-12-17T21:00:00Z', '2026-12-17T23:00:01Z', true],
    ['starts exactly when the freeze ends', '2027-01-03T23:00:00Z', '2027-01-04T01:00:00Z', false],
    ['starts one second before it ends', '2027-01-03T22:59:59Z', '2027-01-04T01:00:00Z', true],
    ['spans the whole freeze', '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z', true],
    ['has no length, inside', '2026-12-20T10:00:00Z', '2026-12-20T10:00:00Z', true],
    ['has no length, at the start', '2026-12-17T23:00:00Z', '2026-12-17T23:00:00Z', true],
    ['has no length, at the end', '2027-01-03T23:00:00Z', '2027-01-03T23:00:00Z', false],
    ['ends before it starts, inside', '2026-12-20T11:00:00Z', '2026-12-20T10:00:00Z', true],
    ['is written in another offset', '2026-12-18T00:30:00+01:00', '2026-12-18T01:00:00+01:00', true],
  ]
  for (const [name, start, end, inside] of cases) {
    it(`a window that ${name}: ${inside ? 'frozen' : 'free'}`, () => {
      expect(frozen(yearEnd, start, end)).toBe(inside)
    })
  }
})

describe('freeze: weekly, in Europe/Berlin, across daylight-saving changes', () => {
  // 16:00 Berlin is 15:00Z in winter (CET) and 14:00Z in summer (CEST); "23:59" is the end of the day.
  const cases: [string, string, string, boolean][] = [
    ['last Friday of October (CET): just before 16:00', '2026-10-30T14:00:00Z', '2026-10-30T15:00:00Z', false],
    ['last Friday of October (CET): across 16:00', '2026-10-30T14:30:00Z', '2026-10-30T15:01:00Z', true],
    ['last Friday of October (CET): the last minute of the day', '2026-10-30T22:59:30Z', '2026-10-30T23:10:00Z', true],
    ['last Friday of October (CET): from midnight', '2026-10-30T23:00:00Z', '2026-10-30T23:30:00Z', false],
    ['the Friday before (CEST): at 16:00', '2026-10-23T14:00:00Z', '2026-10-23T14:30:00Z', true],
    ['the Friday before (CEST): 15:00 to 16:00', '2026-10-23T13:00:00Z', '2026-10-23T14:00:00Z', false],
    ['the Friday before (CEST): from midnight', '2026-10-23T22:00:00Z', '2026-10-23T23:00:00Z', false],
    ['last Friday of March (CET): 15:00Z is 16:00', '2026-03-27T15:00:00Z', '2026-03-27T15:30:00Z', true],
    ['last Friday of March (CET): 14:00Z is 15:00', '2026-03-27T14:00:00Z', '2026-03-27T15:00:00Z', false],
    ['first Friday of April (CEST): 14:00Z is 16:00', '2026-04-03T14:00:00Z', '2026-04-03T14:30:00Z', true],
    ['last Friday of March 2027 (CET)', '2027-03-26T14:30:00Z', '2027-03-26T15:00:00Z', false],
    ['a Thursday evening', '2026-10-29T16:00:00Z', '2026-10-29T20:00:00Z', false],
    ['a week-long window', '2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z', true],
    ['a year-long window', '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', true],
  ]
  for (const [name, start, end, inside] of cases) {
    it(`${name}: ${inside ? 'frozen' : 'free'}`, () => {
      expect(frozen(fridayEvening, start, end)).toBe(inside)
    })
  }

  it('names the occurrence in local time', () => {
    const result = approve(fridayEvening, '2026-10-30T14:30:00Z', '2026-10-30T15:01:00Z')
    expect(result.changes[0]!.violations[0]!.message).toContain('(on Fri 2026-10-30 from 16:00 to 24:00, Europe/Berlin)')
  })

  it('an overnight freeze through the autumn switch lasts nine hours', () => {
    const saturdayNight = weekly('sat', '22:00', '06:00')
    // Sat 2026-10-24 22:00 CEST (20:00Z) to Sun 06:00 CET (05:00Z).
    expect(frozen(saturdayNight, '2026-10-25T04:30:00Z', '2026-10-25T04:45:00Z')).toBe(true)
    expect(frozen(saturdayNight, '2026-10-25T05:00:00Z', '2026-10-25T05:30:00Z')).toBe(false)
    expect(frozen(saturdayNight, '2026-10-24T19:30:00Z', '2026-10-24T20:00:00Z')).toBe(false)
    expect(frozen(saturdayNight, '2026-10-24T19:30:00Z', '2026-10-24T20:00:01Z')).toBe(true)
  })

  it('an overnight freeze through the spring switch lasts seven hours', () => {
    const saturdayNight = weekly('sat', '22:00', '06:00')
    // Sat 2026-03-28 22:00 CET (21:00Z) to Sun 06:00 CEST (04:00Z).
    expect(frozen(saturdayNight, '2026-03-29T03:30:00Z', '2026-03-29T03:45:00Z')).toBe(true)
    expect(frozen(saturdayNight, '2026-03-29T04:00:00Z', '2026-03-29T04:30:00Z')).toBe(false)
    expect(frozen(saturdayNight, '2026-03-28T20:30:00Z', '2026-03-28T21:00:00Z')).toBe(false)
  })

  it('a freeze starting at a time the clock skips starts at the switch', () => {
    // Sun 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00Z; 03:30 CEST is 01:30Z.
    const skipped = weekly('sun', '02:30', '03:30')
    expect(frozen(skipped, '2026-03-29T00:50:00Z', '2026-03-29T01:00:00Z')).toBe(false)
    expect(frozen(skipped, '2026-03-29T01:00:00Z', '2026-03-29T01:05:00Z')).toBe(true)
    expect(frozen(skipped, '2026-03-29T01:30:00Z', '2026-03-29T01:45:00Z')).toBe(false)
  })

  it('a freeze at a time the clock shows twice takes its widest reading', () => {
    // Sun 2026-10-25: 02:30 first occurs at 00:30Z (CEST); 02:45 last occurs at 01:45Z (CET).
    const repeated = weekly('sun', '02:30', '02:45')
    expect(frozen(repeated, '2026-10-25T00:25:00Z', '2026-10-25T00:30:00Z')).toBe(false)
    expect(frozen(repeated, '2026-10-25T00:29:00Z', '2026-10-25T00:31:00Z')).toBe(true)
    expect(frozen(repeated, '2026-10-25T01:35:00Z', '2026-10-25T01:40:00Z')).toBe(true)
    expect(frozen(repeated, '2026-10-25T01:45:00Z', '2026-10-25T01:50:00Z')).toBe(false)
  })

  it('"24:00" ends at midnight', () => {
    const midnight = weekly('fri', '16:00', '24:00')
    expect(frozen(midnight, '2026-10-30T22:59:00Z', '2026-10-30T23:00:00Z')).toBe(true)
    expect(frozen(midnight, '2026-10-30T23:00:00Z', '2026-10-30T23:30:00Z')).toBe(false)
  })

  it('other time zones keep their own clock', () => {
    const newYork = `${rules}freeze:\n  - { name: NY, days: [mon], start: "09:00", end: "10:00", timezone: America/New_York }\n`
    // Mon 2026-11-02, after the US switch (Nov 1): 09:00 EST is 14:00Z.
    expect(frozen(newYork, '2026-11-02T14:00:00Z', '2026-11-02T14:10:00Z')).toBe(true)
    expect(frozen(newYork, '2026-11-02T13:00:00Z', '2026-11-02T14:00:00Z')).toBe(false)
    // Mon 2026-10-26, before it: 09:00 EDT is 13:00Z.
    expect(frozen(newYork, '2026-10-26T13:00:00Z', '2026-10-26T13:10:00Z')).toBe(true)
  })
})

describe('freeze: scope and allowed types', () => {
  const friday = ['2026-10-30T15:30:00Z', '2026-10-30T16:00:00Z'] as const

  it('a tier scope covers changes touching a service of that tier, and names it', () => {
    expect(frozen(fridayEvening, ...friday, { services: ['reports'] })).toBe(false)
    expect(frozen(fridayEvening, ...friday, { services: ['reports', 'payments-api'] })).toBe(true)
    const message = approve(fridayEvening, ...friday, { services: ['reports', 'payments-api'] }).changes[0]!.violations[0]!.message
    expect(message).toContain('It covers payments-api.')
  })

  it('a services scope covers changes naming one of them', () => {
    const scoped = `${rules}freeze:\n  - { name: Reports freeze, start: 2026-12-18T00:00:00+01:00, end: 2027-01-04T00:00:00+01:00, services: [reports] }\n`
    expect(frozen(scoped, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z', { services: ['reports'] })).toBe(true)
    expect(frozen(scoped, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z', { services: ['postgres-main'] })).toBe(false)
  })

  it('with both tiers and services, touching either is enough', () => {
    const both = `${rules}freeze:\n  - { name: Both, start: 2026-12-18T00:00:00+01:00, end: 2027-01-04T00:00:00+01:00, tiers: [1], services: [reports] }\n`
    const window = ['2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z'] as const
    expect(frozen(both, ...window, { services: ['reports'] })).toBe(true)
    expect(frozen(both, ...window, { services: ['payments-api'] })).toBe(true)
    expect(frozen(both, ...window, { services: ['postgres-main'] })).toBe(false)
  })

  it('`allow` lets the listed types through, and only those', () => {
    expect(frozen(fridayEvening, ...friday, { type: 'emergency' })).toBe(false)
    expect(frozen(fridayEvening, ...friday, { type: 'normal' })).toBe(true)
    expect(frozen(fridayEvening, ...friday, { type: 'standard' })).toBe(true)
  })

  it('every freeze that applies is reported', () => {
    const two = `${yearEnd}  - { name: Weekends, days: [sun], start: "00:00", end: "24:00", timezone: Europe/Berlin }\n`
    const result = approve(two, '2026-12-20T10:00:00Z', '2026-12-20T11:00:00Z')
    expect(ruleIds(result)).toEqual(['policy/freeze', 'policy/freeze'])
  })
})
