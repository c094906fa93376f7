import { parseTimestamp } from '../../time/timestamp.js'
import type { CalendarFreeze, CalendarWindow, ChangeCalendar } from '../calendar.js'
import { approvedOrLater } from '../../policy/lifecycle.js'
import { DAY_MS, offsetAt, offsetSegments, toWall, type OffsetSegment } from '../zoned-time.js'
import { showBidiControls } from './bidi.js'

/** How `formatIcs` names and dates the calendar. */
export interface IcsOptions {
  /** The instant the calendar is generated at (DTSTAMP), epoch milliseconds. */
  now: number
  /** The repository's IANA time zone: events are written in its local time. */
  timezone: string
  /** The calendar's display name, e.g. `acme changes`. */
  name: string
  /** The right-hand side of every UID, e.g. `acme.gitsm`. */
  domain: string
}

interface IcsEvent {
  uid: string
  start: number
  end: number
  properties: string[]
}

/**
 * The change calendar as an iCalendar (RFC 5545) feed that Outlook, Google Calendar and Apple Calendar subscribe
 * to: a VTIMEZONE for the repository's zone, built from its real offset changes over the events' span; one VEVENT
 * per change window (UID `<change id>@<domain>`, so a moved window updates its event) and one per freeze period
 * (UID `<slug of the name>-<start date>@<domain>`). Times are local times of the repository's zone, except a local
 * time the clocks show twice (when they are set back), which is written in UTC so that no reader can pick the wrong
 * one of the two instants. CRLF line endings, lines folded at 75 octets; the same input gives the same bytes. An
 * entry whose timestamps do not read as RFC 3339 (never one from `changeCalendar`) has no event.
 */
