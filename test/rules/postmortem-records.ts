/** Incidents and problems for the postmortem rule tests. */
export const complete = '## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Action items\n\nx'
/** A Markdown incident; its level-1 heading is on line 12. */
export const incident = (priority: string, status: string, body: string): string =>
  `---\nkind: Incident\nid: INC-0001\ntitle: X\nservices: [a]\npriority: ${priority}\nstatus: ${status}\nopened_at: 2026-11-01T09:00:00Z\nresolved_at: 2026-11-01T10:00:00Z\n---\n\n# X\n\n${body}\n`
export const yamlIncident = (priority: string, status: string): string =>
  `kind: Incident\nid: INC-0002\ntitle: Y\nservices: [a]\npriority: ${priority}\nstatus: ${status}\nopened_at: 2026-11-01T09:00:00Z\nresolved_at: 2026-11-01T10:00:00Z\n`
export const problem = (status: string, body: string): string => `---\nkind: Problem\nid: PRB-0001\ntitle: P\nstatus: ${status}\n---\n\n# P\n\n${body}\n`
export const md = 'incidents/INC-0001.md'
export const yaml = 'incidents/INC-0002.yaml'
export const beforeDue = '2026-11-06T09:59:00Z'
export const afterDue = '2026-11-06T10:01:00Z'
