import { workerData, type MessagePort } from 'node:worker_threads'
import { mdastToSafeHtml } from '../parse/markdown-html.js'
import { outlineMarkdown, type MarkdownParts } from '../parse/markdown-outline.js'
import { parseMarkdownTree } from '../parse/markdown.js'

/*
 * Runs in a worker thread started by markdown-pool.ts: parses each Markdown text it is sent, in order, and posts
 * back its front matter and outline (never the whole tree, which would cost more to send than to parse) and, when
 * asked, the body as sanitized HTML rendered from that same tree, so that the main thread can stop a parse that
 * runs over its time budget.
 */

export interface ParseRequest {
  id: number
  text: string
  /** Also render the body as sanitized HTML (mdastToSafeHtml). */
  html?: boolean
}

export type ParseReply =
  | { ready: true }
  // The parts travel as one JSON string: cheaper to send than a structured clone of many small objects.
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; ruleId: 'markdown/syntax' | 'markdown/too-deep'; message: string }

/**
 * Deepest mdast tree accepted. Real documents stay far below; deeper trees come from thousands of nested quotes,
 * lists or links.
 */
export const maxTreeDepth = 256

const port = (workerData as { port: MessagePort }).port

port.on('message', ({ id, text, html }: ParseRequest) => {
  let reply: ParseReply
  try {
    const tree = parseMarkdownTree(text)
    const depth = treeDepth(tree)
    if (depth > maxTreeDepth) {
      reply = { id, ok: false, ruleId: 'markdown/too-deep', message: `This file nests quotes, lists or inline markup ${depth} levels deep; the limit is ${maxTreeDepth}. Flatten it.` }
    } else {
      const parts: MarkdownParts = outlineMarkdown(tree)
      if (html === true) parts.safeHtml = mdastToSafeHtml(tree)
      reply = { id, ok: true, json: JSON.stringify(parts) }
    }
  } catch (error) {
    reply = { id, ok: false, ruleId: 'markdown/syntax', message: `The Markdown parser failed: ${error instanceof Error ? error.message : String(error)}` }
  }
  port.postMessage(reply)
})

port.postMessage({ ready: true } satisfies ParseReply)

/** The depth of a tree, without recursion. */
function treeDepth(root: { children?: unknown[] }): number {
  let deepest = 0
  const stack: [{ children?: unknown[] }, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    if (Array.isArray(node.children)) for (const child of node.children as { children?: unknown[] }[]) stack.push([child, depth + 1])
  }
  return deepest
}
