import { normalizeId } from '../../lint/record-index.js'
import { parseTimestamp } from '../../time/timestamp.js'
import { defineClause, type ChangeContext } from '../clause.js'
import { map, show, text } from '../data.js'
import { freezeOverlap, type Interval } from '../freeze-windows.js'
import type { Freeze } from '../policy-config.js'
import type { ServiceFact } from '../services.js'
import { localDate } from '../zoned-time.js'

export const freeze = defineClause({
  id: 'policy/freeze',
  description: 'A change this pull request approves or edits is not scheduled inside a freeze that covers it',
  check(ctx) {
    const { head, id } = ctx.change
    if (!ctx.need || !head || ctx.policy.freezes.length === 0) return
    const type = text(head.data.type)
    const applicable = ctx.policy.freezes.filter((f) => !(type !== undefined && f.allow.includes(type)) && inScope(f, ctx.services))
    if (applicable.length === 0) return
    const window = map(head.data.window)
    const start = parseTimestamp(window?.start)
    const end = parseTimestamp(window?.end)
    if (start === undefined || end === undefined) {
      const names = applicable.map((f) => `\`${f.name}\``).join(', ')
      ctx.report({ ruleId: 'policy/freeze', path: ['window'], message: `${id} has no readable window (\`window.start\` and \`window.end\`, RFC 3339 with an offset), so the freezes ${names} cannot be checked. Give it a window.` })
      return
    }
    for (const f of applicable) {
      const hit = freezeOverlap(f, Math.min(start, end), Math.max(start, end))
      if (hit) report(ctx, f, hit, `${show(window?.start)} to ${show(window?.end)}`)
    }
  },
})

/**
 * A freeze without scope covers every change; with `tiers` or `services` (either one matching is enough), the
 * changes touching a service it names or of a tier it names. A change naming no service is covered: fail closed.
 */
export function inScope(f: Freeze, services: readonly ServiceFact[]): boolean {
  return f.tiers === undefined && f.services === undefined ? true : services.length === 0 || covered(f, services).length > 0
}

function covered(f: Freeze, services: readonly ServiceFact[]): ServiceFact[] {
  const ids = new Set((f.services ?? []).map(normalizeId))
  // A service of unknown tier might be of any tier.
  return services.filter((s) => (f.tiers !== undefined && (s.tier === undefined || f.tiers.includes(s.tier))) || ids.has(normalizeId(s.id)))
}

function report(ctx: ChangeContext, f: Freeze, hit: Interval, window: string): void {
  const held = f.kind === 'absolute' ? `(${f.startText} to ${f.endText})` : `(on ${weekly(f, hit)})`
  const scoped = f.tiers || f.services ? ` It covers ${covered(f, ctx.services).map((s) => s.id).join(', ') || 'changes that name no service'}.` : ''
  const allowed = f.allow.length > 0 ? ` Only ${f.allow.join(' and ')} changes may be scheduled inside it.` : ''
  ctx.report({
    ruleId: 'policy/freeze',
    path: ['window', 'start'],
    message: `${ctx.change.id} is scheduled ${window}, inside the freeze \`${f.name}\` ${held}. Move the window out of the freeze; approvals cannot lift it.${scoped}${allowed}`,
  })
}

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

function weekly(f: Extract<Freeze, { kind: 'weekly' }>, hit: Interval): string {
  const d = localDate(hit.start, f.timezone)
  const date = `${d.year}-${pad(d.month)}-${pad(d.day)}`
  const end = f.end === 23 * 60 + 59 ? 24 * 60 : f.end
  const overnight = end <= f.start ? ' the next day' : ''
  return `${dayNames[d.weekday]} ${date} from ${clock(f.start)} to ${clock(end)}${overnight}, ${f.timezone}`
}

function clock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
