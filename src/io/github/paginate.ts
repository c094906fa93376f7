import type { GitHubClient } from './client.js'
import { unexpectedAnswer } from './github-error.js'

const perPage = 100
/** GitHub's largest lists (3000 files) need 30 pages; anything far past that is a runaway. */
const maxPages = 1000

/**
 * Reads every page of a list endpoint, page by page, and fails closed on any sign of a truncated list: a page that
 * announces a next page but holds fewer than `per_page` items, a next page that is not the following one, a last
 * page other than the one announced, or a list longer than `limit`.
 */
export async function fetchAllPages(client: GitHubClient, route: string, params: Record<string, string | number>, limit?: number): Promise<unknown[]> {
  const endpoint = route
  const items: unknown[] = []
  let announcedLast: number | undefined
  for (let page = 1; page <= maxPages; page++) {
    const response = await client.request(route, { ...params, per_page: perPage, page })
    const data: unknown = response.data
    if (!Array.isArray(data)) throw unexpectedAnswer(endpoint, `page ${page} is not a JSON array`)
    items.push(...data)
    if (limit !== undefined && items.length > limit) throw unexpectedAnswer(endpoint, `the list has more than ${limit} items, more than GitHub can list`)
    const links = parseLinks(response.headers.link)
    if (Number.isNaN(links.next) || Number.isNaN(links.last)) throw unexpectedAnswer(endpoint, `page ${page} has a Link header whose page numbers cannot be read`)
    if (links.last !== undefined) {
      if (announcedLast !== undefined && links.last !== announcedLast) throw unexpectedAnswer(endpoint, `page ${page} announces ${links.last} pages where an earlier page announced ${announcedLast}: the list changed while it was read`)
      announcedLast = links.last
    }
    if (links.next === undefined) {
      if (announcedLast !== undefined && page !== announcedLast) throw unexpectedAnswer(endpoint, `the list ended at page ${page} but announced ${announcedLast} pages`)
      return items
    }
    if (data.length < perPage) throw unexpectedAnswer(endpoint, `page ${page} announces a next page but holds ${data.length} of ${perPage} items`)
    if (links.next !== page + 1) throw unexpectedAnswer(endpoint, `page ${page} links to page ${links.next} as the next one`)
  }
  throw unexpectedAnswer(endpoint, `the list did not end within ${maxPages} pages`)
}

/** The page numbers of the `next` and `last` relations of a Link header: undefined where absent, NaN where unreadable. */
export function parseLinks(header: string | undefined): { next?: number; last?: number } {
  const result: { next?: number; last?: number } = {}
  if (!header) return result
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="([^"]+)"/.exec(part)
    if (!match) continue
    const rels = match[2]!.split(/\s+/)
    let page = Number.NaN
    try {
      const value = new URL(match[1]!).searchParams.get('page') ?? '1'
      if (/^[1-9][0-9]{0,8}$/.test(value)) page = Number(value)
    } catch {
      // an unparseable URL leaves the page unreadable
    }
    if (rels.includes('next')) result.next = page
    if (rels.includes('last')) result.last = page
  }
  return result
}
