import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { InfrastructureError } from '../errors.js'
import type { ParsedRecord } from '../model/record.js'
import { loaderLimits } from '../parse/limits.js'
import { parseMarkdownRecord, recordFromParts } from '../parse/markdown.js'
import { mdastToSafeHtml } from '../parse/markdown-html.js'
import type { MarkdownParts } from '../parse/markdown-outline.js'
import type { LoadResult } from '../parse/yaml-document.js'
import { isSafeForMainThread } from './markdown-risk.js'
import { fileDiagnostic } from './tree-paths.js'
import type { ParseReply, ParseRequest } from './markdown-worker.js'

export interface MarkdownParserOptions {
  /** Longest time one file may take to parse, in milliseconds (default: loaderLimits.markdownParseMs). */
  budgetMs?: number
  /** Worker threads (default: min(2, available parallelism)). */
  workers?: number
  /**
   * Parse small, plain files in the main thread (default true): see markdown-risk.ts. Starting a worker costs more
   * than parsing a pull request's worth of ordinary articles. Turn it off for large batches, where the workers
   * parse on the other cores while the main thread does the rest.
   */
  mainThread?: boolean
}

export interface MarkdownParser {
  /**
   * Parses a Markdown record like parseMarkdownRecord, in a worker thread. Resolves with `markdown/too-slow` when the
   * parse runs over the budget (the worker is stopped and replaced), and with `markdown/syntax` when the parser or its
   * worker fails on this file; other files are not affected. Rejects only when the parser is closed or no worker can
   * start at all. With `html`, the record also carries the body as sanitized HTML (`safeHtml`), rendered from the
   * same tree where it was parsed, within the same budget.
   */
  parse(file: { path: string; text: string; html?: boolean }): Promise<LoadResult<ParsedRecord>>
  /** Stops the workers. Parses still pending are rejected. */
  close(): Promise<void>
}

interface Job {
  id: number
  path: string
  text: string
  html: boolean
  resolve: (result: LoadResult<ParsedRecord>) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  port: MessagePort
  ready: boolean
  /** Sent and not answered yet, in the order the worker parses them. */
  inFlight: Job[]
  timer?: NodeJS.Timeout
}

/** A worker that fails this many times in a row before it is ready means the workers cannot start. */
const maxStartFailures = 3

/** Files sent ahead to one worker: enough that it never waits for a busy main thread, few enough to re-queue. */
const maxInFlight = 512

/**
 * Creates a pool of worker threads that parse Markdown under a time budget. remark-parse is synchronous and
 * super-linear on some inputs (THREATS.md), so it cannot be interrupted in the main thread. Each worker gets many
 * files ahead and parses them in order; the budget runs from its last answer, so the file it is stuck on is the one
 * over budget: that file is reported, the worker replaced, and the files queued behind it are sent again. Small
 * files that a linear pre-check (markdown-risk.ts) finds plain may be parsed in the main thread instead. Idle
 * workers do not keep the process alive. Call close() when done.
 */
