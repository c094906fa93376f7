import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../src/report/catalog.js'
import { loadAcme, record } from './report-records.js'

describe('buildCatalog on examples/acme (counted by hand from services/, slas/, problems/, incidents/)', () => {
  it('counts services by tier and lifecycle, most critical first', async () => {
    const { records } = await loadAcme()
    const catalog = buildCatalog(records)
    expect(catalog.by_tier).toEqual({ 1: 5, 2: 3, 3: 3, 4: 1 })
    expect(catalog.by_lifecycle).toEqual({ live: 10, pipeline: 1, retired: 1 })
    expect(catalog.services.map((s) => s.id)).toEqual([
      'auth', 'checkout-api', 'payments-api', 'postgres-main', 'storefront-web',
      'cdn', 'kafka', 'search',
      'data-warehouse', 'notifications', 'recommendations',
      'legacy-reporting',
    ])
    expect(catalog.gaps).toEqual([])
  })

  it('shows dependencies both ways, SLAs, runbooks, open problems and incidents', async () => {
    const { records } = await loadAcme()
    const byId = new Map(buildCatalog(records).services.map((s) => [s.id, s]))
    expect(byId.get('kafka')).toMatchObject({
      owner: '@acme/platform',
      depends_on: [],
      depended_on_by: ['checkout-api', 'data-warehouse', 'notifications', 'payments-api', 'search'],
      slas: ['platform-ola'],
      runbooks: ['KB-0007'],
      open_problems: ['PRB-0001'],
    })
    expect(byId.get('postgres-main')!.depended_on_by).toEqual(['auth', 'checkout-api', 'data-warehouse', 'legacy-reporting', 'payments-api'])
    expect(byId.get('payments-api')).toMatchObject({ slas: ['storefront-gold'], open_problems: ['PRB-0002'], runbooks: ['KB-0010', 'KB-0001'] })
    expect(byId.get('notifications')!.open_incidents).toEqual(['INC-0008'])
    expect(byId.get('data-warehouse')!.open_incidents).toEqual(['INC-0007'])
    expect(byId.get('search')!.open_problems).toEqual([]) // PRB-0003 is resolved
  })
})

describe('buildCatalog gaps', () => {
  const records = [
    record('services/a.yaml', 'kind: Service', 'id: a', 'title: A', 'tier: 1', 'lifecycle: live', 'owner: "@x"', 'depends_on: [old]'),
    record('services/old.yaml', 'kind: Service', 'id: old', 'title: Old', 'tier: 3', 'lifecycle: retired', 'owner: "@x"'),
    record('services/b.yaml', 'kind: Service', 'id: b', 'title: B', 'tier: 1', 'lifecycle: live', 'owner: "@x"', 'runbooks: [KB-0001]'),
    record('services/c.yaml', 'kind: Service', 'id: c', 'title: C', 'tier: 2', 'lifecycle: live'),
    record('slas/s.yaml', 'kind: SLA', 'id: s', 'title: S', 'services: [B]'),
  ]

  it('names a tier-1 service without SLA or runbook, a service without owner, and one depending on a retired one', () => {
    expect(buildCatalog(records).gaps).toEqual([
      { service: 'a', gap: 'no-sla', message: 'Tier-1 service a is covered by no SLA: add it to an SLA\'s services.' },
      { service: 'a', gap: 'no-runbook', message: 'Tier-1 service a lists no runbooks: link the articles on-call needs under runbooks.' },
      { service: 'a', gap: 'depends-on-retired', message: 'Service a is live but depends on retired old.' },
      { service: 'c', gap: 'no-owner', message: 'Service c has no owner.' },
    ])
  })

  it('matches SLA service ids as the reference rules do (case-insensitively)', () => {
    expect(buildCatalog(records).services.find((s) => s.id === 'b')!.slas).toEqual(['s'])
  })
})
