import { gitsm } from '../support/cli.js'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { makeTree } from '../support/repo.js'

const repoRoot = join(import.meta.dirname, '..', '..')
const now = '2026-11-21T23:30:00Z'


/** A copy of the bundled example repository in a temporary folder. */
function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitsm-new-'))
  cpSync(join(repoRoot, 'examples', 'acme'), dir, { recursive: true })
  return dir
}

interface Validation {
  code: number
  errors: number
  diagnostics: { file: string; ruleId: string; severity: string; message: string }[]
}

async function validate(dir: string): Promise<Validation> {
  const { code, stdout } = await gitsm(['validate', '--format', 'json', '--now', now], dir)
  return { code, ...(JSON.parse(stdout) as Omit<Validation, 'code'>) }
}

/** The path of the record `gitsm new` reports it created, relative to the repository. */
function createdFile(stdout: string): string {
  const shown = /^Created (\S+) \(/m.exec(stdout)?.[1]
  expect(shown, stdout).toBeDefined()
  return shown!
}

/** The front matter of a Markdown record, or the whole YAML record, as data. */
function recordData(text: string): Record<string, unknown> {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text)
  return parse(front ? front[1]! : text) as Record<string, unknown>
}

const cases: { name: string; args: string[]; file: RegExp; kind: string; id: string }[] = [
  { name: 'service', args: ['service', '--title', 'Fraud Scoring', '--owner', '@acme/payments', '--service', 'payments-api'], file: /^services\/fraud-scoring\.yaml$/, kind: 'Service', id: 'fraud-scoring' },
  { name: 'sla', args: ['sla', '--title', 'Payments - Silver', '--service', 'payments-api', '--service', 'checkout-api'], file: /^slas\/payments-silver\.yaml$/, kind: 'SLA', id: 'payments-silver' },
  { name: 'standard-change', args: ['standard-change', '--title', 'Restart a stuck consumer', '--service', 'notifications'], file: /^changes\/standard\/restart-a-stuck-consumer\.yaml$/, kind: 'StandardChange', id: 'restart-a-stuck-consumer' },
  { name: 'standard-change for any service', args: ['standard-change', '--title', 'Flush a CDN path'], file: /^changes\/standard\/flush-a-cdn-path\.yaml$/, kind: 'StandardChange', id: 'flush-a-cdn-path' },
  { name: 'normal change', args: ['change', '--title', 'Upgrade Postgres to 16.5', '--service', 'postgres-main', '--owner', '@dana'], file: /^changes\/CHG-0021-upgrade-postgres-to-16-5\.yaml$/, kind: 'Change', id: 'CHG-0021' },
  { name: 'standard change', args: ['change', '--type', 'standard', '--title', 'Rotate the payments certificate', '--service', 'payments-api', '--owner', '@dana'], file: /^changes\/CHG-0021-rotate-the-payments-certificate\.yaml$/, kind: 'Change', id: 'CHG-0021' },
  { name: 'emergency change', args: ['change', '--type', 'emergency', '--title', 'Raise the Kafka heap', '--service', 'kafka', '--owner', '@erik'], file: /^changes\/CHG-0021-raise-the-kafka-heap\.yaml$/, kind: 'Change', id: 'CHG-0021' },
  { name: 'incident', args: ['incident', '--title', 'Search returns no results', '--service', 'search'], file: /^incidents\/INC-0009-search-returns-no-results\.yaml$/, kind: 'Incident', id: 'INC-0009' },
  { name: 'incident postmortem', args: ['incident', '--type', 'postmortem', '--title', 'Checkout: payments *down*', '--service', 'checkout-api', '--service', 'payments-api'], file: /^incidents\/INC-0009-checkout-payments-down\.md$/, kind: 'Incident', id: 'INC-0009' },
  { name: 'problem', args: ['problem', '--title', 'Consumer lag after deploys', '--service', 'notifications'], file: /^problems\/PRB-0004-consumer-lag-after-deploys\.yaml$/, kind: 'Problem', id: 'PRB-0004' },
  ...['known_error', 'troubleshooting', 'runbook', 'how_to', 'faq', 'reference'].map((type) => ({
    name: `article (${type})`,
    args: ['article', '--type', type, '--title', `A ${type} article about [auth] & <sessions>`, '--service', 'auth'],
    file: /^kb\/KB-0011-a-[a-z-]+-article-about-auth-sessions\.md$/,
    kind: 'Article',
    id: 'KB-0011',
  })),
]

