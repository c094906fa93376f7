import { describe, expect, it } from 'vitest'
import { showBidiControls } from '../../src/report/format/bidi.js'
import { escapeHtml } from '../../src/report/format/html/escape.js'
import { formatIcs } from '../../src/report/format/ics.js'
import { formatMarkdownReport } from '../../src/report/format/markdown.js'
import { buildReport } from '../../src/report/build.js'
import { config, record } from './report-records.js'

// "Approve ‮ lanigiro" displays as "Approve original" when U+202E is applied.
const tricky = 'Approve \u202elanigiro\u202c now'

describe('bidirectional controls in record text', () => {
  it('are shown, not applied', () => {
    expect(showBidiControls(tricky)).toBe('Approve [U+202E]lanigiro[U+202C] now')
    expect(showBidiControls('\u2066a\u2069 \u200f\u061c')).toBe('[U+2066]a[U+2069] [U+200F][U+061C]')
    expect(showBidiControls('plain עברית text')).toBe('plain עברית text')
  })

  it('in the HTML site and the Markdown report', () => {
    expect(escapeHtml(`<${tricky}>`)).toBe('&lt;Approve [U+202E]lanigiro[U+202C] now&gt;')
    const records = [record('services/svc.yaml', 'kind: Service', 'id: svc', `title: ${JSON.stringify(tricky)}`, 'owner: "@x"', 'tier: 2', 'lifecycle: live')]
    const report = buildReport({ records, config: config(), range: { from: '2026-11-01', to: '2026-11-30' }, now: Date.parse('2026-11-21T12:00:00Z'), audit: [], source: { commit: null, shallow: false } })
    const markdown = formatMarkdownReport(report)
    expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
    expect(markdown).toContain('Approve \\[U+202E\\]lanigiro\\[U+202C\\] now')
  })

  it('in the calendar', () => {
    const change = record('changes/CHG-0001.yaml', 'kind: Change', 'id: CHG-0001', `title: ${JSON.stringify(tricky)}`, 'type: normal', 'status: approved', 'services: [svc]', 'window: { start: 2026-11-10T20:00:00Z, end: 2026-11-10T21:00:00Z }')
    const report = buildReport({ records: [change], config: config(), range: { from: '2026-11-01', to: '2026-11-30' }, now: Date.parse('2026-11-21T12:00:00Z'), audit: [], source: { commit: null, shallow: false } })
    const ics = formatIcs(report.changes.calendar, { now: Date.parse('2026-11-21T12:00:00Z'), timezone: 'Europe/Berlin', name: 'acme changes', domain: 'acme.gitsm' })
    expect(ics).toContain('SUMMARY:CHG-0001 Approve [U+202E]lanigiro[U+202C] now')
  })
})
