export { buildRepositoryReport, formatReportJson, parseReportFormats, renderReportFiles, reportFormats, type ReportFormat, type ReportOptions, type ReportOutcome } from './api/build-report.js'
export { judgeLivePullRequest, type LivePolicyOptions, type LivePolicyOutcome } from './api/live-policy.js'
export { readPolicySnapshot, type SnapshotOptions } from './api/policy-snapshot.js'
export { validateRepository, type ValidateOptions, type ValidationResult, type ValidationScope } from './api/validate-repository.js'
export { reportMarker, writeReportDirectory } from './io/report-dir.js'
export { configFile, readConfig } from './config/read.js'
export { defaultConfig } from './config/defaults.js'
export { validateConfig } from './config/validate.js'
export * from './diagnostics/index.js'
export { ConfigError, GitsmError, InfrastructureError, UsageError } from './errors.js'
export {
  createCheckRun,
  createGitHubClient,
  fetchPullRequestFacts,
  fetchTeamMembers,
  GitHubApiError,
  policyCommentMarker,
  policyContext,
  setCommitStatus,
  TeamUnreadableError,
  upsertStickyComment,
  type CheckAnnotation,
  type CommitStatusOptions,
  type GitHubClient,
  type LivePullRequest,
  type StickyCommentOptions,
} from './io/github/index.js'
export * from './format/index.js'
export { escape as escapeMarkdown, formatPolicyJson, formatPolicyMarkdown, formatPolicyPretty, type PolicyReport } from './format/policy.js'
export { evaluatePolicy } from './policy/index.js'
export { lintRecords, type LintInput, type LintOutput } from './lint/index.js'
export * from './model/index.js'
export { markdownToSafeHtml, mdastToSafeHtml, parseMarkdownRecord, parseRecordFile, parseYaml, type LoadResult, type MarkdownRecordOptions } from './parse/index.js'
export { ruleRegistry, type RegisteredRule } from './rules/index.js'
export { schemaDocuments, validateRecordSchema } from './schema/index.js'
export { isTimeZone, parseClockTime, parseDate, parseDuration, parseTimestamp } from './time/index.js'
export * from './report/index.js'
