import { describe, expect, it } from 'vitest'
import { bandOf, BandPolicySchema, DEFAULT_BAND_POLICY } from './bands.ts'
import { bandLinesOf, bandSafeFixed, formatCoefficient } from './coefficient-format.ts'
import { decimal, rational } from './rational.ts'

describe('formatCoefficient, supplies (lines at 0.40 and 1.00)', () => {
  // Worked by hand: half-away rounding unless it lands across a line, then toward the value's side.
  it.each([
    // value, page (2 decimals), CSV and accessible text (4 decimals), band
    ['0.3996', '0.39', '0.3996', 'VERY_POORLY'], // "0.40" would sit beside a "very poorly balanced" badge
    ['0.39999', '0.39', '0.3999', 'VERY_POORLY'], // 4 decimals would round to 0.4000 as well
    ['0.39995', '0.39', '0.3999', 'VERY_POORLY'],
    ['0.395', '0.39', '0.3950', 'VERY_POORLY'], // the half rounds up, across the line: down instead
    ['0.3949', '0.39', '0.3949', 'VERY_POORLY'],
    ['0.40', '0.40', '0.4000', 'POORLY'], // on the line is above it
    ['0.40004', '0.40', '0.4000', 'POORLY'], // rounding down to the line itself stays on its side
    ['0.9949', '0.99', '0.9949', 'POORLY'],
    ['0.995', '0.99', '0.9950', 'POORLY'],
    ['0.9999', '0.99', '0.9999', 'POORLY'],
    ['0.99999', '0.99', '0.9999', 'POORLY'],
    ['1.00', '1.00', '1.0000', 'WELL'],
    ['1.00001', '1.00', '1.0000', 'WELL'],
    ['1.5556', '1.56', '1.5556', 'WELL'], // far from any line: plain rounding
    ['0.125', '0.13', '0.1250', 'VERY_POORLY'],
    ['0', '0.00', '0.0000', 'VERY_POORLY'],
  ] as const)('%s shows %s, %s in full', (value, display, precise, band) => {
    const exact = decimal(value)
    expect(bandOf(exact, 'SUPPLIES')).toBe(band)
    expect(formatCoefficient(exact, 'SUPPLIES', DEFAULT_BAND_POLICY)).toEqual({ display, precise })
    // Both figures read back into the same band as the exact value.
    expect(bandOf(display, 'SUPPLIES')).toBe(band)
    expect(bandOf(precise, 'SUPPLIES')).toBe(band)
  })

  it('writes fractions that have no finite decimal: 999/2500 (0.3996), 1/3, 2/3 and 4/10001', () => {
    expect(formatCoefficient(rational(999n, 2500n), 'SUPPLIES')).toEqual({ display: '0.39', precise: '0.3996' })
    expect(formatCoefficient(rational(1n, 3n), 'SUPPLIES')).toEqual({ display: '0.33', precise: '0.3333' })
    expect(formatCoefficient(rational(2n, 3n), 'SUPPLIES')).toEqual({ display: '0.67', precise: '0.6667' })
    // 4000/10001 = 0.39996000399...: 0.40 and 0.4000 would both cross the line.
    expect(formatCoefficient(rational(4000n, 10001n), 'SUPPLIES')).toEqual({ display: '0.39', precise: '0.3999' })
  })
})

describe('formatCoefficient, services (one line, at 0.40)', () => {
  it.each([
    ['0.3996', '0.39', '0.3996'],
    ['0.39999', '0.39', '0.3999'],
    ['0.40', '0.40', '0.4000'],
    // Services have no line at 1.00: 0.9999 rounds as usual, and 1.00 is the same band (well balanced).
    ['0.9999', '1.00', '0.9999'],
    ['0.99999', '1.00', '1.0000'],
    ['1.00', '1.00', '1.0000'],
  ] as const)('%s shows %s, %s in full', (value, display, precise) => {
    expect(formatCoefficient(decimal(value), 'SERVICES')).toEqual({ display, precise })
    expect(bandOf(display, 'SERVICES')).toBe(bandOf(value, 'SERVICES'))
  })
})

describe('bandSafeFixed with lines of another policy', () => {
  it('uses the lines of the policy it is given', () => {
    const policy = BandPolicySchema.parse({
      version: 'test',
      SUPPLIES: [
        { band: 'VERY_POORLY', below: '0.50' },
        { band: 'POORLY', below: '1.20' },
        { band: 'WELL', below: null },
      ],
      SERVICES: [
        { band: 'POORLY', below: '0.50' },
        { band: 'WELL', below: null },
      ],
    })
    expect(bandLinesOf('SUPPLIES', policy).map((line) => line.num * 100n / line.den)).toEqual([50n, 120n])
    expect(formatCoefficient(decimal('0.3996'), 'SUPPLIES', policy).display).toBe('0.40') // no line there now
    expect(formatCoefficient(decimal('0.4996'), 'SUPPLIES', policy).display).toBe('0.49')
    expect(formatCoefficient(decimal('1.1996'), 'SUPPLIES', policy).display).toBe('1.19')
  })

  it('rounds up when rounding down would fall below a line with more decimals than the figure', () => {
    // 0.4041 is at or above 0.404; "0.40" would be below it.
    expect(bandSafeFixed(decimal('0.4041'), 2, [decimal('0.404')])).toBe('0.41')
    expect(bandSafeFixed(decimal('0.4039'), 2, [decimal('0.404')])).toBe('0.40')
  })

  it('gives more decimals when two lines are closer than the figure’s last decimal', () => {
    // Between 0.401 and 0.405: 0.40 is below the first line, 0.41 above the second.
    expect(bandSafeFixed(decimal('0.403'), 2, [decimal('0.401'), decimal('0.405')])).toBe('0.403')
  })

  it('rounds negative values half away from zero when no line is near (changes are not banded)', () => {
    expect(bandSafeFixed(decimal('-2.015'), 2, [])).toBe('-2.02')
    // -0.4004 is below a line at -0.40; "-0.40" is on it, so above: rounded down (away from zero) instead.
    expect(bandSafeFixed(decimal('-0.4004'), 2, [decimal('-0.40')])).toBe('-0.41')
    expect(bandSafeFixed(decimal('-0.3996'), 2, [decimal('-0.40')])).toBe('-0.40')
  })
})
