import { describe, expect, it } from 'vitest'
import { BandPolicySchema, bandOf, DEFAULT_BAND_POLICY, thresholdsOf, veryPoorlyTransition, type BandPolicy } from './bands.ts'
import { decimal, div, rational } from './rational.ts'

describe('bandOf, supplies', () => {
  it.each([
    ['0', 'VERY_POORLY'],
    ['0.39999999', 'VERY_POORLY'],
    ['0.40', 'POORLY'], // exactly the threshold: "below 0.40" is very poorly, 0.40 is not
    ['0.4', 'POORLY'],
    ['0.9999', 'POORLY'],
    ['1.00', 'WELL'], // "well balanced at 1.00 or above"
    ['3.5', 'WELL'],
  ] as const)('%s is %s', (coefficient, band) => {
    expect(bandOf(coefficient, 'SUPPLIES', DEFAULT_BAND_POLICY)).toBe(band)
  })

  it('puts an exact 0.40 computed from shares at the threshold, where a float would fall below it', () => {
    // 4% of contracts / 10% of contributions = 0.40 exactly; 0.04 / 0.1 in floats is 0.39999999999999997.
    const coefficient = div(decimal('0.04'), decimal('0.10'))
    expect(bandOf(coefficient, 'SUPPLIES', DEFAULT_BAND_POLICY)).toBe('POORLY')
    expect(bandOf(rational(1999999n, 5000000n), 'SUPPLIES', DEFAULT_BAND_POLICY)).toBe('VERY_POORLY') // 0.3999998
  })
})

describe('bandOf, services (no very poorly class)', () => {
  it.each([
    ['0', 'POORLY'],
    ['0.3999', 'POORLY'],
    ['0.40', 'WELL'], // the same 0.40 is POORLY for supplies
    ['1.00', 'WELL'],
  ] as const)('%s is %s', (coefficient, band) => {
    expect(bandOf(coefficient, 'SERVICES', DEFAULT_BAND_POLICY)).toBe(band)
  })
})

describe('band policy as data', () => {
  it('applies another version of the policy', () => {
    const stricter: BandPolicy = BandPolicySchema.parse({
      version: 'test-2030',
      SUPPLIES: [
        { band: 'VERY_POORLY', below: '0.50' },
        { band: 'POORLY', below: '1.00' },
        { band: 'WELL', below: null },
      ],
      SERVICES: [{ band: 'WELL', below: null }],
    })
    expect(bandOf('0.45', 'SUPPLIES', stricter)).toBe('VERY_POORLY')
    expect(bandOf('0.45', 'SUPPLIES', DEFAULT_BAND_POLICY)).toBe('POORLY')
    expect(bandOf('0', 'SERVICES', stricter)).toBe('WELL')
  })

  it.each([
    [
      'thresholds that do not increase',
      [
        { band: 'VERY_POORLY', below: '1.00' },
        { band: 'POORLY', below: '0.40' },
        { band: 'WELL', below: null },
      ],
    ],
    [
      'a last band with an upper bound',
      [
        { band: 'POORLY', below: '0.40' },
        { band: 'WELL', below: '9' },
      ],
    ],
    [
      'an open-ended band before the last',
      [
        { band: 'POORLY', below: null },
        { band: 'WELL', below: null },
      ],
    ],
    [
      'a threshold written as a float',
      [
        { band: 'POORLY', below: 0.4 },
        { band: 'WELL', below: null },
      ],
    ],
    [
      'a threshold with a decimal comma',
      [
        { band: 'POORLY', below: '0,40' },
        { band: 'WELL', below: null },
      ],
    ],
    [
      'a band twice',
      [
        { band: 'POORLY', below: '0.40' },
        { band: 'POORLY', below: null },
      ],
    ],
    ['no band at all', []],
  ])('rejects %s', (_, ladder) => {
    const result = BandPolicySchema.safeParse({ ...DEFAULT_BAND_POLICY, SERVICES: ladder })
    expect(result.success).toBe(false)
  })

  it('exposes the thresholds exactly, for the band lines of a chart', () => {
    expect(thresholdsOf('SUPPLIES', DEFAULT_BAND_POLICY)).toEqual([
      { band: 'VERY_POORLY', below: rational(2n, 5n) },
      { band: 'POORLY', below: rational(1n) },
    ])
    expect(thresholdsOf('SERVICES', DEFAULT_BAND_POLICY)).toEqual([{ band: 'POORLY', below: rational(2n, 5n) }])
  })
})

describe('veryPoorlyTransition', () => {
  it('reports only crossings of the very poorly line', () => {
    expect(veryPoorlyTransition('POORLY', 'VERY_POORLY')).toBe('ENTERED_VERY_POORLY')
    expect(veryPoorlyTransition(null, 'VERY_POORLY')).toBe('ENTERED_VERY_POORLY')
    expect(veryPoorlyTransition('VERY_POORLY', 'WELL')).toBe('LEFT_VERY_POORLY')
    expect(veryPoorlyTransition('VERY_POORLY', null)).toBe('LEFT_VERY_POORLY')
    expect(veryPoorlyTransition('VERY_POORLY', 'VERY_POORLY')).toBeNull()
    expect(veryPoorlyTransition('POORLY', 'WELL')).toBeNull()
    expect(veryPoorlyTransition(null, null)).toBeNull()
  })
})
