import { describe, expect, test } from 'vitest'
import { countryName } from './country-names'

describe('country names in the reader language', () => {
  test('English keeps the stored name; French takes the region name', () => {
    expect(countryName('GB', 'United Kingdom', 'en')).toBe('United Kingdom')
    expect(countryName('CZ', 'Czech Republic', 'en')).toBe('Czech Republic')
    expect(countryName('DE', 'Germany', 'fr')).toBe('Allemagne')
    expect(countryName('GB', 'United Kingdom', 'fr')).toBe('Royaume-Uni')
    expect(countryName('ch', 'Switzerland', 'fr')).toBe('Suisse')
  })

  test('a code that is no region keeps its stored name', () => {
    expect(countryName('XX', 'Unknown country', 'fr')).toBe('Unknown country')
    expect(countryName('not a code', 'Somewhere', 'fr')).toBe('Somewhere')
  })
})
