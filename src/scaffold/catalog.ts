import type { Kind } from '../model/kinds.js'

/** The KIND words of `gitsm new`; each is also the base name of the kind's JSON Schema file. */
export const newKinds = ['service', 'sla', 'standard-change', 'change', 'incident', 'problem', 'article'] as const
export type NewKind = (typeof newKinds)[number]

/** One template under `templates/records/`. */
export interface TemplateChoice {
  /** File name under templates/records/. */
  file: string
  format: 'yaml' | 'markdown'
  /** Level-2 sections the configuration may require beyond the template's own: appended when missing. */
  sections?: 'knowledge' | 'postmortem'
  /** What the writer fills in next, one line each. */
  next: readonly string[]
}

/** What `--owner` fills in for a kind, and where its default comes from. */
export interface OwnerRole {
  /** The field it fills, for messages. */
  field: string
  /** Only a person (`@login`) fits the field, not a team. */
  personOnly: boolean
  /** Without `--owner`, the owner of the first `--service` is used (where it fits). */
  fromService: boolean
}

/** How `gitsm new` makes a record of one kind. */
export interface KindEntry {
  kind: Kind
  /** The kind with its article, for messages: `a change`, `an SLA`. */
  noun: string
  /** Templates by `--type`; `defaultType` is used without `--type`. */
  types: Readonly<Record<string, TemplateChoice>>
  defaultType: string
  /** The values `--type` takes (incident's plain YAML `record` is only the default, not a choice). */
  typeOptions: readonly string[]
  /** What `--service` means for the kind. */
  servicesField: string
  owner?: OwnerRole
}

const article = (type: string, next: readonly string[]): TemplateChoice => ({
  file: `article-${type.replace('_', '-')}.md`,
  format: 'markdown',
  sections: 'knowledge',
  next: [...next, 'set status: published once it has been reviewed'],
})

const changeNext = ['add window: with start and end (RFC 3339 with an offset), then set status: submitted', 'open a pull request: the change is approved through its reviews']

export const catalog: Readonly<Record<NewKind, KindEntry>> = {
  service: {
    noun: 'a service',
    kind: 'Service',
    types: { service: { file: 'service.yaml', format: 'yaml', next: ['write the description, set tier (1 most critical .. 4) and lifecycle', 'add support_hours, runbooks and links where you have them'] } },
    defaultType: 'service',
    typeOptions: [],
    servicesField: 'depends_on',
    owner: { field: 'owner', personOnly: false, fromService: false },
  },
  sla: {
    noun: 'an SLA',
    kind: 'SLA',
    types: { sla: { file: 'sla.yaml', format: 'yaml', next: ['name the customer, check calendar, period and every target', 'agree review_by with the customer'] } },
    defaultType: 'sla',
    typeOptions: [],
    servicesField: 'services',
    owner: { field: 'owner', personOnly: false, fromService: true },
  },
  'standard-change': {
    noun: 'a standard change model',
    kind: 'StandardChange',
    types: {
      'standard-change': {
        file: 'standard-change.yaml',
        format: 'yaml',
        next: ['write the procedure and rollback_plan every change of this model follows', 'once the CAB has approved the model, add approved_by and approved_at'],
      },
    },
    defaultType: 'standard-change',
    typeOptions: [],
    servicesField: 'services',
  },
  change: {
    noun: 'a change',
    kind: 'Change',
    types: {
      standard: { file: 'change-standard.yaml', format: 'yaml', next: ['describe the impact and the test_plan', ...changeNext] },
      normal: { file: 'change-normal.yaml', format: 'yaml', next: ['assess the risk; describe the impact, plan, test_plan and rollback_plan', ...changeNext] },
      emergency: {
        file: 'change-emergency.yaml',
        format: 'yaml',
        next: ['describe the impact, plan and rollback_plan', ...changeNext, 'after the window, add review: within the policy\'s emergency review time'],
      },
    },
    defaultType: 'normal',
    typeOptions: ['normal', 'standard', 'emergency'],
    servicesField: 'services',
    owner: { field: 'requested_by', personOnly: true, fromService: true },
  },
  incident: {
    noun: 'an incident',
    kind: 'Incident',
    types: {
      record: { file: 'incident.yaml', format: 'yaml', next: ['set the priority (P1 .. P4)', 'add acknowledged_at, resolved_at and closed_at as the status moves on'] },
      postmortem: {
        file: 'incident-postmortem.md',
        format: 'markdown',
        sections: 'postmortem',
        next: ['set the priority and the timestamps up to resolved_at', 'write every section of the postmortem, and its actions: with owners and due dates'],
      },
    },
    defaultType: 'record',
    typeOptions: ['postmortem'],
    servicesField: 'services',
    owner: { field: 'assignee', personOnly: false, fromService: true },
  },
  problem: {
    noun: 'a problem',
    kind: 'Problem',
    types: { problem: { file: 'problem.yaml', format: 'yaml', next: ['list the incidents it causes under incidents:', 'once the cause is known, write root_cause and set status: known_error'] } },
    defaultType: 'problem',
    typeOptions: [],
    servicesField: 'services',
    owner: { field: 'assignee', personOnly: false, fromService: true },
  },
  article: {
    noun: 'an article',
    kind: 'Article',
    types: {
      known_error: article('known_error', ['write the symptoms, the cause and the workaround']),
      troubleshooting: article('troubleshooting', ['write the symptoms and how to resolve them']),
      runbook: article('runbook', ['write the procedure and how to roll it back']),
      how_to: article('how_to', ['write the steps']),
      faq: article('faq', ['add one level-2 heading per question']),
      reference: article('reference', ['write the reference, in level-2 sections']),
    },
    defaultType: 'how_to',
    typeOptions: ['how_to', 'known_error', 'troubleshooting', 'runbook', 'faq', 'reference'],
    servicesField: 'services',
    owner: { field: 'owner', personOnly: false, fromService: true },
  },
}

export function isNewKind(word: string): word is NewKind {
  return (newKinds as readonly string[]).includes(word)
}

