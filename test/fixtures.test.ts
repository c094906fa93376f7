import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, validateRepository, type Diagnostic } from '../src/index.js'

/**
 * Scenario repositories under test/fixtures/<scenario>/ carry their expected findings inline, on the line the
 * finding points at: `# expect: rule/id` in YAML, `<!-- expect: rule/id -->` in Markdown (several ids: comma
 * separated). Every expected finding must be reported and nothing else.
 */
const fixturesDir = join(import.meta.dirname, 'fixtures')
const now = new Date('2026-11-21T12:00:00Z')
const marker = /(?:#|<!--)\s*expect:\s*([a-z0-9/,\s-]+?)\s*(?:-->|$)/

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

function expectations(root: string): string[] {
  const out: string[] = []
  for (const path of listFiles(root)) {
    const file = relative(root, path).split(sep).join('/')
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .forEach((text, i) => {
        const match = marker.exec(text)
        if (!match) return
        for (const ruleId of match[1]!.split(',').map((s) => s.trim()).filter(Boolean)) out.push(`${file}:${i + 1} ${ruleId}`)
      })
  }
  return out.sort()
}

async function findings(root: string): Promise<Diagnostic[]> {
  try {
    return (await validateRepository({ root, now })).diagnostics
  } catch (error) {
    if (error instanceof ConfigError) return [...error.diagnostics]
    throw error
  }
}

const scenarios = readdirSync(fixturesDir).filter((name) => statSync(join(fixturesDir, name)).isDirectory())

describe('fixture repositories', () => {
  it('exist', () => expect(scenarios.length).toBeGreaterThan(0))

  it.each(scenarios)('%s reports exactly its inline expectations', async (scenario) => {
    const root = join(fixturesDir, scenario)
    const actual = (await findings(root)).map((d) => `${d.file}:${d.line} ${d.ruleId}`).sort()
    expect(actual).toEqual(expectations(root))
  })
})
