/**
 * The industrial return for one window and category, computed from what return-inputs.server.ts
 * reads (the rollup, not the ledger): the report every page, export, alert and email starts from.
 */
import type { Category } from '../arithmetic/bands.ts'
import { computeReturnCoefficients, type ContractAggregate, type CountryInfo, type ReturnReport } from '../arithmetic/coefficients.ts'
import type { ContributionScale } from '../arithmetic/contribution-share.ts'
import type { ReturnPolicy } from '../return-policy.ts'
import type { CalendarWindow } from '../arithmetic/window.ts'

export interface StoredScale extends ContributionScale {
  budgetChfMinor: number | null
  source: string
  isDemo: boolean
}

export interface RollupLike {
  year: number
  category: Category
  countryCode: string
  valueChfMinor: number
  contractCount: number
}

export interface ReturnInputs {
  policy: ReturnPolicy
  countries: CountryInfo[]
  scales: StoredScale[]
  rollup: RollupLike[]
  /** ISO date in the organisation's time zone. */
  today: string
  statusYear: number
}

export function computeReport(inputs: ReturnInputs, window: CalendarWindow, category: Category): ReturnReport {
  const contracts: ContractAggregate[] = inputs.rollup
  return computeReturnCoefficients({ contracts, scales: inputs.scales, window, category, bandPolicy: inputs.policy.bands, countries: inputs.countries })
}
