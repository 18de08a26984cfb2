import { describe, expect, it } from 'vitest'
import { DEFAULT_BAND_POLICY } from './bands.ts'
import { compareWindows, computeReturnCoefficients, mostImbalanced } from './coefficients.ts'
import { rational } from './rational.ts'
import { calendarWindow, previousWindow } from './window.ts'
import { COUNTRIES, contractsIn, member, scale } from './coefficients-test-support.ts'

describe('mostImbalanced', () => {
  it('lists the lowest coefficients first, ties by code, members only', () => {
    // Eight members at 12.5 % each; coefficient = value / total / 0.125. US (non-member) has the least but no coefficient.
    const codes = ['AT', 'BE', 'CZ', 'DK', 'FI', 'GR', 'HU', 'IT']
    const report = computeReturnCoefficients({
      window: calendarWindow(2023, 2023),
      category: 'SUPPLIES',
      bandPolicy: DEFAULT_BAND_POLICY,
      countries: [...codes.map(member), { code: 'US', name: 'United States', membership: 'OTHER' }],
      scales: [scale(2023, Object.fromEntries(codes.map((c) => [c, '12.5'])))],
      // BE and AT tie at 0; then CZ 100, DK 100 (tie), FI 200, GR 300, HU 400, IT 900
      contracts: contractsIn(2023, { CZ: 100, DK: 100, FI: 200, GR: 300, HU: 400, IT: 900, US: 1 }),
    })
    expect(mostImbalanced(report.rows).map((r) => r.countryCode)).toEqual(['AT', 'BE', 'CZ', 'DK', 'FI', 'GR'])
    expect(mostImbalanced(report.rows, 2).map((r) => r.countryCode)).toEqual(['AT', 'BE'])
  })
})

/*
 * Scale every year: FR 40, DE 40, CH 20 (no budgets). Current window 2023-2024, previous 2021-2022.
 * Previous (2021): FR 120, DE 480, CH 400 -> FR 0.12/0.4 = 0.30 VERY_POORLY; DE 1.20 WELL; CH 2.00 WELL
 * Current  (2023): FR 400, DE 100, CH 500 -> FR 1.00 WELL; DE 0.25 VERY_POORLY; CH 2.50 WELL
 */
describe('compareWindows', () => {
  const window = calendarWindow(2023, 2024)
  const base = {
    category: 'SUPPLIES' as const,
    bandPolicy: DEFAULT_BAND_POLICY,
    countries: COUNTRIES,
    scales: [2021, 2022, 2023, 2024].map((y) => scale(y, { FR: '40', DE: '40', CH: '20' })),
    contracts: [...contractsIn(2021, { FR: 120, DE: 480, CH: 400 }), ...contractsIn(2023, { FR: 400, DE: 100, CH: 500 })],
  }
  const current = computeReturnCoefficients({ ...base, window })
  const previous = computeReturnCoefficients({ ...base, window: previousWindow(window) })

  it('gives the change of coefficient and the crossings of the very poorly line', () => {
    const changes = compareWindows(current, previous)
    expect(changes.find((c) => c.countryCode === 'FR')).toMatchObject({
      previous: rational(3n, 10n),
      current: rational(1n),
      delta: rational(7n, 10n),
      deltaDisplay: 0.7,
      previousBand: 'VERY_POORLY',
      currentBand: 'WELL',
      veryPoorly: 'LEFT_VERY_POORLY',
    })
    expect(changes.find((c) => c.countryCode === 'DE')).toMatchObject({
      delta: rational(-19n, 20n),
      deltaDisplay: -0.95,
      veryPoorly: 'ENTERED_VERY_POORLY',
    })
    expect(changes.find((c) => c.countryCode === 'CH')).toMatchObject({ delta: rational(1n, 2n), veryPoorly: null })
    expect(changes.find((c) => c.countryCode === 'US')).toMatchObject({ delta: null, deltaDisplay: null, veryPoorly: null })
  })

  it('refuses to compare supplies with services', () => {
    expect(() => compareWindows(current, computeReturnCoefficients({ ...base, window, category: 'SERVICES' }))).toThrow()
  })
})
