import type { Severity } from '../diagnostics/diagnostic.js'
import type { Rule } from '../model/rule.js'

/** A rule and the severity it has unless `rules:` in gitsm.yaml says otherwise. */
export interface RegisteredRule {
  rule: Rule
  severity: Severity
}

/** Every rule, in id order. Explicit, not discovered, so the bundle stays static and the order visible. */
export const ruleRegistry: readonly RegisteredRule[] = []
