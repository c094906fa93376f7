import { describe, expect, it } from 'vitest'
import { slugOf } from '../../src/scaffold/slug.js'

describe('slugOf', () => {
  it.each([
    ['Upgrade Postgres to 16.4', 'upgrade-postgres-to-16-4'],
    ['  Payments API  ', 'payments-api'],
    ['Überprüfung der Straße', 'uberprufung-der-strasse'],
    ['Ærø & Łódź', 'aero-lodz'],
    ['café--crème!!', 'cafe-creme'],
    ['C++ / .NET', 'c-net'],
    ['日本語', ''],
    ['---', ''],
  ])('%j -> %j', (title, slug) => {
    expect(slugOf(title)).toBe(slug)
  })

  it('cuts long titles at a hyphen, within the limit', () => {
    const slug = slugOf('Move the order facts of the data warehouse to monthly partitions before the peak season', 40)
    expect(slug).toBe('move-the-order-facts-of-the-data')
    expect(slug.length).toBeLessThanOrEqual(40)
    expect(slugOf('a'.repeat(80), 63)).toBe('a'.repeat(63))
  })
})
