import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Real objects from GitHub's webhook payloads (@octokit/webhooks-examples), turned into what the REST API returns,
 * so the fake server starts from GitHub's own data rather than hand-written objects.
 */

type Json = Record<string, unknown>
interface WebhookDefinition {
  name: string
  examples: Json[]
}

const require = createRequire(import.meta.url)
let definitions: WebhookDefinition[] | undefined

function examples(event: string): Json[] {
  definitions ??= JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as WebhookDefinition[]
  const found = definitions.find((d) => d.name === event)
  if (!found) throw new Error(`no ${event} webhook examples`)
  return found.examples
}

const clone = <T>(value: T): T => structuredClone(value)

/** Every `pull_request_review` example's review object, as the webhook sends it. */
export function webhookReviews(): Json[] {
  return examples('pull_request_review').map((e) => clone(e.review as Json))
}

/** Every `pull_request` example's pull request object, as the webhook sends it. */
export function webhookPullRequests(): Json[] {
  return examples('pull_request').map((e) => clone(e.pull_request as Json))
}

/**
 * A webhook review as "list reviews for a pull request" returns it: the state upper case (`approved` → `APPROVED`),
 * and `body` a string (webhooks send `null` for an empty one, the REST schema requires a string).
 */
export function restReviewFromWebhook(review: Json): Json {
  return { ...clone(review), state: String(review.state).toUpperCase(), body: review.body ?? '' }
}

/**
 * A webhook pull request as "get a pull request" returns it: webhook examples recorded before auto-merge existed lack
 * `auto_merge`, which the REST schema requires (null when off).
 */
export function restPullRequestFromWebhook(pr: Json): Json {
  return { ...clone(pr), auto_merge: pr.auto_merge ?? null }
}

/** The `opened` pull request example, moved to another repository and number. */
export function pullRequestTemplate(owner: string, repo: string, number: number): Json {
  const opened = examples('pull_request').find((e) => e.action === 'opened')!
  const pr = opened.pull_request as Json
  const oldRepo = (pr.base as { repo: { full_name: string } }).repo.full_name
  const oldNumber = pr.number as number
  const text = JSON.stringify(pr)
    .split(oldRepo).join(`${owner}/${repo}`)
    .replace(new RegExp(`/(pulls|pull|issues)/${oldNumber}\\b`, 'g'), `/$1/${number}`)
  return restPullRequestFromWebhook({ ...(JSON.parse(text) as Json), number })
}

/** The first review example, as the REST API returns it: the template for seeded reviews. */
export function reviewTemplate(): Json {
  return restReviewFromWebhook(webhookReviews()[0]!)
}

/** A user object in GitHub's shape, from a webhook's `sender`, renamed. */
export function userObject(login: string, type: 'User' | 'Bot' = 'User', id = idFor(login)): Json {
  const sender = clone(examples('pull_request')[0]!.sender as Json)
  const oldLogin = sender.login as string
  const text = JSON.stringify(sender).split(`/${oldLogin}`).join(`/${encodeURIComponent(login)}`)
  return { ...(JSON.parse(text) as Json), login, id, node_id: Buffer.from(`04:User${id}`).toString('base64'), type }
}

/** A stable numeric id for a name. */
export function idFor(name: string): number {
  let hash = 7
  for (const char of name.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) % 2_000_000_000
  return hash + 1000
}
