import ICAL from 'ical.js'
import * as ical from 'node-ical'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../src/model/config.js'
import type { ItsmRecord } from '../../src/model/record.js'
import { changeCalendar, type CalendarFreeze, type CalendarWindow, type ChangeCalendar } from '../../src/report/calendar.js'
import { formatIcs, type IcsOptions } from '../../src/report/format/ics.js'
import { loadAcme, period } from './report-records.js'

const options: IcsOptions = { now: Date.parse('2026-11-21T11:00:00Z'), timezone: 'Europe/Berlin', name: 'acme changes', domain: 'acme.gitsm' }

function win(change: string, start: string, end: string, fields: Partial<CalendarWindow> = {}): CalendarWindow {
  return {
    change,
    title: `Change ${change}`,
    type: 'normal',
    status: 'approved',
    risk: 'medium',
    services: ['db'],
    start,
    end,
    expected_downtime: false,
    when: 'upcoming',
    in_freeze: [],
    outside_maintenance: [],
    collides_with: [],
    ...fields,
  }
}

function freeze(name: string, start: string, end: string, fields: Partial<CalendarFreeze> = {}): CalendarFreeze {
  return { name, start, end, allow: [], scope: { tiers: [], services: [] }, weekly: false, ...fields }
}

interface ReadEvent {
  uid: string
  summary: string
  description: string
  start: number
  end: number
}

/** The events as ical.js reads them, with the feed's VTIMEZONE registered: ical.js has no zone data of its own. */
function readWithIcalJs(text: string): ReadEvent[] {
  const root = new ICAL.Component(ICAL.parse(text))
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return root.getAllSubcomponents('vevent').map((component) => {
    const e = new ICAL.Event(component)
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime() }
  })
}

function readWithNodeIcal(text: string): ReadEvent[] {
  const value = (v: unknown): string => (typeof v === 'object' && v !== null && 'val' in v ? String(v.val) : String(v))
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT')
  return events.map((e) => ({ uid: e.uid, summary: value(e.summary), description: value(e.description), start: e.start.getTime(), end: (e.end ?? e.start).getTime() }))
}

/** Both readers agree on every event, and give the source's instants (keyed by UID). */
function readBoth(text: string): Map<string, ReadEvent> {
  const a = readWithIcalJs(text)
  const b = readWithNodeIcal(text)
  expect(b).toEqual(a)
  return new Map(a.map((e) => [e.uid, e]))
}

/** The unfolded lines of the event with this UID. */
function eventLines(text: string, uid: string): string[] {
  const lines = text.replace(/\r\n /g, '').split('\r\n')
  const at = lines.indexOf(`UID:${uid}`)
  expect(at).toBeGreaterThan(0)
  return lines.slice(lines.lastIndexOf('BEGIN:VEVENT', at), lines.indexOf('END:VEVENT', at) + 1)
}

function vtimezone(text: string): string[] {
  const lines = text.split('\r\n')
  return lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1)
}

afterEach(() => {
  ICAL.TimezoneService.reset()
})

const tricky: ChangeCalendar = {
  windows: [
    win('CHG-0001', '2026-12-03T22:00:00+01:00', '2026-12-04T01:00:00+01:00', {
      title: 'Upgrade payments, auth; then C:\\Temp\\x and a\\\\b\nsecond line',
      services: ['api', 'db'],
      expected_downtime: true,
      in_freeze: ['Year-end', 'Fridays'],
      outside_maintenance: ['db'],
      collides_with: ['CHG-0002', 'CHG-0003'],
    }),
    // Written in other offsets than Berlin's, and across the autumn switch (Oct 25, 03:00 CEST -> 02:00 CET).
    win('CHG-0002', '2026-10-24T19:30:00-04:00', '2026-10-25T06:00:00Z', { status: 'submitted', risk: null }),
    // Starts in the hour the clocks show twice, the second time round; CHG-0006 lies in it the first time round.
    win('CHG-0003', '2026-10-25T02:30:00+01:00', '2026-10-25T03:30:00+01:00', { status: 'draft', type: null }),
    win('CHG-0006', '2026-10-25T02:15:00+02:00', '2026-10-25T02:45:00+02:00'),
    // Across the spring switch (Mar 28, 02:00 CET -> 03:00 CEST), ending in India's offset.
    win('CHG-0004', '2027-03-28T01:30:00+01:00', '2027-03-28T07:00:00+05:30', { title: 'Deploy 🚀 with the 👩‍💻 team: Größenänderung der Übertragungswarteschlangen für 東京 und São Paulo, '.repeat(3) }),
    win('CHG-0005', '2026-11-10T10:00:00Z', '2026-11-10T10:00:00Z', { status: 'in_progress' }),
  ],
  freezes: [
    freeze('Year-end', '2026-12-18T00:00:00+01:00', '2027-01-04T00:00:00+01:00', { allow: ['emergency'] }),
    freeze('Fridays, tier 1', '2026-10-30T16:00:00+01:00', '2026-10-31T00:00:00+01:00', { weekly: true, allow: ['emergency'], scope: { tiers: [1], services: ['db'] } }),
  ],
}

