import { describe, expect, it } from 'vitest'
import { ceilingPositions } from './ams-ceiling.ts'
import { DEFAULT_BAND_POLICY } from './bands.ts'
import type { CountryInfo } from './coefficients.ts'
import { rational } from './rational.ts'
import { COUNTRIES, contractsIn, scale } from './coefficients-test-support.ts'

/*
 * 2024 scale: FR 50, DE 30, BR 10 (Associate from 13 March 2024), UA 10 (Associate).
 * Supplies 2024: FR 500, DE 300, BR 150, UA 50 -> 1000.
 *   BR 0.15 / 0.10 = 1.50 against a ceiling of 1.50 -> reached (at the ceiling counts as reached)
 *   UA 0.05 / 0.10 = 0.50 against 1.00 -> not reached
 * 2023: BR is not yet an Associate: no position, though it has a ceiling for 2023.
 */
const countries: CountryInfo[] = [
  ...COUNTRIES,
  { code: 'BR', name: 'Brazil', membership: 'ASSOCIATE', membershipByYear: { 2023: 'OTHER', 2024: 'ASSOCIATE' }, returnCeilingByYear: { 2023: '1.00', 2024: '1.50' } },
  { code: 'UA', name: 'Ukraine', membership: 'ASSOCIATE', returnCeilingByYear: { 2024: '1.00' } },
]
const inputs = {
  category: 'SUPPLIES' as const,
  bandPolicy: DEFAULT_BAND_POLICY,
  countries,
  scales: [scale(2023, { FR: '55', DE: '35', UA: '10' }), scale(2024, { FR: '50', DE: '30', BR: '10', UA: '10' })],
  contracts: [...contractsIn(2023, { FR: 600, DE: 400 }), ...contractsIn(2024, { FR: 500, DE: 300, BR: 150, UA: 50 })],
}

describe('ceilingPositions', () => {
  it('measures each Associate’s coefficient of the year against its ceiling; at the ceiling is reached', () => {
    expect(ceilingPositions(inputs, 2024)).toEqual([
      { countryCode: 'BR', name: 'Brazil', year: 2024, category: 'SUPPLIES', ceiling: rational(3n, 2n), coefficient: rational(3n, 2n), reached: true },
      { countryCode: 'UA', name: 'Ukraine', year: 2024, category: 'SUPPLIES', ceiling: rational(1n), coefficient: rational(1n, 2n), reached: false },
    ])
  })

  it('leaves out a year in which the country was not an Associate, or has no ceiling', () => {
    expect(ceilingPositions(inputs, 2023)).toEqual([])
  })

  it('has no coefficient, and nothing reached, in a year without contracts of the category', () => {
    expect(ceilingPositions({ ...inputs, category: 'SERVICES' }, 2024).map((p) => [p.countryCode, p.coefficient, p.reached])).toEqual([
      ['BR', null, false],
      ['UA', null, false],
    ])
  })
})
