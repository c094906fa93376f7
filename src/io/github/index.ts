export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js'
export { fetchPullRequestFacts, maxPullRequestCommits, maxPullRequestFiles, type LivePullRequest, type PullRequestRef } from './facts.js'
export { GitHubApiError, isGitHubStatus, type GitHubApiErrorDetails } from './github-error.js'
export { canWrite, fetchPermission, type RepositoryPermission } from './permission.js'
export {
  createCheckRun,
  policyCommentMarker,
  policyContext,
  setCommitStatus,
  upsertStickyComment,
  type CheckAnnotation,
  type CheckRunOptions,
  type CommitStatusOptions,
  type StickyCommentOptions,
  type StickyCommentResult,
} from './report.js'
export { fetchTeamMembers, TeamUnreadableError, type TeamMembersOptions } from './teams.js'
