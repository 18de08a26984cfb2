/**
 * Each Associate Member State's position against its ceiling for a year (issue 13.7), as the pages and
 * the filing form show it. Client-safe: computed from the same inputs as every other figure.
 */
import { ceilingPositions } from '../arithmetic/ams-ceiling.ts'
import { CATEGORIES, type Category } from '../arithmetic/bands.ts'
import type { ContractAggregate, CountryInfo } from '../arithmetic/coefficients.ts'
import { bandSafeFixed } from '../arithmetic/coefficient-format.ts'
import type { ContributionScale } from '../arithmetic/contribution-share.ts'
import type { BandPolicy } from '../arithmetic/bands.ts'
import { toFixedString } from '../arithmetic/rational.ts'

export interface AmsCeilingRow {
  countryCode: string
  name: string
  year: number
  ceiling: string
  /** Per category: the year's coefficient in 2 decimals (never shown on the other side of the ceiling) and 4, or null. */
  coefficients: Record<Category, { display: string; precise: string; reached: boolean } | null>
  /** The categories in which it has reached its ceiling for the year. */
  reachedIn: Category[]
}

export function amsCeilingRows(
  inputs: { contracts: readonly ContractAggregate[]; scales: readonly ContributionScale[]; countries: readonly CountryInfo[]; bandPolicy: BandPolicy },
  year: number,
): AmsCeilingRow[] {
  const byCategory = CATEGORIES.map((category) => [category, ceilingPositions({ ...inputs, category }, year)] as const)
  const supplies = byCategory[0]![1]
  return supplies.map((position) => {
    const coefficients = Object.fromEntries(
      byCategory.map(([category, positions]) => {
        const p = positions.find((q) => q.countryCode === position.countryCode)
        return [category, p?.coefficient ? { display: bandSafeFixed(p.coefficient, 2, [p.ceiling]), precise: bandSafeFixed(p.coefficient, 4, [p.ceiling]), reached: p.reached } : null]
      }),
    ) as AmsCeilingRow['coefficients']
    return {
      countryCode: position.countryCode,
      name: position.name,
      year,
      ceiling: toFixedString(position.ceiling, 2),
      coefficients,
      reachedIn: CATEGORIES.filter((category) => coefficients[category]?.reached),
    }
  })
}