export function formatIcs(calendar: ChangeCalendar, options: IcsOptions): string {
  const uids = new Map<string, number>()
  const events = [...calendar.windows.flatMap((w) => changeEvent(w, options)), ...calendar.freezes.flatMap((f) => freezeEvent(f, options))].map((e) => ({ ...e, uid: unique(e.uid, uids) }))
  // The zone's rules over the events' span; with no events, at `now` (X-WR-TIMEZONE still names the zone).
  const instants = events.length > 0 ? events.flatMap((e) => [e.start, e.end]) : [options.now]
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//gitsm//gitsm report//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${escapeText(options.timezone)}`,
    // How often a subscribed calendar should fetch it again: Outlook reads X-PUBLISHED-TTL, others RFC 7986's property.
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...vtimezone(options.timezone, Math.min(...instants), Math.max(...instants)),
    ...events.flatMap((e) => ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${utcStamp(options.now)}`, ...dateTimes(e, options.timezone), ...e.properties, 'END:VEVENT']),
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}

function changeEvent(w: CalendarWindow, options: IcsOptions): IcsEvent[] {
  const start = parseTimestamp(w.start)
  const end = parseTimestamp(w.end)
  if (start === undefined || end === undefined) return []
  const label = [w.type, w.risk].filter((x) => x !== null).join(', ')
  const description = [
    `Services: ${w.services.join(', ') || 'none'}`,
    `Status: ${w.status ?? 'unknown'}`,
    ...(w.expected_downtime ? ['Expected downtime'] : []),
    ...(w.in_freeze.length > 0 ? [`In freeze: ${w.in_freeze.join('; ')}`] : []),
    ...(w.outside_maintenance.length > 0 ? [`Outside the maintenance windows of: ${w.outside_maintenance.join(', ')}`] : []),
    ...(w.collides_with.length > 0 ? [`Collides with: ${w.collides_with.join(', ')}`] : []),
  ]
  const status = eventStatus(w.status)
  return [
    {
      uid: `${w.change}@${options.domain}`,
      start,
      end,
      properties: [
        `SUMMARY:${escapeText(`${w.change} ${w.title}${label ? ` [${label}]` : ''}`)}`,
        `DESCRIPTION:${escapeText(description.join('\n'))}`,
        ...(w.type !== null ? [`CATEGORIES:${escapeText(w.type)}`] : []),
        ...(status ? [`STATUS:${status}`] : []),
        'TRANSP:OPAQUE',
      ],
    },
  ]
}

/** CONFIRMED once approved, TENTATIVE while a draft or submitted; none for a status outside the lifecycle. */
function eventStatus(status: string | null): string | undefined {
  if (status !== null && approvedOrLater.has(status)) return 'CONFIRMED'
  return status === 'draft' || status === 'submitted' ? 'TENTATIVE' : undefined
}

function freezeEvent(f: CalendarFreeze, options: IcsOptions): IcsEvent[] {
  const start = parseTimestamp(f.start)
  const end = parseTimestamp(f.end)
  if (start === undefined || end === undefined) return []
  const scope = [...(f.scope.tiers.length > 0 ? [`tiers ${f.scope.tiers.join(', ')}`] : []), ...(f.scope.services.length > 0 ? [`services ${f.scope.services.join(', ')}`] : [])]
  const description = [
    `Changes may not be scheduled in this ${f.weekly ? 'weekly ' : ''}freeze.`,
    `Applies to: ${scope.length > 0 ? `changes touching ${scope.join(' or ')}` : 'every change'}`,
    `Still allowed: ${f.allow.length > 0 ? f.allow.join(', ') : 'none'}`,
  ]
  return [
    {
      uid: `${slug(f.name)}-${f.start.slice(0, 10).replaceAll('-', '')}@${options.domain}`,
      start,
      end,
      properties: [`SUMMARY:${escapeText(`Freeze: ${f.name}`)}`, `DESCRIPTION:${escapeText(description.join('\n'))}`, 'CATEGORIES:freeze', 'STATUS:CONFIRMED', 'TRANSP:TRANSPARENT'],
    },
  ]
}

/** The same UID twice (two freezes of one name starting the same day) would merge two events: number the later ones. */
function unique(uid: string, seen: Map<string, number>): string {
  const count = (seen.get(uid) ?? 0) + 1
  seen.set(uid, count)
  return count === 1 ? uid : uid.replace(/@(?=[^@]*$)/, `-${count}@`)
}

function slug(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'freeze'
}

// RFC 5545 wants DTEND later than DTSTART: an event of no length has none, and ends when it starts.
function dateTimes(e: IcsEvent, zone: string): string[] {
  return [`DTSTART${dateTime(e.start, zone)}`, ...(e.end > e.start ? [`DTEND${dateTime(e.end, zone)}`] : [])]
}

/** `;TZID=<zone>:<local time>`, or `:<UTC time>Z` for a local time that occurs twice. */
function dateTime(ms: number, zone: string): string {
  const wall = toWall(ms, zone)
  return ambiguous(wall, zone) ? `:${utcStamp(ms)}` : `;TZID=${zone}:${localStamp(wall)}`
}

function ambiguous(wall: number, zone: string): boolean {
  const candidates = new Set([offsetAt(wall - DAY_MS, zone), offsetAt(wall + DAY_MS, zone)].map((offset) => wall - offset))
  return [...candidates].filter((instant) => toWall(instant, zone) === wall).length > 1
}

function localStamp(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19).replace(/[-:]/g, '')
}

function utcStamp(ms: number): string {
  return `${localStamp(ms)}Z`
}

// Far enough back that the observance in force at the first event starts at a real offset change, where there is one.
const LOOKBACK_MS = 366 * DAY_MS

/**
 * A VTIMEZONE with one observance per stretch of constant offset over `[from, to]`, starting with the stretch in
 * force at `from`: each begins at its real offset change (a zone that has none gets one STANDARD observance). An
 * observance is DAYLIGHT when its offset is above the lower of the year's January and July offsets.
 */
function vtimezone(zone: string, from: number, to: number): string[] {
  const segments = offsetSegments(from - LOOKBACK_MS, to + 1, zone)
  const observances = segments.slice(segments.findIndex((s) => s.end > from)).flatMap((s) => observance(s, zone))
  return ['BEGIN:VTIMEZONE', `TZID:${escapeText(zone)}`, ...observances, 'END:VTIMEZONE']
}

function observance(s: OffsetSegment, zone: string): string[] {
  const before = offsetAt(s.start - 1, zone)
  const year = new Date(s.start).getUTCFullYear()
  const standard = Math.min(offsetAt(Date.UTC(year, 0, 1), zone), offsetAt(Date.UTC(year, 6, 1), zone))
  const kind = s.offset > standard ? 'DAYLIGHT' : 'STANDARD'
  const name = zoneName(s.start, zone)
  return [
    `BEGIN:${kind}`,
    // The onset, in the local time of the offset it replaces.
    `DTSTART:${localStamp(s.start + before)}`,
    `TZOFFSETFROM:${utcOffset(before)}`,
    `TZOFFSETTO:${utcOffset(s.offset)}`,
    ...(name ? [`TZNAME:${escapeText(name)}`] : []),
    `END:${kind}`,
  ]
}

function utcOffset(offset: number): string {
  const seconds = Math.abs(offset) / 1000
  const hhmm = `${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}`
  return `${offset < 0 ? '-' : '+'}${hhmm}${seconds % 60 === 0 ? '' : pad(seconds % 60)}`
}

/** The zone's abbreviation at `ms` (`CET`, `EST`), else what ICU has (`GMT+9`). */
function zoneName(ms: number, zone: string): string | undefined {
  const read = (locale: string): string | undefined =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value
  const us = read('en-US')
  // en-US names only American zones; en-GB knows the European abbreviations.
  return us !== undefined && /^GMT[+-]/.test(us) ? (read('en-GB') ?? us) : us
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other control characters dropped,
 * bidirectional controls shown as `[U+202E]`.
 */
function escapeText(value: string): string {
  const escaped = showBidiControls(value).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n')
  return [...escaped].filter((c) => c === '\t' || (c >= ' ' && c !== '\u007f')).join('')
}

/** Folds a content line into lines of at most 75 octets (continuations start with a space), never inside a character. */
function fold(line: string): string {
  const parts: string[] = []
  let part = ''
  let octets = 0
  for (const char of line) {
    const size = utf8Length(char)
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(part)
      part = ''
      octets = 0
    }
    part += char
    octets += size
  }
  return [...parts, part].join('\r\n ')
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
}
