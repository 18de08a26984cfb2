/**
 * The dashboard table for a window and category: a row per country worth showing, sorted, with the
 * change against the previous window, the band thresholds, the most imbalanced countries and the
 * very-poorly trend. Plain JSON (numbers, strings): loaders hand it straight to the browser.
 */
import { thresholdsOf, type Band, type Category } from '../arithmetic/bands.ts'
import { formatCoefficient, PRECISE_DECIMALS, DISPLAY_DECIMALS, type CoefficientFigures } from '../arithmetic/coefficient-format.ts'
import { compareWindows, mostImbalanced, type CountryReturn, type Membership, type NoCoefficientReason } from '../arithmetic/coefficients.ts'
import type { ContributionMethod } from '../arithmetic/contribution-share.ts'
import { toDisplayNumber, toFixedString, type Rational } from '../arithmetic/rational.ts'
import { isComplete, windowCoverage, type WindowCoverage } from '../arithmetic/window-coverage.ts'
import { formatWindow, previousWindow, windowContainsYear, type CalendarWindow } from '../arithmetic/window.ts'
import type { DashboardQuery } from './dashboard-query.ts'
import { computeReport, type ReturnInputs } from './return-report.ts'
import { sortCountryRows, type ExactFigures } from './sort-country-rows.ts'
import { veryPoorlyTrend, type TrendPoint } from './very-poorly-trend.ts'

export interface CountryRowView {
  countryCode: string
  name: string
  membership: Membership
  /** Years of the window it was not a member (its contracts there count in the totals only), and years cut at its Associate ceiling (ADR 042). */
  nonMemberYears: number[]
  cappedYears: number[]
  valueChfMinor: number
  contractCount: number
  contractSharePercent: number
  contributionSharePercent: number
  /** Two decimals, as text ("0.38"), never across a band line (0.3996 is "0.39"); null when the country has no coefficient. */
  coefficient: string | null
  /** Four decimals, likewise ("0.3996"): the hover, the accessible text and the CSV. */
  coefficientPrecise: string | null
  /** For the chart's bar lengths only. */
  coefficientValue: number | null
  band: Band | null
  noCoefficientReason: NoCoefficientReason | null
  /** Null as well when either window lacks scales or contracts for some years (`changeWithheld`). */
  previousCoefficient: string | null
  previousCoefficientPrecise: string | null
  /** Signed, two decimals ("+0.12"); four in `changePrecise`. */
  change: string | null
  changePrecise: string | null
  previousBand: Band | null
}

/** Why the Change column is empty: the windows compared, and what each lacks. */
export interface ChangeWithheld {
  current: WindowCoverage
  previous: WindowCoverage
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
  /** Null when the change against the previous window is shown; otherwise what the windows lack. */
  changeWithheld: ChangeWithheld | null
  thresholds: { band: Band; below: number; label: string }[]
  /** The category's bands, lowest first (services have no "very poorly balanced"). */
  bands: Band[]
  mostImbalanced: { countryCode: string; name: string; coefficient: string; coefficientPrecise: string; band: Band | null }[]
  trend: TrendPoint[]
  policyVersion: string
  bandPolicyVersion: string
}

const NO_FIGURES = { display: null, precise: null }
const signed = (value: Rational, decimals: number) => `${value.num >= 0n ? '+' : ''}${toFixedString(value, decimals)}`

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
  const coverage = { current: windowCoverage(inputs.rollup, inputs.scales, window, category), previous: windowCoverage(inputs.rollup, inputs.scales, before, category) }
  // A change against (or from) a window with gaps measures the gaps: none is shown then.
  const changeWithheld = isComplete(coverage.current) && isComplete(coverage.previous) ? null : coverage
  const changes = new Map(changeWithheld ? [] : compareWindows(report, previous).map((change) => [change.countryCode, change]))
  const figures = (value: Rational | null): CoefficientFigures | typeof NO_FIGURES => (value ? formatCoefficient(value, category, inputs.policy.bands) : NO_FIGURES)
  const counts = countsByCountry(inputs, window, category)
  const exact: ExactFigures = new Map()

  const rows = report.rows.filter(isShown).map((row): CountryRowView => {
    const change = changes.get(row.countryCode)
    const current = figures(row.coefficient)
    const previous = figures(change?.previous ?? null)
    exact.set(row.countryCode, { coefficient: row.coefficient, delta: change?.delta ?? null })
    return {
      countryCode: row.countryCode,
      name: nameOf(row),
      membership: row.membership,
      nonMemberYears: row.nonMemberYears,
      cappedYears: row.cappedYears,
      valueChfMinor: row.valueChfMinor,
      contractCount: counts.get(row.countryCode) ?? 0,
      contractSharePercent: row.contractShare.percentDisplay,
      contributionSharePercent: row.contributionShare.percentDisplay,
      coefficient: current.display,
      coefficientPrecise: current.precise,
      coefficientValue: row.coefficient ? toDisplayNumber(row.coefficient, PRECISE_DECIMALS) : null,
      band: row.band,
      noCoefficientReason: row.noCoefficientReason,
      previousCoefficient: previous.display,
      previousCoefficientPrecise: previous.precise,
      change: change?.delta ? signed(change.delta, DISPLAY_DECIMALS) : null,
      changePrecise: change?.delta ? signed(change.delta, PRECISE_DECIMALS) : null,
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
    changeWithheld,
    thresholds: thresholdsOf(category, inputs.policy.bands).map(({ band, below }) => ({ band, below: toDisplayNumber(below, 4), label: toFixedString(below, 2) })),
    bands: inputs.policy.bands[category].map((rule) => rule.band),
    mostImbalanced: mostImbalanced(report.rows, 6).map((row) => {
      const { display, precise } = figures(row.coefficient)
      return { countryCode: row.countryCode, name: nameOf(row), coefficient: display ?? '', coefficientPrecise: precise ?? '', band: row.band }
    }),
    trend: veryPoorlyTrend(inputs, 10),
    policyVersion: inputs.policy.version,
    bandPolicyVersion: inputs.policy.bands.version,
  }
}
