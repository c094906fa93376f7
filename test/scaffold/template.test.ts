import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { escapeMarkdownInline, fillTemplate, placeholdersOf, requiredNames, yamlScalar } from '../../src/scaffold/template.js'

describe('fillTemplate', () => {
  it('fills text, YAML and Markdown placeholders', () => {
    const template = 'id: {{id}}\ntitle: {{title:yaml}}\nservices: {{services:yaml}}\n\n# {{title:md}}\n'
    const text = fillTemplate(template, { id: 'KB-0042', title: 'Fix *all* pods: now', services: ['auth', 'payments-api'] })
    expect(text).toBe('id: KB-0042\ntitle: "Fix *all* pods: now"\nservices: [auth, payments-api]\n\n# Fix \\*all\\* pods: now\n')
  })

  it('leaves out the line of an optional placeholder without a value, and keeps it with one', () => {
    const template = 'a: 1\nowner: {{owner?:yaml}}\nservices: {{services?:yaml}}\nb: 2\n'
    expect(fillTemplate(template, { services: [] })).toBe('a: 1\nb: 2\n')
    expect(fillTemplate(template, { owner: '@acme/ops', services: ['auth'] })).toBe('a: 1\nowner: "@acme/ops"\nservices: [auth]\nb: 2\n')
  })

  it('refuses to leave a required placeholder empty', () => {
    expect(() => fillTemplate('owner: {{owner:yaml}}\n', {})).toThrow(/owner/)
    expect(() => fillTemplate('services: {{services:yaml}}\n', { services: [] })).toThrow(/services/)
  })

  it('lists placeholders and rejects malformed ones and unknown filters', () => {
    expect(placeholdersOf('{{id}} {{ owner?:yaml }} {{title:md}}')).toEqual([
      { name: 'id', optional: false, filter: 'text' },
      { name: 'owner', optional: true, filter: 'yaml' },
      { name: 'title', optional: false, filter: 'md' },
    ])
    expect(requiredNames('{{id}} {{owner?:yaml}} {{id:yaml}}')).toEqual(new Set(['id']))
    expect(() => placeholdersOf('{{title:html}}')).toThrow(/filter/)
    expect(() => placeholdersOf('{{Title}}')).toThrow(/Malformed/)
  })
})

describe('yamlScalar', () => {
  const cases = ['Upgrade Postgres to 16.4', 'no', 'True', 'null', '42', '@acme/payments', 'a: b', 'x # y', '- item', '[a]', 'quote "me"', 'tab\there', 'line\nbreak', 'trailing ', "Don't panic", 'Ünïcödé', '\u2028sep', '*alias', '&anchor', '!tag', '%directive', '{a}', 'a, b']
  it.each(cases)('reads back as the same string: %j', (value) => {
    expect(parse(`v: ${yamlScalar(value)}\n`).v).toBe(value)
    expect(parse(`v: [${yamlScalar(value)}]\n`).v).toEqual([value])
  })

  it('stays plain where that is safe', () => {
    expect(yamlScalar('Upgrade Postgres to 16.4')).toBe('Upgrade Postgres to 16.4')
    expect(yamlScalar('payments-api')).toBe('payments-api')
    expect(yamlScalar('yes')).toBe('"yes"')
  })
})

describe('escapeMarkdownInline', () => {
  it('escapes the characters that could start markup', () => {
    expect(escapeMarkdownInline('a_b *c* [d](e) <f> `g` #h ~i~ |j| &amp; !k \\')).toBe('a\\_b \\*c\\* \\[d\\](e) \\<f\\> \\`g\\` \\#h \\~i\\~ \\|j\\| \\&amp; \\!k \\\\')
  })
})
