// The floor: read every record file of an ITSM repository and parse it once, as gitsm must, and nothing else:
// YAML with yaml's parseDocument, Markdown with unified + remark-parse + remark-frontmatter + remark-gfm (and the
// front matter with parseDocument). Prints one JSON line: files, bytes, parse errors, peak RSS.
// Plain JavaScript, so that no TypeScript loader adds to its start-up time.
/* global process, console */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parseDocument } from 'yaml'

const root = process.argv[2]
if (!root) {
  console.error('usage: node floor.mjs <repository>')
  process.exit(2)
}
const folders = ['services', 'slas', 'changes', 'incidents', 'problems', 'kb']
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

async function walk(rel, out) {
  let entries
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = `${rel}/${entry.name}`
    if (entry.isDirectory()) await walk(path, out)
    else if (entry.isFile() && /\.(ya?ml|md)$/i.test(entry.name)) out.push(path)
  }
}

const files = ['gitsm.yaml']
for (const folder of folders) await walk(folder, files)
let bytes = 0
let errors = 0
let next = 0
// A few reads in flight, as any real tool keeps the disk busy while it parses.
async function worker() {
  while (next < files.length) {
    const file = files[next++]
    const text = await readFile(join(root, file), 'utf8')
    bytes += text.length
    if (file.endsWith('.md')) {
      const tree = processor.parse(text)
      const first = tree.children[0]
      if (first && first.type === 'yaml') errors += parseDocument(first.value).errors.length
    } else {
      errors += parseDocument(text).errors.length
    }
  }
}
await Promise.all(Array.from({ length: 8 }, worker))
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, errors, maxRssKb: process.resourceUsage().maxRSS })}\n`)
