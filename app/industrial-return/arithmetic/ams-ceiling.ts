/**
 * Each Associate Member State's position against its ceiling for one calendar year (issue 13.7), pure.
 *
 * The position is the country's coefficient for that year alone (its contracts of the year and category
 * over its share of that year's contributions), measured before the ceiling cuts it. It has reached its
 * ceiling when that coefficient is at or above it: from then on, more contracts do not count for its return.
 */
import type { Category } from './bands.ts'
import { computeReturnCoefficients, membershipOfYear, type ReturnInputs } from './coefficients.ts'
import { compare, decimal, type Rational } from './rational.ts'
import { calendarWindow } from './window.ts'

export interface CeilingPosition {
  countryCode: string
  name: string
  year: number
  category: Category
  ceiling: Rational
  /** Null when there is nothing to measure (no contribution in the year's scale, or no contract of the category that year). */
  coefficient: Rational | null
  reached: boolean
}

/** Every country that is an Associate in `year` and has a ceiling for it, by code. */
export function ceilingPositions(inputs: Omit<ReturnInputs, 'window'>, year: number): CeilingPosition[] {
  const report = computeReturnCoefficients({ ...inputs, window: calendarWindow(year, year) })
  const byCode = new Map(report.rows.map((row) => [row.countryCode, row]))
  return inputs.countries
    .filter((country) => membershipOfYear(country, year) === 'ASSOCIATE' && country.returnCeilingByYear?.[year] != null)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((country) => {
      const ceiling = decimal(country.returnCeilingByYear![year]!)
      const coefficient = byCode.get(country.code)?.uncappedCoefficient ?? null
      return {
        countryCode: country.code,
        name: country.name,
        year,
        category: inputs.category,
        ceiling,
        coefficient,
        reached: coefficient !== null && compare(coefficient, ceiling) >= 0,
      }
    })
}
