/**
 * Pure views of the spread for pages, exports and emails: reports for a window and category,
 * the dashboard table (sorted, with the change against the previous window), the per-status-year
 * count of very poorly balanced countries, and a unit's spread against the organisation's.
 * Everything returned is plain JSON (numbers, strings): loaders hand it straight to the browser.
 */
import { thresholdsOf, type Band, type Category } from '../arithmetic/bands.ts'
import {
  compareWindows,
  computeReturnCoefficients,
  countVeryPoorly,
  mostImbalanced,
  type ContractAggregate,
  type CountryInfo,
  type CountryReturn,
  type Membership,
  type NoCoefficientReason,
  type ReturnReport,
} from '../arithmetic/coefficients.ts'
import type { ContributionMethod, ContributionScale } from '../arithmetic/contribution-share.ts'
import { targetCountFor, type ReturnPolicy } from '../return-policy.ts'
import { compare, toDisplayNumber, toFixedString, type Rational } from '../arithmetic/rational.ts'
import { calendarWindow, defaultWindowFor, formatWindow, previousWindow, windowContainsYear, type CalendarWindow } from '../arithmetic/window.ts'

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

export const SORT_KEYS = ['country', 'value', 'share', 'contribution', 'coefficient', 'change'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

export interface DashboardQuery {
  window: CalendarWindow
  category: Category
  sort: SortKey
  direction: SortDirection
}

export const MIN_YEAR = 1950
export const MAX_YEAR = 2200
export const MAX_WINDOW_YEARS = 25

/** Reads ?from=&to=&category=&sort=&dir= leniently: anything invalid falls back to the default. */
export function parseDashboardQuery(params: URLSearchParams, inputs: Pick<ReturnInputs, 'statusYear' | 'policy'>): DashboardQuery & { defaultWindow: CalendarWindow } {
  const defaultWindow = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const year = (name: string) => {
    const text = params.get(name) ?? ''
    const value = /^\d{4}$/.test(text) ? Number(text) : NaN
    return value >= MIN_YEAR && value <= MAX_YEAR ? value : null
  }
  const from = year('from')
  const to = year('to')
  const window = from !== null && to !== null && from <= to && to - from < MAX_WINDOW_YEARS ? calendarWindow(from, to) : defaultWindow
  const category = params.get('category') === 'SERVICES' ? 'SERVICES' : 'SUPPLIES'
  const sortParam = params.get('sort')
  const sort = (SORT_KEYS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortKey) : 'coefficient'
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc'
  return { window, category, sort, direction, defaultWindow }
}

export function computeReport(inputs: ReturnInputs, window: CalendarWindow, category: Category): ReturnReport {
  const contracts: ContractAggregate[] = inputs.rollup
  return computeReturnCoefficients({ contracts, scales: inputs.scales, window, category, bandPolicy: inputs.policy.bands, countries: inputs.countries })
}

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

export interface TrendPoint {
  statusYear: number
  window: string
  /** Null when no scale covers the window (no coefficient can be computed). */
  veryPoorlyCount: number | null
  target: number | null
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

const compareNullable = (a: number | null, b: number | null, direction: SortDirection): number => {
  if (a === null && b === null) return 0
  if (a === null) return 1 // countries without a figure go last either way
  if (b === null) return -1
  return direction === 'asc' ? a - b : b - a
}

function sortRows(rows: CountryRowView[], exact: Map<string, { coefficient: Rational | null; delta: Rational | null }>, sort: SortKey, direction: SortDirection): CountryRowView[] {
  const sign = direction === 'asc' ? 1 : -1
  const exactCompare = (a: Rational | null, b: Rational | null) => {
    if (a === null && b === null) return 0
    if (a === null) return 1
    if (b === null) return -1
    return sign * compare(a, b)
  }
  const byKey: Record<SortKey, (a: CountryRowView, b: CountryRowView) => number> = {
    country: (a, b) => sign * a.name.localeCompare(b.name, 'en'),
    value: (a, b) => sign * (a.valueChfMinor - b.valueChfMinor),
    share: (a, b) => sign * (a.contractSharePercent - b.contractSharePercent),
    contribution: (a, b) => sign * (a.contributionSharePercent - b.contributionSharePercent),
    // Exact values: two coefficients that display alike still sort in their true order.
    coefficient: (a, b) => exactCompare(exact.get(a.countryCode)?.coefficient ?? null, exact.get(b.countryCode)?.coefficient ?? null),
    change: (a, b) => exactCompare(exact.get(a.countryCode)?.delta ?? null, exact.get(b.countryCode)?.delta ?? null),
  }
  return [...rows].sort((a, b) => byKey[sort](a, b) || compareNullable(a.valueChfMinor, b.valueChfMinor, 'desc') || a.countryCode.localeCompare(b.countryCode))
}

/** Countries worth a row: members and associates, and any other country with contracts in the window. */
const isShown = (row: CountryReturn) => row.membership !== 'OTHER' || row.valueChfMinor > 0

export function veryPoorlyTrend(inputs: ReturnInputs, statusYears: number): TrendPoint[] {
  const target = inputs.policy.veryPoorlyTarget
  const dataYears = inputs.rollup.map((row) => row.year)
  const firstDataYear = dataYears.length ? Math.min(...dataYears) : inputs.statusYear - 1
  const first = Math.max(Math.min(firstDataYear + 1, target.baselineStatusYear), inputs.statusYear - statusYears + 1)
  const points: TrendPoint[] = []
  for (let statusYear = first; statusYear <= Math.max(inputs.statusYear, target.targetStatusYear); statusYear++) {
    const window = defaultWindowFor(statusYear, inputs.policy.windowYears)
    const report = computeReport(inputs, window, 'SUPPLIES')
    const computable = report.rows.some((row) => row.coefficient !== null)
    points.push({
      statusYear,
      window: formatWindow(window),
      veryPoorlyCount: computable ? countVeryPoorly(report.rows) : null,
      target: targetCountFor(target, statusYear),
    })
  }
  return points
}

export function buildDashboard(inputs: ReturnInputs, query: DashboardQuery & { defaultWindow: CalendarWindow }): DashboardView {
  const { window, category } = query
  const report = computeReport(inputs, window, category)
  const before = previousWindow(window)
  const previous = computeReport(inputs, before, category)
  const changes = new Map(compareWindows(report, previous).map((change) => [change.countryCode, change]))
  const counts = countsByCountry(inputs, window, category)
  const exact = new Map<string, { coefficient: Rational | null; delta: Rational | null }>()

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
    rows: sortRows(rows, exact, query.sort, query.direction),
    thresholds: thresholdsOf(category, inputs.policy.bands).map(({ band, below }) => ({ band, below: toDisplayNumber(below, 4), label: toFixedString(below, 2) })),
    mostImbalanced: mostImbalanced(report.rows, 6).map((row) => ({ countryCode: row.countryCode, name: nameOf(row), coefficient: fixed2(row.coefficient) ?? '', band: row.band })),
    trend: veryPoorlyTrend(inputs, 10),
    policyVersion: inputs.policy.version,
    bandPolicyVersion: inputs.policy.bands.version,
  }
}

export interface UnitCountryRow {
  countryCode: string
  name: string
  valueChfMinor: number
  contractCount: number
  /** Percent of the unit's value in the window. */
  sharePercent: number
  /** Percent of the organisation's value in the window, same categories. */
  organisationSharePercent: number
}

export interface UnitReturn {
  windowLabel: string
  category: Category | 'ALL'
  totalValueChfMinor: number
  contractCount: number
  organisationTotalChfMinor: number
  rows: UnitCountryRow[]
}

const percentOf = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1_000_000) / 10_000)

