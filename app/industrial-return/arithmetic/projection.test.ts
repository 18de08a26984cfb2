import { describe, expect, it } from 'vitest'
import { DEFAULT_BAND_POLICY } from './bands.ts'
import type { ContractAggregate, CountryInfo } from './coefficients.ts'
import { projectCoefficient } from './projection.ts'
import { rational } from './rational.ts'
import { calendarWindow } from './window.ts'

const member = (code: string): CountryInfo => ({ code, name: code, membership: 'MEMBER' })
const supplies = (countryCode: string, valueChfMinor: number): ContractAggregate => ({
  year: 2023,
  countryCode,
  category: 'SUPPLIES',
  valueChfMinor,
})

// 2023 scale FR 45, DE 40, CH 10, SK 5; supplies FR 3000, DE 4000, CH 400, US 2600 -> total 10 000.
const INPUTS = {
  window: calendarWindow(2022, 2023),
  bandPolicy: DEFAULT_BAND_POLICY,
  countries: [member('CH'), member('DE'), member('FR'), member('SK'), { code: 'US', name: 'United States', membership: 'OTHER' as const }],
  scales: [
    {
      year: 2023,
      shares: Object.entries({ FR: '45', DE: '40', CH: '10', SK: '5' }).map(([countryCode, percent]) => ({ countryCode, percent })),
    },
  ],
  contracts: [supplies('FR', 3000), supplies('DE', 4000), supplies('CH', 400), supplies('US', 2600)],
}

describe('projectCoefficient', () => {
  it('moves a very poorly balanced country with the contract it would receive', () => {
    // SK: 0 -> 1000 of 11 000 = 1/11, / 0.05 = 20/11 = 1.82
    const projection = projectCoefficient(INPUTS, { countryCode: 'SK', category: 'SUPPLIES', addValueChfMinor: 1000 })
    expect(projection.before).toEqual({ coefficient: rational(0n), coefficientDisplay: 0, band: 'VERY_POORLY' })
    expect(projection.after).toEqual({ coefficient: rational(20n, 11n), coefficientDisplay: 1.82, band: 'WELL' })
  })

  it('grows the denominator too', () => {
    // CH: 500 of 10 100 = 5/101, / 0.1 = 50/101 (0.495), not 500/10 000 / 0.1 = 0.5
    const projection = projectCoefficient(INPUTS, { countryCode: 'CH', category: 'SUPPLIES', addValueChfMinor: 100 })
    expect(projection.before.coefficient).toEqual(rational(2n, 5n))
    expect(projection.after).toEqual({ coefficient: rational(50n, 101n), coefficientDisplay: 0.5, band: 'POORLY' })
  })

  it('projects within the chosen category only', () => {
    // No services yet: before, no coefficient; after, FR holds all services: 1 / 0.45 = 20/9
    const projection = projectCoefficient(INPUTS, { countryCode: 'FR', category: 'SERVICES', addValueChfMinor: 700 })
    expect(projection.before).toEqual({ coefficient: null, coefficientDisplay: null, band: null })
    expect(projection.after).toEqual({ coefficient: rational(20n, 9n), coefficientDisplay: 2.22, band: 'WELL' })
  })

  it('gives no coefficient to a non-member or a country unknown to the list', () => {
    for (const countryCode of ['US', 'CN']) {
      const projection = projectCoefficient(INPUTS, { countryCode, category: 'SUPPLIES', addValueChfMinor: 1000 })
      expect(projection.after).toEqual({ coefficient: null, coefficientDisplay: null, band: null })
    }
  })

  it('does not change its inputs', () => {
    const before = structuredClone(INPUTS.contracts)
    projectCoefficient(INPUTS, { countryCode: 'SK', category: 'SUPPLIES', addValueChfMinor: 1 })
    expect(INPUTS.contracts).toEqual(before)
  })
})
