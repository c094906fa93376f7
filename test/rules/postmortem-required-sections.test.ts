import { describe, expect, it } from 'vitest'
import { postmortemRequiredSections } from '../../src/rules/postmortem-required-sections.js'
import { lintCase, ruleTester } from './harness.js'
import { afterDue, beforeDue, complete, incident, md, problem, yaml, yamlIncident } from './postmortem-records.js'

ruleTester(postmortemRequiredSections, {
  valid: [
    { name: 'a complete postmortem', files: { [md]: incident('P1', 'closed', complete) }, now: beforeDue },
    { name: 'sections compare ignoring case', files: { [md]: incident('P2', 'resolved', complete.toUpperCase()) }, now: beforeDue },
    { name: 'not yet resolved', files: { [md]: incident('P1', 'pending', ''), [yaml]: yamlIncident('P1', 'acknowledged') }, now: beforeDue },
    { name: 'a priority that needs none', files: { [md]: incident('P3', 'closed', ''), [yaml]: yamlIncident('P4', 'resolved') }, now: beforeDue },
    { name: 'after the due date it is postmortem/overdue\'s', files: { [md]: incident('P1', 'closed', '') }, now: afterDue },
    {
      name: 'configured priorities and sections',
      files: { [md]: incident('P1', 'closed', '## Lessons\n\nx'), [yaml]: yamlIncident('P1', 'closed') },
      config: { incidents: { postmortem: { required_for: ['P0'], sections: ['Lessons'] } } },
      now: beforeDue,
    },
    { name: 'an open problem', files: { 'problems/PRB-0001.md': problem('known_error', '') } },
    { name: 'a YAML problem has its root_cause field', files: { 'problems/PRB-0001.yaml': 'kind: Problem\nid: PRB-0001\ntitle: P\nstatus: resolved\n' } },
  ],
  invalid: [
    {
      name: 'missing sections before the due date, one finding at the title heading',
      files: { [md]: incident('P2', 'resolved', '## Summary\n\nx\n\n## Timeline\n\nx') },
      now: beforeDue,
      errors: [{ file: md, line: 12, column: 1 }],
    },
    { name: 'without now, the due date cannot have passed', files: { [md]: incident('P1', 'closed', '') }, errors: [{ file: md, line: 12, column: 1 }] },
    { name: 'a YAML incident has no body: at its status', files: { [yaml]: yamlIncident('P1', 'resolved') }, now: beforeDue, errors: [{ file: yaml, line: 6, column: 9 }] },
    { name: 'a resolved problem written as Markdown never becomes overdue', files: { 'problems/PRB-0001.md': problem('closed', '## Summary\n\nx') }, now: afterDue, errors: [{ file: 'problems/PRB-0001.md', line: 8, column: 1 }] },
  ],
})

describe('postmortem/required-sections messages', () => {
  it('ask for a YAML incident to be written as Markdown', () => {
    const [found] = lintCase(postmortemRequiredSections, { name: '', files: { [yaml]: yamlIncident('P1', 'resolved') } })
    expect(found?.message).toMatch(/Markdown/)
  })
})