/**
 * A department's or group's contracts by country against the organisation's, for one window.
 * Shares here are descriptive (no band is derived from them), so display rounding is enough.
 */
export function buildUnitReturn(
  unit: readonly RollupLike[],
  organisation: readonly RollupLike[],
  countries: readonly CountryInfo[],
  window: CalendarWindow,
  category: Category | 'ALL',
): UnitReturn {
  const names = new Map(countries.map((country) => [country.code, country.name]))
  const sum = (rows: readonly RollupLike[]) => {
    const byCountry = new Map<string, { value: number; count: number }>()
    for (const row of rows) {
      if (!windowContainsYear(window, row.year) || (category !== 'ALL' && row.category !== category)) continue
      const entry = byCountry.get(row.countryCode) ?? { value: 0, count: 0 }
      entry.value += row.valueChfMinor
      entry.count += row.contractCount
      byCountry.set(row.countryCode, entry)
    }
    return byCountry
  }
  const mine = sum(unit)
  const all = sum(organisation)
  const total = [...mine.values()].reduce((a, b) => a + b.value, 0)
  const organisationTotal = [...all.values()].reduce((a, b) => a + b.value, 0)
  const rows = [...mine.entries()]
    .map(([countryCode, { value, count }]) => ({
      countryCode,
      name: names.get(countryCode) ?? countryCode,
      valueChfMinor: value,
      contractCount: count,
      sharePercent: percentOf(value, total),
      organisationSharePercent: percentOf(all.get(countryCode)?.value ?? 0, organisationTotal),
    }))
    .sort((a, b) => b.valueChfMinor - a.valueChfMinor || a.countryCode.localeCompare(b.countryCode))
  return {
    windowLabel: formatWindow(window),
    category,
    totalValueChfMinor: total,
    contractCount: rows.reduce((a, b) => a + b.contractCount, 0),
    organisationTotalChfMinor: organisationTotal,
    rows,
  }
}
