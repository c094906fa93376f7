import { isMainThread, workerData } from 'node:worker_threads'
import { markdownWorkerRole } from '../io/markdown-pool.js'

// The Action is one bundled file, so the Markdown parser's worker threads start this same file (markdown-pool.ts):
// a worker runs the parser, never the Action.
const role = (workerData as { role?: unknown } | null | undefined)?.role
if (!isMainThread && role === markdownWorkerRole) {
  await import('../io/markdown-worker.js')
} else {
  const { run } = await import('./main.js')
  await run()
}
