// Bundles the command line into lib/bundle/: one file for the CLI and one for the Markdown worker it starts.
// Loading one file instead of hundreds of small modules is most of gitsm's start-up time.
import { build } from 'esbuild'
import { nodeBundle } from './esbuild-node.mjs'

await build({
  entryPoints: { cli: 'src/cli/main.ts', 'markdown-worker': 'src/io/markdown-worker.ts' },
  ...nodeBundle,
  outdir: 'lib/bundle',
  legalComments: 'linked',
})
