// Shared set-up of the return arithmetic's tests: a few member countries, and short ways to write
// contract aggregates and contribution scales.
import type { Category } from './bands.ts'
import type { ContractAggregate, CountryInfo, ReturnReport } from './coefficients.ts'
import type { ContributionScale } from './contribution-share.ts'

export const member = (code: string): CountryInfo => ({ code, name: code, membership: 'MEMBER' })
export const COUNTRIES: CountryInfo[] = [
  member('CH'),
  member('DE'),
  member('FR'),
  member('SK'),
  { code: 'US', name: 'United States', membership: 'OTHER' },
]

export const contract = (year: number, countryCode: string, valueChfMinor: number, category: Category = 'SUPPLIES'): ContractAggregate => ({
  year,
  countryCode,
  category,
  valueChfMinor,
})
export const scale = (year: number, percents: Record<string, string>, budgetChfMinor: number | null = null): ContributionScale => ({
  year,
  budgetChfMinor,
  shares: Object.entries(percents).map(([countryCode, percent]) => ({ countryCode, percent })),
})
export const row = (report: ReturnReport, code: string) => {
  const found = report.rows.find((r) => r.countryCode === code)
  if (!found) throw new Error(`no row for ${code}`)
  return found
}

/** One aggregate per country for a year: `contractsIn(2021, { FR: 120, DE: 480 })`. */
export const contractsIn = (year: number, values: Record<string, number>, category: Category = 'SUPPLIES'): ContractAggregate[] =>
  Object.entries(values).map(([countryCode, value]) => contract(year, countryCode, value, category))
