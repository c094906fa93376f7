import { describe, expect, it } from 'vitest'
import { postmortemOverdue } from '../../src/rules/postmortem-overdue.js'
import { lintCase, ruleTester } from './harness.js'
import { afterDue, beforeDue, complete, incident, md, yaml, yamlIncident } from './postmortem-records.js'

ruleTester(postmortemOverdue, {
  valid: [
    { name: 'before the due date', files: { [md]: incident('P1', 'closed', '') }, now: beforeDue },
    { name: 'without now', files: { [md]: incident('P1', 'closed', '') } },
    { name: 'complete', files: { [md]: incident('P1', 'closed', complete) }, now: afterDue },
    { name: 'a configured longer due time', files: { [md]: incident('P1', 'closed', '') }, config: { incidents: { postmortem: { due: '1w' } } }, now: afterDue },
  ],
  invalid: [
    { name: 'sections still missing after the due date', files: { [md]: incident('P1', 'closed', '## Summary\n\nx') }, now: afterDue, errors: [{ file: md, line: 12, column: 1 }] },
    { name: 'a YAML incident after the due date', files: { [yaml]: yamlIncident('P2', 'closed') }, now: afterDue, errors: [{ file: yaml, line: 6, column: 9 }] },
  ],
})

describe('postmortem/overdue messages', () => {
  it('name the missing sections and the due date', () => {
    const [found] = lintCase(postmortemOverdue, { name: '', files: { [md]: incident('P1', 'closed', '## Summary\n\nx\n\n## Impact\n\nx') }, now: afterDue })
    expect(found?.message).toContain('"Timeline", "Root cause" and "Action items"')
    expect(found?.message).toContain('2026-11-06')
  })
})
