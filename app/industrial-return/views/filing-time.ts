/**
 * "At filing time" (client-safe, no server imports): from the data `loadFilingTimeReturn` prepares,
 * the band of the chosen country and the coefficient this one contract would move it to.
 */
import type { Band, BandPolicy, Category } from '../arithmetic/bands.ts'
import type { ContractAggregate, CountryInfo } from '../arithmetic/coefficients.ts'
import type { ContributionScale } from '../arithmetic/contribution-share.ts'
import { projectCoefficient } from '../arithmetic/projection.ts'
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import type { CalendarWindow } from '../arithmetic/window.ts'
import type { AmsCeilingRow } from './ams-ceilings.ts'

export interface FilingTimeReturn {
  statusYear: number
  window: CalendarWindow
  /** "2022–2025". */
  windowLabel: string
  bandPolicy: BandPolicy
  countries: CountryInfo[]
  scales: ContributionScale[]
  /** Contract values of the window per (year, country, category). */
  contracts: ContractAggregate[]
  /** Supplies, current window, lowest coefficient first. */
  veryPoorly: { countryCode: string; name: string; coefficient: string }[]
  /** False when no scale or no contract covers the window: no coefficient can be computed. */
  computable: boolean
  /** Some figures of the window are demo data (labelled so). */
  includesDemoData: boolean
  /** The calendar year a contract filed today would count in, and the Associates that have reached their ceiling for it (issue 13.7). */
  ceilingYear: number
  atCeiling: AmsCeilingRow[]
}

/** The Associate the contract would go to, when it has reached its ceiling for the year in that category (or in any, before one is chosen). */
export function ceilingReachedFor(data: Pick<FilingTimeReturn, 'atCeiling'>, countryCode: string, category: Category | null | undefined): AmsCeilingRow | null {
  const code = countryCode.trim().toUpperCase()
  const row = data.atCeiling.find((r) => r.countryCode === code)
  if (!row) return null
  return category ? (row.reachedIn.includes(category) ? row : null) : row
}

export interface FilingProjection {
  countryCode: string
  countryName: string | null
  category: Category
  bandBefore: Band | null
  bandAfter: Band | null
  /** Two decimals as text, never across a band line; null when the country has no coefficient (not a member, no contribution). */
  coefficientBefore: string | null
  coefficientAfter: string | null
}

export function projectFilingCoefficient(
  data: FilingTimeReturn,
  { countryCode, category, amountChfMinor }: { countryCode: string; category: Category; amountChfMinor: number | null },
): FilingProjection {
  const code = countryCode.trim().toUpperCase()
  const addValueChfMinor = amountChfMinor !== null && Number.isSafeInteger(amountChfMinor) && amountChfMinor > 0 ? amountChfMinor : 0
  const projection = projectCoefficient(
    { contracts: data.contracts, scales: data.scales, window: data.window, bandPolicy: data.bandPolicy, countries: data.countries },
    { countryCode: code, category, addValueChfMinor },
  )
  return {
    countryCode: code,
    countryName: data.countries.find((c) => c.code === code)?.name ?? null,
    category,
    bandBefore: projection.before.band,
    bandAfter: projection.after.band,
    coefficientBefore: projection.before.coefficient && formatCoefficient(projection.before.coefficient, category, data.bandPolicy).display,
    coefficientAfter: projection.after.coefficient && formatCoefficient(projection.after.coefficient, category, data.bandPolicy).display,
  }
}

export interface WellBalancedCountries {
  SUPPLIES: string[]
  SERVICES: string[]
}

/** Whether a justification's contract would go to a country already well balanced in its category. */
export function goesToWellBalancedCountry(
  wellBalanced: WellBalancedCountries,
  justification: { category: Category; supplierCountryCode: string; originCountryCode: string | null },
): boolean {
  const code = justification.category === 'SUPPLIES' ? (justification.originCountryCode ?? justification.supplierCountryCode) : justification.supplierCountryCode
  return wellBalanced[justification.category].includes(code)
}

