import type { Config } from '../model/config.js'

/** The configuration a repository gets for everything its gitsm.yaml leaves out (FORMAT.md defaults). */
export function defaultConfig(): Config {
  return {
    timezone: 'UTC',
    paths: {
      services: 'services',
      slas: 'slas',
      changes: 'changes',
      standard_changes: 'changes/standard',
      incidents: 'incidents',
      problems: 'problems',
      knowledge: 'kb',
    },
    calendars: {},
    teams: {},
    knowledge: {
      sections: {
        known_error: ['Symptoms', 'Cause', 'Workaround'],
        troubleshooting: ['Symptoms', 'Resolution'],
        runbook: ['Procedure', 'Rollback'],
        how_to: ['Steps'],
      },
      review_interval: '180d',
      expiring_within: '30d',
    },
    incidents: {
      postmortem: { required_for: ['P1', 'P2'], due: '5d', sections: ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items'] },
    },
    ignore: ['**/README.md'],
    rules: {},
  }
}
