/**
 * Which registered suppliers a filing is shown (client-safe, pure; ADR 044): when the supplier named
 * is established in a country well balanced in the justification's category, the registered
 * suppliers established in a very poorly balanced country (supplies: the only category with that
 * band) with the same activity code, other than the supplier named. Without an activity code, or
 * when the supplier's country is not well balanced (or has no coefficient), none.
 */
import type { Band, Category } from '../arithmetic/bands.ts'
import { projectFilingCoefficient, type FilingTimeReturn } from '../views/filing-time.ts'
import { normaliseSupplierName } from './normalise-supplier-name'

export interface RegisteredSupplier {
  name: string
  normalizedName: string
  establishmentCountryCode: string
  originCountryCodes: string[]
  activityCodes: string[]
}

export interface SuggestionBands {
  /** The band of a country in a category now, null without a coefficient. */
  bandOf: (countryCode: string, category: Category) => Band | null
  veryPoorlyCountryCodes: readonly string[]
}

export interface SuggestedSupplier {
  name: string
  countryCode: string
}

export function suggestAlternativeSuppliers(
  filing: { supplierName: string; supplierCountryCode: string; category: Category; activityCode?: string | null | undefined },
  bands: SuggestionBands,
  candidates: readonly RegisteredSupplier[],
): SuggestedSupplier[] {
  const activity = filing.activityCode?.trim().toUpperCase()
  if (!activity) return []
  const country = filing.supplierCountryCode.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(country) || bands.bandOf(country, filing.category) !== 'WELL') return []
  const named = normaliseSupplierName(filing.supplierName)
  return candidates
    .filter((s) => s.activityCodes.includes(activity) && bands.veryPoorlyCountryCodes.includes(s.establishmentCountryCode) && s.normalizedName !== named)
    .map((s) => ({ name: s.name, countryCode: s.establishmentCountryCode }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.countryCode.localeCompare(b.countryCode))
}

/** The bands as the filing-time panel reads them (the same data, in the browser and on the server). */
export function suggestionBandsOf(data: FilingTimeReturn): SuggestionBands {
  return {
    bandOf: (countryCode, category) => (data.computable ? projectFilingCoefficient(data, { countryCode, category, amountChfMinor: null }).bandBefore : null),
    veryPoorlyCountryCodes: data.veryPoorly.map((c) => c.countryCode),
  }
}

/** What the form needs to suggest: the candidates (suppliers in very poorly balanced countries) and every activity code of the register. */
export interface SupplierRegisterForFiling {
  activityCodes: string[]
  candidates: RegisteredSupplier[]
}