describe('formatIcs', () => {
  it('reads back the same in ical.js and node-ical: UIDs, texts and the source instants', () => {
    const events = readBoth(formatIcs(tricky, options))
    expect([...events.keys()]).toEqual(['CHG-0001@acme.gitsm', 'CHG-0002@acme.gitsm', 'CHG-0003@acme.gitsm', 'CHG-0006@acme.gitsm', 'CHG-0004@acme.gitsm', 'CHG-0005@acme.gitsm', 'year-end-20261218@acme.gitsm', 'fridays-tier-1-20261030@acme.gitsm'])
    for (const w of tricky.windows) {
      const e = events.get(`${w.change}@acme.gitsm`)!
      expect([e.start, e.end]).toEqual([Date.parse(w.start), Date.parse(w.end)])
    }
    for (const f of tricky.freezes) expect([...events.values()].some((e) => e.start === Date.parse(f.start) && e.end === Date.parse(f.end) && e.summary === `Freeze: ${f.name}`)).toBe(true)
    expect(events.get('CHG-0001@acme.gitsm')).toMatchObject({
      summary: `CHG-0001 ${tricky.windows[0]!.title} [normal, medium]`,
      description: 'Services: api, db\nStatus: approved\nExpected downtime\nIn freeze: Year-end; Fridays\nOutside the maintenance windows of: db\nCollides with: CHG-0002, CHG-0003',
    })
    expect(events.get('CHG-0002@acme.gitsm')?.summary).toBe('CHG-0002 Change CHG-0002 [normal]')
    expect(events.get('CHG-0003@acme.gitsm')?.summary).toBe('CHG-0003 Change CHG-0003 [medium]')
    expect(events.get('CHG-0004@acme.gitsm')?.summary).toBe(`CHG-0004 ${tricky.windows[4]!.title} [normal, medium]`)
    expect(events.get('fridays-tier-1-20261030@acme.gitsm')?.description).toBe('Changes may not be scheduled in this weekly freeze.\nApplies to: changes touching tiers 1 or services db\nStill allowed: emergency')
  })

  it('writes local times of the repository zone, and UTC for a local time the clocks show twice', () => {
    const text = formatIcs(tricky, options)
    expect(eventLines(text, 'CHG-0002@acme.gitsm')).toEqual(expect.arrayContaining(['DTSTART;TZID=Europe/Berlin:20261025T013000', 'DTEND;TZID=Europe/Berlin:20261025T070000']))
    // 02:30 on Oct 25 is both 00:30Z and 01:30Z. RFC 5545 reads such a local time as the first; ical.js and
    // node-ical both read it as the second, so either would be misread.
    expect(eventLines(text, 'CHG-0003@acme.gitsm')).toEqual(expect.arrayContaining(['DTSTART:20261025T013000Z', 'DTEND;TZID=Europe/Berlin:20261025T033000']))
    expect(eventLines(text, 'CHG-0006@acme.gitsm')).toEqual(expect.arrayContaining(['DTSTART:20261025T001500Z', 'DTEND:20261025T004500Z']))
    expect(eventLines(text, 'CHG-0004@acme.gitsm')).toEqual(expect.arrayContaining(['DTSTART;TZID=Europe/Berlin:20270328T013000', 'DTEND;TZID=Europe/Berlin:20270328T033000']))
    // An event of no length has no DTEND (RFC 5545 wants DTEND after DTSTART): it ends when it starts.
    expect(eventLines(text, 'CHG-0005@acme.gitsm').filter((l) => l.startsWith('DT'))).toEqual(['DTSTAMP:20261121T110000Z', 'DTSTART;TZID=Europe/Berlin:20261110T110000'])
  })

  it('has a VTIMEZONE with the real offset changes over the events, from the one in force at the first', () => {
    expect(vtimezone(formatIcs(tricky, options))).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20270328T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ])
  })

  it('gives a zone without offset changes one STANDARD observance', () => {
    const text = formatIcs(tricky, { ...options, timezone: 'Asia/Kolkata' })
    const zone = vtimezone(text)
    expect(zone.filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD'])
    expect(zone).toEqual(expect.arrayContaining(['TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530']))
    expect(readBoth(text).get('CHG-0001@acme.gitsm')?.start).toBe(Date.parse('2026-12-03T21:00:00Z'))
  })

  it('keeps the instants in zones north and south, with half-hour offsets, and in UTC', () => {
    const windows = Array.from({ length: 53 }, (_, week) => {
      const start = Date.parse('2026-01-04T01:30:00Z') + week * 7 * 86_400_000
      return win(`CHG-${String(week + 1).padStart(4, '0')}`, new Date(start).toISOString(), new Date(start + 5 * 3_600_000).toISOString())
    })
    for (const timezone of ['America/New_York', 'Australia/Sydney', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Tokyo', 'UTC']) {
      const events = readBoth(formatIcs({ windows, freezes: [] }, { ...options, timezone }))
      for (const w of windows) expect([events.get(`${w.change}@acme.gitsm`)?.start, events.get(`${w.change}@acme.gitsm`)?.end], `${timezone} ${w.start}`).toEqual([Date.parse(w.start), Date.parse(w.end)])
      ICAL.TimezoneService.reset()
    }
  })

  it('escapes TEXT as RFC 5545 says, which ical.js reads back exactly', () => {
    // node-ical turns an escaped backslash followed by `n` into a line break (it unescapes `\n` before `\\`).
    const calendar = { windows: [win('CHG-0001', '2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z', { title: 'C:\\new, "quoted"; x\r\ny\tz\u0007' })], freezes: [] }
    const text = formatIcs(calendar, options)
    expect(eventLines(text, 'CHG-0001@acme.gitsm')).toContain('SUMMARY:CHG-0001 C:\\\\new\\, "quoted"\\; x\\ny\tz [normal\\, medium]')
    expect(readWithIcalJs(text)[0]?.summary).toBe('CHG-0001 C:\\new, "quoted"; x\ny\tz [normal, medium]')
  })

  it('ends lines with CRLF and folds them at 75 octets without splitting a character', () => {
    for (let pad = 0; pad < 8; pad++) {
      const title = `${'x'.repeat(pad)}${'€🚀ä'.repeat(40)}`
      const text = formatIcs({ windows: [win('CHG-0001', '2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z', { title })], freezes: [] }, options)
      expect(text.endsWith('\r\n')).toBe(true)
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      const bytes = Buffer.from(text, 'utf8')
      let from = 0
      for (let at = bytes.indexOf('\r\n'); at !== -1; from = at + 2, at = bytes.indexOf('\r\n', from)) {
        const line = bytes.subarray(from, at)
        expect(line.length).toBeLessThanOrEqual(75)
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow()
      }
      expect(text.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3)
      expect(readBoth(text).get('CHG-0001@acme.gitsm')?.summary).toBe(`CHG-0001 ${title} [normal, medium]`)
    }
  })

  it('is deterministic, and keeps a change UID when its window moves', () => {
    const text = formatIcs(tricky, options)
    expect(formatIcs(structuredClone(tricky), options)).toBe(text)
    const moved = structuredClone(tricky)
    moved.windows[0] = { ...moved.windows[0]!, start: '2026-12-10T22:00:00+01:00', end: '2026-12-11T01:00:00+01:00' }
    const after = readBoth(formatIcs(moved, options)).get('CHG-0001@acme.gitsm')
    expect(after?.start).toBe(Date.parse('2026-12-10T21:00:00Z'))
    expect([...readBoth(formatIcs(moved, options)).keys()]).toEqual([...readBoth(text).keys()])
  })

  it('sets the calendar properties, categories, status and transparency', () => {
    const text = formatIcs(tricky, { ...options, name: 'acme, changes' })
    expect(text.split('\r\n').slice(0, 10)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//gitsm//gitsm report//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:acme\\, changes', 'X-WR-TIMEZONE:Europe/Berlin', 'REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H', 'BEGIN:VTIMEZONE'])
    const props = (uid: string): string[] => eventLines(text, uid).filter((l) => /^(CATEGORIES|STATUS|TRANSP)/.test(l))
    expect(props('CHG-0001@acme.gitsm')).toEqual(['CATEGORIES:normal', 'STATUS:CONFIRMED', 'TRANSP:OPAQUE'])
    expect(props('CHG-0002@acme.gitsm')).toEqual(['CATEGORIES:normal', 'STATUS:TENTATIVE', 'TRANSP:OPAQUE'])
    expect(props('CHG-0003@acme.gitsm')).toEqual(['STATUS:TENTATIVE', 'TRANSP:OPAQUE'])
    expect(props('CHG-0005@acme.gitsm')).toEqual(['CATEGORIES:normal', 'STATUS:CONFIRMED', 'TRANSP:OPAQUE'])
    expect(props('year-end-20261218@acme.gitsm')).toEqual(['CATEGORIES:freeze', 'STATUS:CONFIRMED', 'TRANSP:TRANSPARENT'])
  })

  it('numbers the UIDs of freeze periods that would share one', () => {
    const text = formatIcs({ windows: [], freezes: [freeze('Ünïcode freeze!', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'), freeze('unicode freeze', '2026-11-10T12:00:00Z', '2026-11-11T00:00:00Z')] }, options)
    expect([...readBoth(text).keys()]).toEqual(['unicode-freeze-20261110@acme.gitsm', 'unicode-freeze-20261110-2@acme.gitsm'])
  })

  it('still has a VTIMEZONE when there are no events', () => {
    const text = formatIcs({ windows: [], freezes: [] }, options)
    expect(vtimezone(text).slice(0, 3)).toEqual(['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:STANDARD'])
    expect(readBoth(text).size).toBe(0)
  })
})

// The example, 2026-09-01 to 2027-01-01 (Berlin), now 2026-11-21T12:00+01:00, as in changes.test.ts.
describe('formatIcs over examples/acme', () => {
  let acme: { records: ItsmRecord[]; config: Config }
  beforeAll(async () => {
    acme = await loadAcme()
  })
  const p = period('2026-09-01T00:00:00+02:00', '2027-01-01T00:00:00+01:00', '2026-11-21T12:00:00+01:00')

  it('has the events worked out by hand', () => {
    const text = formatIcs(changeCalendar(acme.records, acme.config, p), { now: p.now, timezone: acme.config.timezone, name: 'acme changes', domain: 'acme.gitsm' })
    const events = readBoth(text)
    // 17 change windows, 17 Friday evenings (Sep 4 .. Dec 25) and the year-end freeze.
    expect(events.size).toBe(35)
    expect(events.get('CHG-0007@acme.gitsm')).toEqual({
      uid: 'CHG-0007@acme.gitsm',
      summary: 'CHG-0007 Upgrade postgres-main to PostgreSQL 16.4 [normal, high]',
      description: 'Services: postgres-main, payments-api, checkout-api, auth\nStatus: approved\nExpected downtime',
      start: Date.parse('2026-12-13T01:00:00Z'),
      end: Date.parse('2026-12-13T04:00:00Z'),
    })
    expect(eventLines(text, 'CHG-0007@acme.gitsm')).toEqual(expect.arrayContaining(['DTSTART;TZID=Europe/Berlin:20261213T020000', 'DTEND;TZID=Europe/Berlin:20261213T050000', 'STATUS:CONFIRMED']))
    expect(eventLines(text, 'CHG-0017@acme.gitsm')).toContain('STATUS:TENTATIVE')
    // CHG-0004: Thursday 12:40, outside payments-api's Tue/Thu 20-23 and Sun 02-06 windows.
    expect(events.get('CHG-0004@acme.gitsm')?.description).toBe('Services: payments-api\nStatus: closed\nOutside the maintenance windows of: payments-api')
    // CHG-0014 (Nov 20 18:00 to Nov 23 06:00) runs over a Friday freeze evening, but data-warehouse is tier 3.
    expect(events.get('CHG-0014@acme.gitsm')).toMatchObject({ start: Date.parse('2026-11-20T17:00:00Z'), end: Date.parse('2026-11-23T05:00:00Z'), description: 'Services: data-warehouse\nStatus: in_progress' })
    expect(events.get('year-end-freeze-20261218@acme.gitsm')).toMatchObject({ summary: 'Freeze: Year-end freeze', start: Date.parse('2026-12-17T23:00:00Z'), end: Date.parse('2027-01-03T23:00:00Z') })
    expect(eventLines(text, 'year-end-freeze-20261218@acme.gitsm')).toContain('TRANSP:TRANSPARENT')
    // The Friday before the switch is 16:00-24:00 CEST, the one after 16:00-24:00 CET.
    expect(events.get('no-friday-evening-changes-to-tier-1-20261023@acme.gitsm')).toMatchObject({ start: Date.parse('2026-10-23T14:00:00Z'), end: Date.parse('2026-10-23T22:00:00Z') })
    expect(events.get('no-friday-evening-changes-to-tier-1-20261030@acme.gitsm')).toMatchObject({ start: Date.parse('2026-10-30T15:00:00Z'), end: Date.parse('2026-10-30T23:00:00Z') })
    expect(eventLines(text, 'no-friday-evening-changes-to-tier-1-20261030@acme.gitsm')).toEqual(expect.arrayContaining(['DTSTART;TZID=Europe/Berlin:20261030T160000', 'DTEND;TZID=Europe/Berlin:20261031T000000']))
    expect(vtimezone(text).filter((l) => l.startsWith('DTSTART'))).toEqual(['DTSTART:20260329T020000', 'DTSTART:20261025T030000'])
  })
})
