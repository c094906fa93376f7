import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/config/defaults.js'
import { catalog, newKinds } from '../../src/scaffold/catalog.js'
import { levelTwoHeadings } from '../../src/scaffold/sections.js'
import { placeholdersOf } from '../../src/scaffold/template.js'

const folder = join(import.meta.dirname, '..', '..', 'templates', 'records')
const choices = newKinds.flatMap((kind) => Object.entries(catalog[kind].types).map(([type, choice]) => ({ kind, type, choice })))
const known = new Set(['id', 'title', 'today', 'now', 'review_by', 'owner', 'services', 'model', 'schema'])

describe('the record templates', () => {
  it('are one file per kind and type, each used', () => {
    expect(readdirSync(folder).sort()).toEqual(choices.map(({ choice }) => choice.file).sort())
  })

  it.each(newKinds)('%s offers only types it has a template for, and its default', (kind) => {
    const entry = catalog[kind]
    expect(Object.keys(entry.types)).toContain(entry.defaultType)
    for (const type of entry.typeOptions) expect(Object.keys(entry.types)).toContain(type)
  })

  it.each(choices)('$kind $type uses only the placeholders gitsm new fills', ({ choice }) => {
    const text = readFileSync(join(folder, choice.file), 'utf8')
    for (const { name } of placeholdersOf(text)) expect(known).toContain(name)
    expect(placeholdersOf(text).map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'title']))
    if (choice.format === 'yaml') expect(text.startsWith('# yaml-language-server: $schema={{schema}}\n')).toBe(true)
    else expect(text.startsWith('---\n')).toBe(true)
  })

  it.each(Object.entries(catalog.article.types))('the %s article has its title as the one level-1 heading and exactly the default sections', (type, choice) => {
    const text = readFileSync(join(folder, choice.file), 'utf8')
    expect(text).toContain(`\ntype: ${type}\n`)
    const body = text.slice(text.indexOf('\n---\n') + 5)
    expect(body.match(/^# .*$/gm)).toEqual(['# {{title:md}}'])
    expect(levelTwoHeadings(body)).toEqual(defaultConfig().knowledge.sections[type] ?? [])
  })

  it('gives the postmortem exactly the default postmortem sections', () => {
    const text = readFileSync(join(folder, catalog.incident.types.postmortem!.file), 'utf8')
    expect(levelTwoHeadings(text)).toEqual(defaultConfig().incidents.postmortem.sections)
  })
})
