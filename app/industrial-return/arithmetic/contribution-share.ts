/**
 * Each country's share of contributions over a window of several years.
 *
 * - BUDGET_WEIGHTED when every year of the window has a scale with a known budget: the share of
 *   the money actually contributed over the window, sum(budget_y * pct_y) / sum(budget_y).
 * - PLAIN_MEAN otherwise: the mean of the yearly percentages over the years that HAVE a scale.
 *   Years without any scale are left out of the mean (averaging in a 0 would halve every share)
 *   and reported in `missingScaleYears` so the page can say so.
 * A country absent from a year's scale contributed 0 that year. Published percentages are used as
 * they are, not renormalised to exactly 100: they are what Council adopted.
 */
import { add, decimal, div, isZero, mul, rational, ZERO, type Rational } from './rational.ts'
import { windowContainsYear, windowYears, type CalendarWindow } from './window.ts'

export interface ScaleShare {
  countryCode: string
  /** Exact decimal string of a percentage, e.g. "20.8400". */
  percent: string
}

export interface ContributionScale {
  year: number
  /** Total budget contributed that year; null, absent or 0 when unknown. */
  budgetChfMinor?: number | null
  shares: readonly ScaleShare[]
}

export type ContributionMethod = 'BUDGET_WEIGHTED' | 'PLAIN_MEAN'

export interface WindowContributions {
  method: ContributionMethod
  /** Years of the window that have a scale (those the shares are computed from). */
  scaleYears: number[]
  missingScaleYears: number[]
  /** Fraction of 1 (not a percentage) per country code; countries with no contribution are absent. */
  shares: Map<string, Rational>
}

const HUNDRED = rational(100n)

function knownBudget(scale: ContributionScale): bigint | null {
  const budget = scale.budgetChfMinor
  if (budget === null || budget === undefined || budget === 0) return null
  if (!Number.isSafeInteger(budget) || budget < 0) {
    throw new RangeError(`Scale ${scale.year}: budget must be a non-negative integer of centimes, got ${budget}`)
  }
  return BigInt(budget)
}

function scalesByYear(scales: readonly ContributionScale[], window: CalendarWindow): Map<number, ContributionScale> {
  const byYear = new Map<number, ContributionScale>()
  for (const scale of scales) {
    if (!windowContainsYear(window, scale.year)) continue
    if (byYear.has(scale.year)) throw new Error(`Two contribution scales for ${scale.year}`)
    byYear.set(scale.year, scale)
  }
  return byYear
}

/** Percentages of one year's scale as fractions of 1. */
function yearFractions(scale: ContributionScale): Map<string, Rational> {
  const fractions = new Map<string, Rational>()
  for (const { countryCode, percent } of scale.shares) {
    if (fractions.has(countryCode)) throw new Error(`Scale ${scale.year}: ${countryCode} appears twice`)
    fractions.set(countryCode, div(decimal(percent), HUNDRED))
  }
  return fractions
}

export function contributionSharesOver(scales: readonly ContributionScale[], window: CalendarWindow): WindowContributions {
  const byYear = scalesByYear(scales, window)
  const years = windowYears(window)
  const scaleYears = years.filter((year) => byYear.has(year))
  const missingScaleYears = years.filter((year) => !byYear.has(year))
  const present = scaleYears.map((year) => byYear.get(year)).filter((s): s is ContributionScale => s !== undefined)
  const budgets = present.map(knownBudget)
  const budgetWeighted = missingScaleYears.length === 0 && budgets.every((b) => b !== null)

  // Weight of each year: its budget, or 1 for a plain mean; shares = sum(weight * fraction) / sum(weight).
  const weights = present.map((_, i) => rational(budgetWeighted ? (budgets[i] ?? 1n) : 1n))
  const totalWeight = weights.reduce(add, ZERO)
  const sums = new Map<string, Rational>()
  present.forEach((scale, i) => {
    const weight = weights[i] ?? ZERO
    for (const [code, fraction] of yearFractions(scale)) {
      sums.set(code, add(sums.get(code) ?? ZERO, mul(weight, fraction)))
    }
  })

  const shares = new Map<string, Rational>()
  if (!isZero(totalWeight)) {
    for (const [code, sum] of sums) if (!isZero(sum)) shares.set(code, div(sum, totalWeight))
  }
  return { method: budgetWeighted ? 'BUDGET_WEIGHTED' : 'PLAIN_MEAN', scaleYears, missingScaleYears, shares }
}
