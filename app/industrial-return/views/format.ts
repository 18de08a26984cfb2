/** Display helpers shared by the industrial return's pages (client-safe). */
import type { Category } from '../arithmetic/bands.ts'
import type { ContributionMethod } from '../arithmetic/contribution-share.ts'

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
