import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import type { ActionEvent } from './event.js'

/** Everything a step needs, read once from the inputs and the environment by main.ts. */
export interface StepContext {
  /** The repository root holding gitsm.yaml (absolute). */
  root: string
  /** The root relative to the workspace, with a trailing slash ('' for the workspace): annotations need it. */
  prefix: string
  /** The `format` input, lower case; '' for none. */
  format: string
  /** Absolute. */
  reportDir: string
  /** Whether the runner gave a job summary file (GITHUB_STEP_SUMMARY). */
  hasSummary: boolean
  event: ActionEvent
  now: Date
}

/** Appends Markdown to the job summary; outside a runner, there is none to append to. */
export async function writeJobSummary(context: StepContext, markdown: string): Promise<void> {
  if (!context.hasSummary) return
  await core.summary.addRaw(markdown, true).write()
}

/** Writes the `format` copy of the result into `report-dir` and sets the `report-dir` output. */
export async function writeReportFile(context: StepContext, name: string, text: string): Promise<void> {
  await mkdir(context.reportDir, { recursive: true })
  await writeFile(join(context.reportDir, name), text)
  core.setOutput('report-dir', context.reportDir)
}
