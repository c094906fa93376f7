import { describe, expect, it } from 'vitest'
import { formatAvailability, formatMinutes, formatRating, formatShare } from '../../src/report/format/units.js'

describe('human units', () => {
  it('formats minutes', () => {
    expect([null, 0, 44.6, 60, 125, 1440, 1500, 4560].map(formatMinutes)).toEqual(['–', '0 min', '45 min', '1 h 00 min', '2 h 05 min', '1 d', '1 d 1 h', '3 d 4 h'])
  })
  it('formats shares and ratings', () => {
    expect([null, 7 / 9, 1, 0].map(formatShare)).toEqual(['–', '77.8 %', '100.0 %', '0.0 %'])
    expect([null, 4.25].map(formatRating)).toEqual(['–', '4.3'])
  })
  it('never rounds an availability up past its target', () => {
    expect(formatAvailability(99.89996)).toBe('99.899 %')
    expect(formatAvailability(100)).toBe('100.000 %')
    expect(formatAvailability(null)).toBe('–')
  })
})