describe('gitsm new', () => {
  it.concurrent.each(cases)('writes a $name that validates cleanly, with the next free id', async ({ args, file, kind, id }) => {
    const dir = copyExample()
    const created = await gitsm(['new', ...args, '--now', now], dir)
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    const path = createdFile(created.stdout)
    expect(path).toMatch(file)
    expect(created.stdout).toMatch(/\nNext:\n {2}- /)

    const text = readFileSync(join(dir, path), 'utf8')
    expect(text).not.toContain('{{')
    const data = recordData(text)
    expect(data.kind).toBe(kind)
    expect(data.id).toBe(id)
    if (path.endsWith('.yaml')) {
      const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1]
      expect(schema).toBe(`${path.split('/').slice(1).map(() => '..').join('/')}/.gitsm/schemas/${args[0]}.schema.json`)
      const schemaFile = resolve(dirname(join(dir, path)), schema!)
      expect(JSON.parse(readFileSync(schemaFile, 'utf8')).title).toBe(`gitsm ${kind}`)
    }

    const validation = await validate(dir)
    expect(validation.diagnostics.filter((d) => d.file === path)).toEqual([])
    expect(validation.errors).toBe(0)
    expect(validation.code).toBe(0)
  })

  it('fills in dates in the configured time zone, the owner of the first service, and the model that covers the services', async () => {
    const dir = copyExample()
    const article = await gitsm(['new', 'article', '--type', 'known_error', '--title', 'Stale search results', '--service', 'search', '--now', now], dir)
    const articleData = recordData(readFileSync(join(dir, createdFile(article.stdout)), 'utf8'))
    // 23:30 UTC is the next day in Europe/Berlin, the example's timezone.
    expect(articleData.reviewed_at).toBe('2026-11-22')
    expect(articleData.owner).toBe('@acme/data')
    expect(articleData.status).toBe('draft')

    const incident = await gitsm(['new', 'incident', '--service', 'auth', '--now', now], dir)
    const incidentPath = createdFile(incident.stdout)
    expect(incidentPath).toBe('incidents/INC-0009.yaml')
    const incidentData = recordData(readFileSync(join(dir, incidentPath), 'utf8'))
    expect(incidentData.opened_at).toBe('2026-11-22T00:30:00+01:00')
    expect(incidentData.assignee).toBe('@acme/identity')

    const change = await gitsm(['new', 'change', '--type', 'standard', '--title', 'Scale out search', '--service', 'search', '--owner', '@dana', '--now', now], dir)
    expect(recordData(readFileSync(join(dir, createdFile(change.stdout)), 'utf8')).model).toBe('rotate-tls-cert')
    const chosen = await gitsm(['new', 'change', '--type', 'standard', '--model', 'scale-out-stateless-service', '--title', 'Scale out search again', '--service', 'search', '--owner', '@dana', '--now', now], dir)
    expect(recordData(readFileSync(join(dir, createdFile(chosen.stdout)), 'utf8')).model).toBe('scale-out-stateless-service')
    expect((await validate(dir)).diagnostics).toEqual([])
  })

  it('gives a second record the next id, and counts ids inside files as well as file names', async () => {
    const dir = copyExample()
    const first = await gitsm(['new', 'change', '--title', 'First', '--service', 'auth', '--owner', '@dana', '--now', now], dir)
    expect(createdFile(first.stdout)).toBe('changes/CHG-0021-first.yaml')
    const second = await gitsm(['new', 'change', '--service', 'auth', '--owner', '@dana', '--now', now], dir)
    expect(createdFile(second.stdout)).toBe('changes/CHG-0022.yaml')
    expect(recordData(readFileSync(join(dir, 'changes', 'CHG-0022.yaml'), 'utf8')).title).toBe('TODO: title of CHG-0022')

    const renamed = readFileSync(join(dir, 'changes', 'CHG-0022.yaml'), 'utf8').replace('id: CHG-0022', 'id: CHG-0040')
    writeFileSync(join(dir, 'changes', 'CHG-0022.yaml'), renamed)
    const third = await gitsm(['new', 'change', '--title', 'Third', '--service', 'auth', '--owner', '@dana', '--now', now], dir)
    expect(createdFile(third.stdout)).toBe('changes/CHG-0041-third.yaml')
  })

  it('refuses an unknown service with exit 2, naming close matches, and writes nothing', async () => {
    const dir = copyExample()
    const before = readdirSync(join(dir, 'changes'))
    const result = await gitsm(['new', 'change', '--title', 'Typo', '--service', 'payment-api', '--owner', '@dana'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/payment-api: did you mean payments-api\?/)
    expect(readdirSync(join(dir, 'changes'))).toEqual(before)
    expect(existsSync(join(dir, '.gitsm'))).toBe(false)
  })

  it.concurrent.each([
    { name: 'a change without a person as requester', args: ['change', '--service', 'auth'], error: /requested_by/ },
    { name: 'a team as the requester of a change', args: ['change', '--service', 'auth', '--owner', '@acme/identity'], error: /a person/ },
    { name: 'a change without services', args: ['change', '--owner', '@dana'], error: /--service/ },
    { name: 'a service without an owner', args: ['service', '--title', 'Ledger'], error: /--owner/ },
    { name: 'a service whose id is taken', args: ['service', '--title', 'Payments API', '--owner', '@acme/payments'], error: /payments-api is taken/ },
    { name: 'a slug kind without a title', args: ['sla', '--service', 'auth'], error: /--title/ },
    { name: 'an unknown kind', args: ['chnage'], error: /did you mean change/ },
    { name: 'an unknown article type', args: ['article', '--type', 'howto'], error: /did you mean how_to/ },
    { name: 'a model for a normal change', args: ['change', '--service', 'auth', '--owner', '@dana', '--model', 'rotate-tls-cert'], error: /--model is for standard changes/ },
    { name: 'a model that does not cover the service', args: ['change', '--type', 'standard', '--service', 'kafka', '--owner', '@dana', '--model', 'rotate-tls-cert'], error: /covers only/ },
    { name: 'a malformed --now', args: ['incident', '--service', 'auth', '--now', 'tomorrow'], error: /--now/ },
  ])('refuses $name with exit 2', async ({ args, error }) => {
    const dir = copyExample()
    const result = await gitsm(['new', ...args], dir)
    expect(result.stderr).toMatch(error)
    expect(result.code).toBe(2)
  })

  it('adds the sections the configuration requires beyond the defaults', async () => {
    const dir = copyExample()
    const config = readFileSync(join(dir, 'gitsm.yaml'), 'utf8').replace('    how_to: [Steps]\n', '    how_to: [Before you start, Steps]\n    faq: [Questions]\n')
    expect(config).toContain('faq: [Questions]')
    writeFileSync(join(dir, 'gitsm.yaml'), config)
    const faq = await gitsm(['new', 'article', '--type', 'faq', '--title', 'Search FAQ', '--now', now], dir)
    const faqFile = createdFile(faq.stdout)
    expect(readFileSync(join(dir, faqFile), 'utf8')).toMatch(/\n## Questions\n\nTODO: questions\.\n$/)
    const howTo = await gitsm(['new', 'article', '--title', 'Reindex search', '--now', now], dir)
    const howToFile = createdFile(howTo.stdout)
    expect(readFileSync(join(dir, howToFile), 'utf8')).toMatch(/\n## Steps\n[\s\S]*\n## Before you start\n/)
    // The example's own articles predate these sections; the new ones have them.
    expect((await validate(dir)).diagnostics.filter((d) => d.file === faqFile || d.file === howToFile)).toEqual([])
  })

  it('keeps the schemas that are there, and writes none for Markdown records', async () => {
    const dir = copyExample()
    await gitsm(['new', 'article', '--title', 'Reindex search', '--now', now], dir)
    expect(existsSync(join(dir, '.gitsm'))).toBe(false)
    writeFileSync(join(dir, 'pinned.json'), '{}')
    cpSync(join(dir, 'pinned.json'), join(dir, '.gitsm', 'schemas', 'change.schema.json'))
    const created = await gitsm(['new', 'change', '--title', 'Pin', '--service', 'auth', '--owner', '@dana', '--now', now], dir)
    expect(created.code).toBe(0)
    expect(readFileSync(join(dir, '.gitsm', 'schemas', 'change.schema.json'), 'utf8')).toBe('{}')
    expect(existsSync(join(dir, '.gitsm', 'schemas', 'incident.schema.json'))).toBe(true)
  })

  it('writes into a repository that gitsm init created, and it stays clean', async () => {
    const dir = makeTree({})
    expect((await gitsm(['init', '--org', 'globex'], dir)).code).toBe(0)
    const article = await gitsm(['new', 'article', '--type', 'runbook', '--title', 'Restart the website', '--service', 'website', '--now', now], dir)
    expect(article.code).toBe(0)
    expect(createdFile(article.stdout)).toBe('kb/KB-0002-restart-the-website.md')
    const change = await gitsm(['new', 'change', '--type', 'standard', '--title', 'Rotate the website certificate', '--service', 'website', '--owner', '@dana', '--now', now], dir)
    expect(createdFile(change.stdout)).toBe('changes/CHG-0002-rotate-the-website-certificate.yaml')
    const validated = await gitsm(['validate', '--now', now], dir)
    expect(validated.stdout).toMatch(/No problems/)
    expect(validated.code).toBe(0)
  })
})