export function createMarkdownParser(options: MarkdownParserOptions = {}): MarkdownParser {
  const budgetMs = options.budgetMs ?? loaderLimits.markdownParseMs
  const size = Math.max(1, options.workers ?? Math.min(2, availableParallelism()))
  const slots: Slot[] = []
  const queue: Job[] = []
  let nextId = 1
  let startFailures = 0
  let closed = false
  let mainThread = options.mainThread ?? true
  // Main-thread parses slower than this mean the pre-check let something costly through: after the second one,
  // stop trusting it. One alone may be a pause of a busy machine.
  const tripMs = Math.min(100, budgetMs / 4)
  let slowParses = 0

  const spawn = (): void => {
    const { port1, port2 } = new MessageChannel()
    const worker = startWorker(port2)
    const slot: Slot = { worker, port: port1, ready: false, inFlight: [] }
    slots.push(slot)
    port1.on('message', (reply: ParseReply) => onReply(slot, reply))
    worker.on('error', (error) => retire(slot, `The Markdown parser stopped: ${error.message}`))
    worker.on('exit', (code) => retire(slot, `The Markdown parser stopped (exit code ${code}).`))
    worker.unref()
    port1.unref()
  }

  const onReply = (slot: Slot, reply: ParseReply): void => {
    if ('ready' in reply) {
      slot.ready = true
      startFailures = 0
      pump()
      // Still idle (another worker took the work): it must not keep the process alive.
      if (slot.inFlight.length === 0) restartTimer(slot)
      return
    }
    const job = slot.inFlight[0]
    if (!job || job.id !== reply.id) return
    slot.inFlight.shift()
    try {
      job.resolve(reply.ok ? recordFromParts(JSON.parse(reply.json) as MarkdownParts, job.path) : failure(reply.ruleId, job.path, reply.message))
    } catch (error) {
      job.resolve(failure('markdown/syntax', job.path, `The Markdown parser failed: ${error instanceof Error ? error.message : String(error)}`))
    }
    restartTimer(slot)
    pump()
  }

  /** The budget runs from the worker's last answer, for the file it is parsing now: the first one in flight. */
  const restartTimer = (slot: Slot): void => {
    clearTimeout(slot.timer)
    slot.timer = undefined
    if (slot.inFlight.length > 0) {
      slot.timer = setTimeout(() => onTimeout(slot), budgetMs)
      slot.worker.ref()
      slot.port.ref()
    } else {
      // An idle worker must not keep the process alive.
      slot.worker.unref()
      slot.port.unref()
    }
  }

  /** Removes a worker that crashed, exited or ran over the budget; its current file gets a diagnostic. */
  const retire = (slot: Slot, message: string, ruleId = 'markdown/syntax'): void => {
    const at = slots.indexOf(slot)
    if (at < 0) return
    slots.splice(at, 1)
    clearTimeout(slot.timer)
    const [current, ...behind] = slot.inFlight.splice(0)
    slot.port.close()
    void slot.worker.terminate()
    // The files queued behind the culprit were never parsed: send them again, first.
    queue.unshift(...behind)
    if (current) current.resolve(failure(ruleId, current.path, message))
    else if (!slot.ready && !closed && ++startFailures >= maxStartFailures) {
      const error = new InfrastructureError(`The Markdown parser's worker threads cannot start: ${message}`)
      for (const waiting of queue.splice(0)) waiting.reject(error)
      startFailures = 0
      return
    }
    pump()
  }

  const onTimeout = (slot: Slot): void => {
    // The main thread may have been busy while answers were already on their way.
    let drained = false
    for (let pending = receiveMessageOnPort(slot.port); pending; pending = receiveMessageOnPort(slot.port)) {
      onReply(slot, pending.message as ParseReply)
      drained = true
    }
    if (drained || slot.inFlight.length === 0) return
    retire(
      slot,
      `This file took longer than ${budgetMs} ms to parse, which usually means pathological emphasis or nesting (long runs of * and _, deeply nested brackets, quotes or lists). Simplify it.`,
      'markdown/too-slow',
    )
  }

  const pump = (): void => {
    if (closed) return
    while (queue.length > 0) {
      let target: Slot | undefined
      for (const slot of slots) {
        if (slot.ready && slot.inFlight.length < maxInFlight && (!target || slot.inFlight.length < target.inFlight.length)) target = slot
      }
      if (!target) break
      const job = queue.shift()!
      target.inFlight.push(job)
      target.port.postMessage({ id: job.id, text: job.text, html: job.html } satisfies ParseRequest)
      if (target.inFlight.length === 1) restartTimer(target)
    }
    // Start workers only for work that waits; the ones starting count as capacity.
    const starting = slots.filter((slot) => !slot.ready).length
    const wanted = Math.min(queue.length - starting, size - slots.length)
    for (let i = 0; i < wanted; i++) spawn()
    // A starting worker must keep the process alive while files wait for it.
    for (const slot of slots) if (!slot.ready && queue.length > 0) slot.worker.ref()
  }

  return {
    parse(file) {
      if (closed) return Promise.reject(new Error('The Markdown parser is closed.'))
      if (file.text.length > loaderLimits.markdownBytes) {
        return Promise.resolve(
          failure('file/too-large', file.path, `This Markdown file is ${file.text.length} characters; the limit is ${loaderLimits.markdownBytes}. Split it into several articles.`),
        )
      }
      if (mainThread && isSafeForMainThread(file.text)) {
        const started = performance.now()
        const result = parseMarkdownRecord(file.text, file.path, file.html === true ? { renderHtml: mdastToSafeHtml } : {})
        if (performance.now() - started > tripMs && ++slowParses >= 2) mainThread = false
        return Promise.resolve(result)
      }
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, path: file.path, text: file.text, html: file.html === true, resolve, reject })
        pump()
      })
    },
    async close() {
      closed = true
      const error = new Error('The Markdown parser was closed before this file was parsed.')
      for (const job of queue.splice(0)) job.reject(error)
      const stopping = slots.splice(0).map((slot) => {
        clearTimeout(slot.timer)
        for (const job of slot.inFlight.splice(0)) job.reject(error)
        slot.port.close()
        return slot.worker.terminate()
      })
      await Promise.all(stopping)
    },
  }
}

function failure(ruleId: string, file: string, message: string): LoadResult<never> {
  const diagnostic: Diagnostic = fileDiagnostic(ruleId, file, message)
  return { ok: false, diagnostics: [diagnostic] }
}

// The worker sits next to this module: compiled JavaScript in lib/, or TypeScript when running the sources (tests,
// benchmarks). Node 20 does not apply module hooks registered in a worker (`execArgv: ['--import', 'tsx']` leaves
// the .ts entry unloadable), so there the worker registers tsx's CommonJS hook and requires the source, whose
// ESM-only dependencies load through require(esm).
const runningSources = import.meta.url.endsWith('.ts')

/**
 * Defined (by esbuild's `define`) when a bundle holds the worker in the same file as this module, as the Action's
 * single dist/index.js does: the worker is then that file, and its entry sees `markdownWorkerRole` in its workerData
 * and runs markdown-worker.ts instead of its own main code.
 */
declare const GITSM_MARKDOWN_WORKER_IN_BUNDLE: boolean | undefined
const workerInBundle = typeof GITSM_MARKDOWN_WORKER_IN_BUNDLE !== 'undefined' && GITSM_MARKDOWN_WORKER_IN_BUNDLE === true

/** What a worker started by this pool finds as `workerData.role`. */
export const markdownWorkerRole = 'gitsm-markdown-worker'

function startWorker(port: MessagePort): Worker {
  const options = { workerData: { port, role: markdownWorkerRole }, transferList: [port] }
  if (workerInBundle) return new Worker(new URL(import.meta.url), options)
  if (!runningSources) return new Worker(new URL('./markdown-worker.js', import.meta.url), options)
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api')
  const source = fileURLToPath(new URL('./markdown-worker.ts', import.meta.url))
  // Evaluated as a script or, when the process runs with --input-type=module, as a module: only builtins are at hand.
  const bootstrap = `const load = process.getBuiltinModule('node:module').createRequire(${JSON.stringify(tsx)}); load(${JSON.stringify(tsx)}).register(); load(${JSON.stringify(source)})`
  return new Worker(bootstrap, { ...options, eval: true })
}
