import { workerData, type MessagePort } from 'node:worker_threads'
import type { Node } from 'mdast'
import { parseMarkdownTree } from '../parse/markdown.js'

/*
 * Runs in a worker thread started by markdown-pool.ts: parses one Markdown text per message and posts the mdast
 * tree back, so that the main thread can stop a parse that runs over its time budget.
 */

export interface ParseRequest {
  id: number
  text: string
}

/** The tree travels as JSON: for mdast, stringify plus parse costs a third of a structured clone. */
export type ParseReply =
  | { ready: true }
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; ruleId: 'markdown/syntax' | 'markdown/too-deep'; message: string }

/**
 * Deepest mdast tree sent back. Real documents stay far below; deeper trees come from thousands of nested quotes,
 * lists or links, and would overflow the stack of whatever walks them in the main thread (its stack is smaller).
 */
export const maxTreeDepth = 256

const port = (workerData as { port: MessagePort }).port

port.on('message', ({ id, text }: ParseRequest) => {
  let reply: ParseReply
  try {
    const tree = parseMarkdownTree(text)
    const depth = treeDepth(tree)
    reply =
      depth > maxTreeDepth
        ? { id, ok: false, ruleId: 'markdown/too-deep', message: `This file nests quotes, lists or inline markup ${depth} levels deep; the limit is ${maxTreeDepth}. Flatten it.` }
        : { id, ok: true, json: JSON.stringify(tree) }
  } catch (error) {
    reply = { id, ok: false, ruleId: 'markdown/syntax', message: `The Markdown parser failed: ${describe(error)}` }
  }
  port.postMessage(reply)
})

port.postMessage({ ready: true } satisfies ParseReply)

/** The depth of a tree, without recursion. */
function treeDepth(root: Node): number {
  let deepest = 0
  const stack: [Node, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    if ('children' in node) for (const child of node.children as Node[]) stack.push([child, depth + 1])
  }
  return deepest
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
