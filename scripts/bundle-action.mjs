// Bundles the GitHub Action into one committed file, dist/index.js (action.yml runs it). The Markdown parser's
// worker threads start that same file: the entry (src/action/index.ts) runs the worker when its workerData says so.
// The output depends on the sources and node_modules only, so CI rebuilds it and checks that nothing changed.
//
//   node scripts/bundle-action.mjs [OUTFILE]     (default dist/index.js)
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, URL } from 'node:url'
import { build } from 'esbuild'
import { nodeBundle } from './esbuild-node.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const outfile = resolve(process.argv[2] ?? resolve(root, 'dist/index.js'))
const packageJson = resolve(root, 'package.json')

/** Of package.json the Action needs the version only: editing a script or a dev dependency must not change dist/. */
const versionOnly = {
  name: 'package-version-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
      if (args.path !== packageJson) return undefined
      const { version } = JSON.parse(await readFile(args.path, 'utf8'))
      return { contents: JSON.stringify({ version }), loader: 'json' }
    })
  },
}

await build({
  ...nodeBundle,
  absWorkingDir: root,
  entryPoints: ['src/action/index.ts'],
  outfile,
  // One file: the dependencies' licence comments go to its end.
  legalComments: 'eof',
  charset: 'utf8',
  plugins: [versionOnly],
  define: { GITSM_MARKDOWN_WORKER_IN_BUNDLE: 'true' },
})
