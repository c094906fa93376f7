import { describe, expect, it } from 'vitest'
import { closeMatches } from '../../src/scaffold/close-matches.js'

const services = ['auth', 'cdn', 'checkout-api', 'payments-api', 'postgres-main', 'search']

describe('closeMatches', () => {
  it('finds typos, parts and case differences, closest first', () => {
    expect(closeMatches('payment-api', services)).toEqual(['payments-api'])
    expect(closeMatches('postgres', services)).toEqual(['postgres-main'])
    expect(closeMatches('AUTH', services)).toEqual(['auth'])
    expect(closeMatches('api', services)).toEqual(['checkout-api', 'payments-api'])
  })

  it('finds nothing for an unrelated name', () => {
    expect(closeMatches('ledger', services)).toEqual([])
  })
})
