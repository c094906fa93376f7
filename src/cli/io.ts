/** What the command line needs from its process, passed in so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean }
  cwd: string
  env: Record<string, string | undefined>
}

/** Colours only on a terminal, unless NO_COLOR or FORCE_COLOR says otherwise (https://no-color.org). */
export function useColor(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true
  return io[stream].isTTY === true
}
