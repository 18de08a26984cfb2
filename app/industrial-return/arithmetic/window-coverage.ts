/**
 * Which years of a window hold what a coefficient is computed from (pure): a contribution scale, and
 * contracts of the category. A window with gaps gives coefficients of its other years only, so a
 * change measured against it says more about the gap than about the country (2017–2020 with data
 * for 2020 only made Greece read -2.02): the dashboard shows no change then, and says why.
 */
import type { Category } from './bands.ts'
import type { ContractAggregate } from './coefficients.ts'
import type { ContributionScale } from './contribution-share.ts'
import { windowYears, type CalendarWindow } from './window.ts'

export interface WindowCoverage {
  window: CalendarWindow
  /** Years of the window without a contribution scale. */
  missingScaleYears: number[]
  /** Years of the window without any contract of the category (of any country, members or not). */
  missingContractYears: number[]
}

export function windowCoverage(
  contracts: readonly Pick<ContractAggregate, 'year' | 'category' | 'valueChfMinor'>[],
  scales: readonly Pick<ContributionScale, 'year'>[],
  window: CalendarWindow,
  category: Category,
): WindowCoverage {
  const scaleYears = new Set(scales.map((scale) => scale.year))
  const contractYears = new Set(contracts.filter((row) => row.category === category && row.valueChfMinor > 0).map((row) => row.year))
  const years = windowYears(window)
  return {
    window,
    missingScaleYears: years.filter((year) => !scaleYears.has(year)),
    missingContractYears: years.filter((year) => !contractYears.has(year)),
  }
}

export const isComplete = (coverage: WindowCoverage): boolean => coverage.missingScaleYears.length === 0 && coverage.missingContractYears.length === 0
