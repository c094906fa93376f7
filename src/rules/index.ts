import type { Severity } from '../diagnostics/diagnostic.js'
import type { Rule } from '../model/rule.js'
import { changeModelNotStandard } from './change-model-not-standard.js'
import { changeRequiredFields } from './change-required-fields.js'
import { changeStandardModel } from './change-standard-model.js'
import { fileWrongFolder } from './file-wrong-folder.js'
import { idDuplicate } from './id-duplicate.js'
import { idFileName } from './id-file-name.js'
import { incidentRequiredForStatus } from './incident-required-for-status.js'
import { incidentTimeline } from './incident-timeline.js'
import { kbDuplicateTitle } from './kb-duplicate-title.js'
import { kbRequiredSections } from './kb-required-sections.js'
import { kbRetiredServices } from './kb-retired-services.js'
import { kbReviewDue } from './kb-review-due.js'
import { kbReviewOverdue } from './kb-review-overdue.js'
import { kbTitleHeading } from './kb-title-heading.js'
import { markdownBrokenLink } from './markdown-broken-link.js'
import { markdownEmptySection } from './markdown-empty-section.js'
import { markdownHeadingIncrement } from './markdown-heading-increment.js'
import { markdownImageAlt } from './markdown-image-alt.js'
import { markdownNoActiveHtml } from './markdown-no-active-html.js'
import { markdownUnknownRecord } from './markdown-unknown-record.js'
import { postmortemActionItems } from './postmortem-action-items.js'
import { postmortemOverdue } from './postmortem-overdue.js'
import { postmortemRequiredSections } from './postmortem-required-sections.js'
import { refUnknownArticle } from './ref-unknown-article.js'
import { refUnknownCalendar } from './ref-unknown-calendar.js'
import { refUnknownChange } from './ref-unknown-change.js'
import { refUnknownIncident } from './ref-unknown-incident.js'
import { refUnknownModel } from './ref-unknown-model.js'
import { refUnknownProblem } from './ref-unknown-problem.js'
import { refUnknownService } from './ref-unknown-service.js'
import { serviceDependencyCycle } from './service-dependency-cycle.js'
import { slaReviewOverdue } from './sla-review-overdue.js'
import { timeOrder } from './time-order.js'

/** A rule and the severity it has unless `rules:` in gitsm.yaml says otherwise. */
export interface RegisteredRule {
  rule: Rule
  severity: Severity
}

/** Every rule, in id order. Explicit, not discovered, so the bundle stays static and the order visible. */
export const ruleRegistry: readonly RegisteredRule[] = [
  { rule: changeModelNotStandard, severity: 'warning' },
  { rule: changeRequiredFields, severity: 'error' },
  { rule: changeStandardModel, severity: 'error' },
  { rule: fileWrongFolder, severity: 'error' },
  { rule: idDuplicate, severity: 'error' },
  { rule: idFileName, severity: 'error' },
  { rule: incidentRequiredForStatus, severity: 'error' },
  { rule: incidentTimeline, severity: 'error' },
  { rule: kbDuplicateTitle, severity: 'error' },
  { rule: kbRequiredSections, severity: 'error' },
  { rule: kbRetiredServices, severity: 'warning' },
  { rule: kbReviewDue, severity: 'info' },
  { rule: kbReviewOverdue, severity: 'warning' },
  { rule: kbTitleHeading, severity: 'error' },
  { rule: markdownBrokenLink, severity: 'error' },
  { rule: markdownEmptySection, severity: 'warning' },
  { rule: markdownHeadingIncrement, severity: 'error' },
  { rule: markdownImageAlt, severity: 'error' },
  { rule: markdownNoActiveHtml, severity: 'error' },
  { rule: markdownUnknownRecord, severity: 'error' },
  { rule: postmortemActionItems, severity: 'error' },
  { rule: postmortemOverdue, severity: 'error' },
  { rule: postmortemRequiredSections, severity: 'warning' },
  { rule: refUnknownArticle, severity: 'error' },
  { rule: refUnknownCalendar, severity: 'error' },
  { rule: refUnknownChange, severity: 'error' },
  { rule: refUnknownIncident, severity: 'error' },
  { rule: refUnknownModel, severity: 'error' },
  { rule: refUnknownProblem, severity: 'error' },
  { rule: refUnknownService, severity: 'error' },
  { rule: serviceDependencyCycle, severity: 'error' },
  { rule: slaReviewOverdue, severity: 'warning' },
  { rule: timeOrder, severity: 'error' },
]
