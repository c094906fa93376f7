/** Hard limits of the loader (THREATS.md, "The loader contract"). Each one is a clear error, never a crash. */
export const loaderLimits = {
  /** Largest YAML record, in bytes. */
  recordBytes: 256 * 1024,
  /** Largest Markdown file, in bytes. */
  markdownBytes: 1024 * 1024,
  /** Deepest nesting of mappings and sequences a record may have. */
  maxDepth: 64,
  /**
   * The lexical estimate made before parsing over-counts (block scalars, compact notation), so it gets headroom;
   * it only has to stop documents deep enough to exhaust the parser's stack, far beyond this.
   */
  preParseDepth: 256,
  /** Time budget for parsing one Markdown file, in milliseconds. */
  markdownParseMs: 2000,
} as const
