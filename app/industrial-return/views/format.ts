/** Display helpers shared by the industrial return's pages (client-safe). */
import type { Category } from '../arithmetic/bands.ts'
import type { ContributionMethod } from '../arithmetic/contribution-share.ts'
import type { WindowCoverage } from '../arithmetic/window-coverage.ts'
import { formatWindow } from '../arithmetic/window.ts'

export const CATEGORY_LABELS: Record<Category, string> = { SUPPLIES: 'supplies', SERVICES: 'services' }

export const formatPercent = (value: number, decimals = 2) => `${value.toFixed(decimals)}%`

export function describeMethod(method: ContributionMethod): string {
  return method === 'BUDGET_WEIGHTED'
    ? 'Contribution shares are budget-weighted: each year’s percentages count in proportion to that year’s budget.'
    : 'Contribution shares are the plain mean of the yearly percentages (a budget is unknown for at least one year of the window).'
}

export const NO_COEFFICIENT_REASONS = {
  NOT_A_MEMBER: 'not a Member or Associate Member State (counts in the totals only)',
  NO_CONTRIBUTION: 'no contribution in the window',
  NO_CONTRACTS_IN_WINDOW: 'no contract of this category in the window',
} as const

/** "2018, 2019 and 2021". */
export function listYears(years: readonly number[]): string {
  if (years.length <= 1) return years.join('')
  return `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`
}

/** What a window lacks, in words; null when it lacks nothing. */
export function describeGaps(coverage: WindowCoverage, categoryLabel: string): string | null {
  const gaps = [
    coverage.missingScaleYears.length ? `no contribution scale for ${listYears(coverage.missingScaleYears)}` : null,
    coverage.missingContractYears.length ? `no contract of ${categoryLabel} in ${listYears(coverage.missingContractYears)}` : null,
  ].filter((gap): gap is string => gap !== null)
  return gaps.length ? `${formatWindow(coverage.window)} has ${gaps.join(', and ')}` : null
}

/** Why the Change column shows no change. */
export function describeChangeWithheld(withheld: { current: WindowCoverage; previous: WindowCoverage }, categoryLabel: string): string {
  const gaps = [describeGaps(withheld.previous, categoryLabel), describeGaps(withheld.current, categoryLabel)].filter((gap): gap is string => gap !== null)
  return `No change is shown against ${formatWindow(withheld.previous.window)}: ${gaps.join('; ')}. A change measured across missing years would show the gap, not the country.`
}
