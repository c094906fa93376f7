import * as core from '@actions/core'
import pkg from '../../package.json' with { type: 'json' }
import { ConfigError, formatSarif, formatValidationJson, InfrastructureError, oneLine, ruleRegistry, validateRepository, type ValidationResult } from '../index.js'
import { annotateDiagnostics } from './annotate.js'
import { writeJobSummary, writeReportFile, type StepContext } from './context.js'
import { pullRequestBase } from './event.js'
import { formatConfigErrorSummary, formatValidateSummary } from './validate-summary.js'

export const validateFormats = ['', 'github', 'json', 'sarif'] as const

/**
 * `command: validate`: checks the records (on a pull request, those it changes, against its base commit when the
 * checkout holds it), annotates every finding, writes the job summary and the `errors` and `warnings` outputs, and
 * fails the step when there are errors. Throws ConfigError for a broken gitsm.yaml after annotating its problems.
 */
export async function runValidateStep(context: StepContext): Promise<void> {
  const { result, note } = await validate(context)
  annotateDiagnostics(result.diagnostics, context.prefix)
  await writeJobSummary(context, formatValidateSummary({ result, prefix: context.prefix, note }))
  core.setOutput('errors', result.errors)
  core.setOutput('warnings', result.warnings)
  if (context.format === 'json') await writeReportFile(context, 'gitsm.json', formatValidationJson({ root: result.root, files: result.files, records: result.records, diagnostics: result.diagnostics }))
  if (context.format === 'sarif') {
    const rules = new Map(ruleRegistry.map(({ rule }) => [rule.id, rule.description]))
    await writeReportFile(context, 'gitsm.sarif', formatSarif({ diagnostics: result.diagnostics, rules, version: pkg.version, rootPrefix: context.prefix }))
  }
  if (result.errors > 0) {
    const warnings = result.warnings > 0 ? ` and ${result.warnings} warning${result.warnings === 1 ? '' : 's'}` : ''
    core.setFailed(`gitsm found ${result.errors} error${result.errors === 1 ? '' : 's'}${warnings} in the ITSM records: see the annotations and the job summary.`)
  }
}

async function validate(context: StepContext): Promise<{ result: ValidationResult; note?: string }> {
  const { root, now } = context
  const base = pullRequestBase(context.event)
  try {
    if (base === undefined) return { result: await validateRepository({ root, now }) }
    try {
      const result = await validateRepository({ root, changedSince: base, now })
      return { result, note: result.scope.full ? `Checked the whole repository: ${result.scope.reason}.` : `Checked the files the pull request changes (since its base ${base.slice(0, 7)}).` }
    } catch (error) {
      if (!(error instanceof InfrastructureError)) throw error
      // The base is not in a shallow checkout: checking everything finds at least as much.
      const why = `the pull request's base ${base.slice(0, 7)} could not be read from the checkout (${oneLine(error.message)}); with actions/checkout's fetch-depth: 0 only the changed files are checked`
      // One line that starts with our own words: nothing in it can be read as a workflow command.
      core.info(`gitsm: checking the whole repository: ${oneLine(why)}`)
      return { result: await validateRepository({ root, now }), note: `Checked the whole repository: ${why}.` }
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      annotateDiagnostics(error.diagnostics, context.prefix)
      await writeJobSummary(context, formatConfigErrorSummary(error.message, error.diagnostics, context.prefix))
      core.setOutput('errors', error.diagnostics.filter((d) => d.severity === 'error').length)
      core.setOutput('warnings', error.diagnostics.filter((d) => d.severity === 'warning').length)
    }
    throw error
  }
}
