import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ChangeVerdict, PolicyDecision, PolicyResult, RequirementResult } from '../model/policy.js'
import { diagnosticJson } from './json.js'
import { oneLine } from './pretty.js'

export interface PolicyReport {
  result: PolicyResult
  base: string
  head: string
}

/** The `--format json` document of `gitsm policy` (DESIGN.md): one object, `version: 1`. */
export function formatPolicyJson({ result, base, head }: PolicyReport): string {
  const doc = {
    version: 1,
    base,
    head,
    decision: result.decision,
    changes: result.changes.map((c) => ({
      id: c.id,
      file: c.file,
      decision: c.decision,
      transition: c.transition,
      requirements: c.requirements.map(requirement),
      violations: c.violations.map(diagnosticJson),
    })),
    governance: result.governance ? { decision: result.governance.decision, files: result.governance.files, requirements: result.governance.requirements.map(requirement) } : null,
    ignored: result.ignored,
    violations: result.violations.map(diagnosticJson),
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

function requirement(r: RequirementResult) {
  return { rule: r.rule, need: r.need, have: r.have, satisfied: r.satisfied }
}

const marks: Record<PolicyDecision, string> = { approved: '✔', pending: '…', rejected: '✖' }

/** Terminal output: one block per change, what is missing or broken, and the verdict last. */
export function formatPolicyPretty({ result, base, head }: PolicyReport): string {
  const out: string[] = [`gitsm policy: ${short(base)}..${short(head)}`, '']
  for (const change of result.changes) out.push(...changeBlock(change), '')
  if (result.governance) {
    out.push(`${marks[result.governance.decision]} ${result.governance.decision.padEnd(8)} governance: ${result.governance.files.join(', ')}`)
    for (const r of result.governance.requirements) out.push(`    ${requirementLine(r)}`)
    out.push('')
  }
  for (const v of result.violations) out.push(`  ${violationLine(v)}`)
  if (result.ignored.length > 0) {
    out.push('Approvals that do not count:')
    for (const i of result.ignored) out.push(`  @${i.login}: ${oneLine(i.reason)}`)
    out.push('')
  }
  out.push(verdict(result))
  return `${out.join('\n')}\n`
}

function changeBlock(change: ChangeVerdict): string[] {
  const { from, to } = change.transition
  const lines = [`${marks[change.decision]} ${change.decision.padEnd(8)} ${change.id}  ${change.file}  (${from ?? 'new'} → ${to ?? 'deleted'})`]
  for (const v of change.violations) lines.push(`    ${violationLine(v)}`)
  for (const r of change.requirements) lines.push(`    ${requirementLine(r)}`)
  return lines
}

function requirementLine(r: RequirementResult): string {
  const who = r.have.length > 0 ? ` (${r.have.map((l) => `@${l}`).join(', ')})` : ''
  const name = r.rule === 'owners' ? 'service owners' : r.rule === 'any' ? 'anyone eligible' : r.rule
  return `${r.satisfied ? '✔' : '✖'} ${name}: ${r.have.length}/${r.need} approvals${who}`
}

function violationLine(v: Diagnostic): string {
  const where = v.file ? `${v.file}${v.line !== undefined ? `:${v.line}:${v.column ?? 1}` : ''} ` : ''
  return `${where}${oneLine(v.message)}  ${v.ruleId}`
}

function verdict(result: PolicyResult): string {
  const missing = result.changes.flatMap((c) => c.requirements).concat(result.governance?.requirements ?? []).filter((r) => !r.satisfied)
  const count = missing.reduce((n, r) => n + (r.need - r.have.length), 0)
  switch (result.decision) {
    case 'approved':
      return `${marks.approved} Approved: the pull request satisfies the change policy.`
    case 'pending':
      return `${marks.pending} Pending: ${count === 1 ? '1 approval is' : `${count} approvals are`} still missing${result.violations.some((v) => v.ruleId === 'policy/changes-requested') ? ', and a requested change stands' : ''}.`
    case 'rejected':
      return `${marks.rejected} Rejected: the pull request breaks the change policy in a way approvals cannot fix.`
  }
}

/** Markdown for the pull request's sticky comment and the job summary. User text is escaped: it stays inert. */
export function formatPolicyMarkdown({ result, head }: PolicyReport, marker = '<!-- gitsm:policy -->'): string {
  const out = [marker, `### gitsm change policy: ${result.decision}`, '', `Evaluated on \`${short(head)}\`.`, '']
  if (result.changes.length > 0) {
    out.push('| change | transition | decision | approvals | what to do |', '| --- | --- | --- | --- | --- |')
    for (const c of result.changes) {
      const tally = c.requirements.map((r) => `${r.satisfied ? '✔' : '✖'} ${r.rule === 'owners' ? 'owners' : r.rule === 'any' ? 'any' : escape(r.rule)} ${r.have.length}/${r.need}`).join('<br>')
      const problems = c.violations.map((v) => `${escape(v.message)} (\`${v.ruleId}\`)`).join('<br>')
      out.push(`| ${escape(c.id)} | ${c.transition.from ?? 'new'} → ${c.transition.to ?? 'deleted'} | ${c.decision} | ${tally || '—'} | ${problems || '—'} |`)
    }
    out.push('')
  }
  if (result.governance) out.push(`Governance (${result.governance.files.map((f) => `\`${escape(f)}\``).join(', ')}): ${result.governance.decision}.`, '')
  for (const v of result.violations) out.push(`- ${escape(v.message)} (\`${v.ruleId}\`)`)
  if (result.ignored.length > 0) out.push('', '<details><summary>Approvals that do not count</summary>', '', ...result.ignored.map((i) => `- ${escape(`@${i.login}`)}: ${escape(i.reason)}`), '', '</details>')
  return `${out.join('\n')}\n`
}

/** Makes text inert in GitHub Markdown: no HTML, no mentions, no table breaks, no links. */
export function escape(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/@/g, '@\u200b')
}

function short(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha
}
