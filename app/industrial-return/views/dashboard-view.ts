/**
 * The dashboard table for a window and category: a row per country worth showing, sorted, with the
 * change against the previous window, the band thresholds, the most imbalanced countries and the
 * very-poorly trend. Plain JSON (numbers, strings): loaders hand it straight to the browser.
 */
import { thresholdsOf, type Band, type Category } from '../arithmetic/bands.ts'
import { compareWindows, mostImbalanced, type CountryReturn, type Membership, type NoCoefficientReason } from '../arithmetic/coefficients.ts'
import type { ContributionMethod } from '../arithmetic/contribution-share.ts'
import { toDisplayNumber, toFixedString, type Rational } from '../arithmetic/rational.ts'
import { formatWindow, previousWindow, windowContainsYear, type CalendarWindow } from '../arithmetic/window.ts'
import type { DashboardQuery } from './dashboard-query.ts'
import { computeReport, type ReturnInputs } from './return-report.ts'
import { sortCountryRows, type ExactFigures } from './sort-country-rows.ts'
import { veryPoorlyTrend, type TrendPoint } from './very-poorly-trend.ts'

export interface CountryRowView {
  countryCode: string
  name: string
  membership: Membership
  valueChfMinor: number
  contractCount: number
  contractSharePercent: number
  contributionSharePercent: number
  /** Two decimals, as text ("0.38"); null when the country has no coefficient. */
  coefficient: string | null
  coefficientValue: number | null
  band: Band | null
  noCoefficientReason: NoCoefficientReason | null
  previousCoefficient: string | null
  change: string | null
  changeValue: number | null
  previousBand: Band | null
}

export interface DashboardView {
  query: DashboardQuery
  windowLabel: string
  previousWindowLabel: string
  isDefaultWindow: boolean
  statusYear: number
  contributionMethod: ContributionMethod
  scaleYears: { year: number; isDemo: boolean; source: string; hasBudget: boolean }[]
  missingScaleYears: number[]
  totalValueChfMinor: number
  contractCount: number
  rows: CountryRowView[]
  thresholds: { band: Band; below: number; label: string }[]
  mostImbalanced: { countryCode: string; name: string; coefficient: string; band: Band | null }[]
  trend: TrendPoint[]
  policyVersion: string
  bandPolicyVersion: string
}

const fixed2 = (value: Rational | null) => (value ? toFixedString(value, 2) : null)

function nameOf(row: CountryReturn): string {
  return row.name ?? row.countryCode
}

function countsByCountry(inputs: ReturnInputs, window: CalendarWindow, category: Category): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of inputs.rollup) {
    if (row.category !== category || !windowContainsYear(window, row.year)) continue
    counts.set(row.countryCode, (counts.get(row.countryCode) ?? 0) + row.contractCount)
  }
  return counts
}

/** Countries worth a row: members and associates, and any other country with contracts in the window. */
const isShown = (row: CountryReturn) => row.membership !== 'OTHER' || row.valueChfMinor > 0

export function buildDashboard(inputs: ReturnInputs, query: DashboardQuery & { defaultWindow: CalendarWindow }): DashboardView {
  const { window, category } = query
  const report = computeReport(inputs, window, category)
  const before = previousWindow(window)
  const previous = computeReport(inputs, before, category)
  const changes = new Map(compareWindows(report, previous).map((change) => [change.countryCode, change]))
  const counts = countsByCountry(inputs, window, category)
  const exact: ExactFigures = new Map()

  const rows = report.rows.filter(isShown).map((row): CountryRowView => {
    const change = changes.get(row.countryCode)
    exact.set(row.countryCode, { coefficient: row.coefficient, delta: change?.delta ?? null })
    return {
      countryCode: row.countryCode,
      name: nameOf(row),
      membership: row.membership,
      valueChfMinor: row.valueChfMinor,
      contractCount: counts.get(row.countryCode) ?? 0,
      contractSharePercent: row.contractShare.percentDisplay,
      contributionSharePercent: row.contributionShare.percentDisplay,
      coefficient: fixed2(row.coefficient),
      coefficientValue: row.coefficient ? toDisplayNumber(row.coefficient, 4) : null,
      band: row.band,
      noCoefficientReason: row.noCoefficientReason,
      previousCoefficient: fixed2(change?.previous ?? null),
      change: change?.delta ? `${change.delta.num >= 0n ? '+' : ''}${toFixedString(change.delta, 2)}` : null,
      changeValue: change?.deltaDisplay ?? null,
      previousBand: change?.previousBand ?? null,
    }
  })

  const scaleYears = inputs.scales
    .filter((scale) => windowContainsYear(window, scale.year))
    .map((scale) => ({ year: scale.year, isDemo: scale.isDemo, source: scale.source, hasBudget: (scale.budgetChfMinor ?? 0) > 0 }))

  return {
    query: { window, category, sort: query.sort, direction: query.direction },
    windowLabel: formatWindow(window),
    previousWindowLabel: formatWindow(before),
    isDefaultWindow: window.fromYear === query.defaultWindow.fromYear && window.toYear === query.defaultWindow.toYear,
    statusYear: inputs.statusYear,
    contributionMethod: report.contributionMethod,
    scaleYears,
    missingScaleYears: report.missingScaleYears,
    totalValueChfMinor: report.totalValueChfMinor,
    contractCount: [...counts.values()].reduce((a, b) => a + b, 0),
    rows: sortCountryRows(rows, exact, query.sort, query.direction),
    thresholds: thresholdsOf(category, inputs.policy.bands).map(({ band, below }) => ({ band, below: toDisplayNumber(below, 4), label: toFixedString(below, 2) })),
    mostImbalanced: mostImbalanced(report.rows, 6).map((row) => ({ countryCode: row.countryCode, name: nameOf(row), coefficient: fixed2(row.coefficient) ?? '', band: row.band })),
    trend: veryPoorlyTrend(inputs, 10),
    policyVersion: inputs.policy.version,
    bandPolicyVersion: inputs.policy.bands.version,
  }
}
