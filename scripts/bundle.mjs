// Bundles the command line into lib/bundle/: one file for the CLI and one for the Markdown worker it starts.
// Loading one file instead of hundreds of small modules is most of gitsm's start-up time.
import { build } from 'esbuild'

await build({
  entryPoints: { cli: 'src/cli/main.ts', 'markdown-worker': 'src/io/markdown-worker.ts' },
  outdir: 'lib/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: false,
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies (ajv) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gitsmCreateRequire } from 'node:module'; const require = __gitsmCreateRequire(import.meta.url);" },
})
