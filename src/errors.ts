import type { Diagnostic } from './diagnostics/diagnostic.js'

/** A tool failure (not a finding about records), with the exit code the front doors use. */
export class GitsmError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.exitCode = exitCode
  }
}

/** The command line or the call was wrong: exit 2. */
export class UsageError extends GitsmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options)
  }
}

/** gitsm.yaml is missing or invalid: exit 2. Carries the positioned problems when there are any. */
export class ConfigError extends GitsmError {
  readonly diagnostics: readonly Diagnostic[]
  readonly source: string | undefined
  constructor(message: string, options?: { cause?: unknown; diagnostics?: readonly Diagnostic[]; source?: string }) {
    super(message, 2, options)
    this.diagnostics = options?.diagnostics ?? []
    this.source = options?.source
  }
}

/** Something gitsm depends on failed (a git object missing, GitHub unreachable): exit 3, never a pass. */
export class InfrastructureError extends GitsmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 3, options)
  }
}
