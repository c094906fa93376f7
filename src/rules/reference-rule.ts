import type { Kind } from '../model/kinds.js'
import { defineRule, type Rule, type RuleContext } from '../model/rule.js'
import { collect } from './util.js'

/** What a reference rule checks: where references are, how to tell that one resolves, and what to say if not. */
export interface ReferenceSpec {
  id: string
  description: string
  /** Per kind, the path patterns (see `collect`) of the fields that hold references. */
  sources: Partial<Record<Kind, readonly (readonly string[])[]>>
  /** References that do not match are malformed, which the schema reports; they are skipped here. */
  wellFormed?: RegExp
  exists(ctx: RuleContext, reference: string): boolean
  /** `field` is the dotted field name, e.g. `downtime.service`. */
  message(ctx: RuleContext, reference: string, field: string): string
}

/** Builds a rule that reports every reference in the given fields that does not resolve. */
export function defineReferenceRule(spec: ReferenceSpec): Rule {
  return defineRule({
    id: spec.id,
    description: spec.description,
    check(ctx) {
      for (const [kind, patterns] of Object.entries(spec.sources) as [Kind, readonly (readonly string[])[]][]) {
        for (const record of ctx.byKind(kind)) {
          for (const pattern of patterns) {
            for (const { value, path } of collect(record.data, pattern)) {
              if (spec.wellFormed && !spec.wellFormed.test(value)) continue
              if (spec.exists(ctx, value)) continue
              const field = pattern.filter((segment) => segment !== '[]' && segment !== '{}').join('.')
              ctx.report({ record, path, message: spec.message(ctx, value, field) })
            }
          }
        }
      }
    },
  })
}
