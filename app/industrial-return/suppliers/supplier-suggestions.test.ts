import { describe, expect, it } from 'vitest'
import type { Band, Category } from '../arithmetic/bands.ts'
import { suggestAlternativeSuppliers, type RegisteredSupplier, type SuggestionBands } from './supplier-suggestions'

// Hand-set bands: Germany well balanced in both categories, Switzerland poorly for supplies and
// well for services, Portugal and Lithuania very poorly balanced (supplies), the US without a coefficient.
const table: Record<string, Partial<Record<Category, Band>>> = {
  DE: { SUPPLIES: 'WELL', SERVICES: 'WELL' },
  CH: { SUPPLIES: 'POORLY', SERVICES: 'WELL' },
  PT: { SUPPLIES: 'VERY_POORLY', SERVICES: 'POORLY' },
  LT: { SUPPLIES: 'VERY_POORLY', SERVICES: 'POORLY' },
}
const bands: SuggestionBands = { bandOf: (code, category) => table[code]?.[category] ?? null, veryPoorlyCountryCodes: ['PT', 'LT'] }

const supplier = (name: string, normalizedName: string, establishmentCountryCode: string, activityCodes: string[]): RegisteredSupplier => ({
  name,
  normalizedName,
  establishmentCountryCode,
  originCountryCodes: [establishmentCountryCode],
  activityCodes,
})
const register = [
  supplier('Vilnius Vacuum UAB', 'vilnius vacuum uab', 'LT', ['38000000']),
  supplier('Lisboa Vácuo Lda', 'lisboa vacuo', 'PT', ['38000000', '42000000']),
  supplier('Porto Magnets SA', 'porto magnets', 'PT', ['31000000']),
  supplier('Berlin Vakuum GmbH', 'berlin vakuum', 'DE', ['38000000']),
]

describe('suggestAlternativeSuppliers', () => {
  it('a supplier in a well balanced country: the registered ones in very poorly balanced countries with the same activity, by name', () => {
    expect(suggestAlternativeSuppliers({ supplierName: 'Berlin Vakuum GmbH', supplierCountryCode: 'DE', category: 'SUPPLIES', activityCode: '38000000' }, bands, register)).toEqual([
      { name: 'Lisboa Vácuo Lda', countryCode: 'PT' },
      { name: 'Vilnius Vacuum UAB', countryCode: 'LT' },
    ])
    expect(suggestAlternativeSuppliers({ supplierName: 'Other', supplierCountryCode: 'de', category: 'SUPPLIES', activityCode: '42000000' }, bands, register)).toEqual([{ name: 'Lisboa Vácuo Lda', countryCode: 'PT' }])
  })

  it('the band is the one of the justification’s category', () => {
    const filing = { supplierName: 'Zürich Vakuum AG', supplierCountryCode: 'CH', activityCode: '38000000' }
    expect(suggestAlternativeSuppliers({ ...filing, category: 'SUPPLIES' }, bands, register)).toEqual([])
    expect(suggestAlternativeSuppliers({ ...filing, category: 'SERVICES' }, bands, register)).toHaveLength(2)
  })

  it('none without an activity code, for a country not well balanced or without a coefficient, or when no one else has the activity', () => {
    expect(suggestAlternativeSuppliers({ supplierName: 'X', supplierCountryCode: 'DE', category: 'SUPPLIES' }, bands, register)).toEqual([])
    expect(suggestAlternativeSuppliers({ supplierName: 'X', supplierCountryCode: 'PT', category: 'SUPPLIES', activityCode: '38000000' }, bands, register)).toEqual([])
    expect(suggestAlternativeSuppliers({ supplierName: 'X', supplierCountryCode: 'US', category: 'SUPPLIES', activityCode: '38000000' }, bands, register)).toEqual([])
    expect(suggestAlternativeSuppliers({ supplierName: 'X', supplierCountryCode: 'DE', category: 'SUPPLIES', activityCode: '99000000' }, bands, register)).toEqual([])
  })

  it('never suggests the supplier named itself, however its name is spelt', () => {
    expect(suggestAlternativeSuppliers({ supplierName: 'LISBOA-VACUO, LDA.', supplierCountryCode: 'DE', category: 'SUPPLIES', activityCode: '42000000' }, bands, register)).toEqual([])
  })
})
