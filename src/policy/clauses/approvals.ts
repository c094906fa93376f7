import { describeNeed } from '../approval-need.js'
import { matchRule } from '../approval-rule.js'
import { defineClause } from '../clause.js'
import { describeMissing } from '../missing-approvals.js'
import { buildPools } from '../pools.js'
import { canFill, fillRequirements } from '../requirements.js'
import { changeExclusion, unknownImplementers } from '../separation.js'

export const approvals = defineClause({
  id: 'policy/approvals',
  description: 'A change this pull request approves or materially edits has the approvals of the first matching rule',
  check(ctx) {
    const { change, policy, need } = ctx
    const head = change.head
    if (!need || !head) return
    const why = `this pull request ${describeNeed(need, change)}`
    if (!policy.configured) {
      ctx.report({ ruleId: 'policy/no-rule', path: need.path, part: need.part, message: `${change.id} needs approval (${why}), but gitsm.yaml has no \`policy\` section, so no approval can be judged. Add \`policy.approvals\` to gitsm.yaml to say whose approvals changes need.` })
      return
    }
    const matched = matchRule(head, ctx.services, policy)
    if (!matched.rule || matched.rule.require.length === 0) {
      ctx.report({ ruleId: 'policy/no-rule', path: need.path, part: need.part, message: `${change.id} needs approval (${why}), but no rule of \`policy.approvals\` matches ${matched.what}, so no approval can be enough. This is a gap in gitsm.yaml: add a rule for such changes to \`policy.approvals\`.` })
      return
    }
    const rule = matched.rule
    const { pools, unknown } = buildPools(rule.require, ctx.services, ctx.teams)
    for (const { team, service } of unknown) {
      const where = service ? { path: service.path } : { file: 'gitsm.yaml', path: ['policy', 'approvals', rule.index, 'require', rule.require.findIndex((r) => r.label === team)] }
      const whose = service ? `${service.id}'s owner ${team}` : `the team ${team}`
      ctx.report({ ruleId: 'policy/unknown-team', ...where, message: `The members of ${whose} are unknown, so no approval from it can count for ${change.id}. Let the token read the team, or list its members under \`teams:\` in gitsm.yaml.` })
    }
    const versions = [change.base, head]
    for (const team of unknownImplementers(versions, policy.separationOfDuties, ctx.teams)) {
      ctx.report({ ruleId: 'policy/unknown-team', path: ['implementer'], message: `${change.id} is implemented by ${team}, whose members are unknown, so separation of duties cannot be checked. Let the token read the team, or list its members under \`teams:\` in gitsm.yaml.` })
    }
    const excluded = new Map<string, string>()
    for (const approver of ctx.reviews.approvals) {
      const reason = approver.excluded ?? changeExclusion(change.id, approver, versions, policy.separationOfDuties, ctx.teams)
      if (reason === undefined) continue
      excluded.set(approver.key, reason)
      if (!approver.excluded) ctx.ignore(approver.login, reason)
    }
    const eligible = ctx.reviews.approvals.filter((a) => !excluded.has(a.key))
    const filled = fillRequirements(pools, eligible)
    ctx.requirements(filled.results)
    for (const approver of eligible) {
      if (!pools.some((pool) => canFill(pool, approver.key))) ctx.ignore(approver.login, `they are not among those ${change.id} needs approval from (${pools.map((p) => p.from).join('; ')})`)
    }
    if (filled.results.every((r) => r.satisfied)) return
    const { missing, notes } = describeMissing(pools, filled, ctx.reviews.approvals, excluded)
    const message = [`${change.id} needs ${missing}: ${why}, and ${matched.describe} applies to ${matched.what}.`, ...notes].join(' ')
    ctx.report({ ruleId: 'policy/approvals', path: need.path, part: need.part, message })
  },
})
