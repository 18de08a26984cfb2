/**
 * "At filing time": the coefficient and band a country WOULD have if one more contract went to it.
 * The contract is added to the country AND to the total of its category, so every share moves;
 * it is placed in the last year of the window, so it counts under that year's membership and Associate
 * ceiling (membership.ts); for a member without a ceiling, any year of the window gives the same result.
 */
import type { Band, Category } from './bands.ts'
import { computeReturnCoefficients, type CountryReturn, type ReturnInputs } from './coefficients.ts'
import type { Rational } from './rational.ts'

export interface ProposedContract {
  countryCode: string
  category: Category
  /** Non-negative integer, CHF centimes (the CHF equivalent of the justification's amount). */
  addValueChfMinor: number
}

export interface CoefficientProjection {
  countryCode: string
  category: Category
  /** Null when the country has no coefficient either way (not a member, no contribution). */
  before: { coefficient: Rational | null; coefficientDisplay: number | null; band: Band | null }
  after: { coefficient: Rational | null; coefficientDisplay: number | null; band: Band | null }
}

const pick = (row: CountryReturn | undefined) => ({
  coefficient: row?.coefficient ?? null,
  coefficientDisplay: row?.coefficientDisplay ?? null,
  band: row?.band ?? null,
})

export function projectCoefficient(inputs: Omit<ReturnInputs, 'category'>, proposed: ProposedContract): CoefficientProjection {
  const { countryCode, category, addValueChfMinor } = proposed
  const base: ReturnInputs = { ...inputs, category }
  const withContract: ReturnInputs = {
    ...base,
    contracts: [...inputs.contracts, { year: inputs.window.toYear, countryCode, category, valueChfMinor: addValueChfMinor }],
  }
  const rowOf = (inputs: ReturnInputs) => computeReturnCoefficients(inputs).rows.find((row) => row.countryCode === countryCode)
  return { countryCode, category, before: pick(rowOf(base)), after: pick(rowOf(withContract)) }
}
