// GitHub logins are case-insensitive; handles in records carry a leading `@`. Everything the policy compares goes
// through these functions, so `@Alice`, `alice` and `ALICE` are one person.

/** A login as compared: no leading `@`, lower case. */
export function loginKey(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase()
}

/** A team handle as compared: `@org/slug`, lower case. */
export function teamKey(handle: string): string {
  return `@${handle.replace(/^@/, '').toLowerCase()}`
}

/** `@org/slug` names a team; `@login` a person. */
export function isTeamHandle(handle: string): boolean {
  return handle.includes('/')
}

/** A bot or GitHub App account, by its login (`dependabot[bot]`). */
export function isBotLogin(login: string): boolean {
  return /\[bot\]$/i.test(login)
}

/** `@a`, `@a and @b`, `@a, @b and @c`. */
export function mentions(logins: readonly string[]): string {
  return joinAnd(logins.map((login) => (login.startsWith('@') ? login : `@${login}`)))
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
