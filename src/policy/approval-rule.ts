import { show, text } from './data.js'
import type { ApprovalRule, Policy } from './policy-config.js'
import { effectiveRisk, type ServiceFact } from './services.js'
import type { ItsmRecord } from '../model/record.js'

export interface MatchedRule {
  rule: ApprovalRule | undefined
  type: string
  risk: string
  /** How the rule reads in a message: `rule 1 of \`policy.approvals\` (type normal)`. */
  describe: string
  /** How the change reads: `a normal change of effective risk high`. */
  what: string
}

/** The first rule of `policy.approvals` whose `match` fits the change's type and effective risk. */
export function matchRule(head: ItsmRecord, services: readonly ServiceFact[], policy: Policy): MatchedRule {
  const type = text(head.data.type) ?? 'untyped'
  const risk = effectiveRisk(head.data.risk, services, policy)
  const rule = (policy.approvals ?? []).find((r) => (r.type === undefined || r.type === type) && (r.risks === undefined || r.risks.includes(risk)))
  const declared = head.data.risk === undefined ? 'undeclared' : show(head.data.risk)
  const raised = declared === risk ? '' : ` (raised from ${declared} by \`policy.risk_floor\` for the tiers it touches)`
  const what = `a ${type} change of effective risk ${risk}${raised}`
  if (!rule) return { rule, type, risk, describe: '', what }
  const conditions = [rule.type && `type ${rule.type}`, rule.risks && `risk ${rule.risks.join(' or ')}`].filter(Boolean).join(', ')
  const name = rule.name ? `the rule \`${rule.name}\`` : `rule ${rule.index + 1} of \`policy.approvals\` (${conditions || 'every change'})`
  return { rule, type, risk, describe: name, what }
}
