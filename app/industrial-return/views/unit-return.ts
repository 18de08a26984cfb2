/** A department's or group's contracts by country against the organisation's (/industrial-return/mine, digests). */
import type { Band, BandPolicy, Category } from '../arithmetic/bands.ts'
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import type { CountryInfo, Membership, ReturnReport } from '../arithmetic/coefficients.ts'
import { formatWindow, windowContainsYear, type CalendarWindow } from '../arithmetic/window.ts'
import type { RollupLike } from './return-report.ts'

export interface UnitCountryRow {
  countryCode: string
  name: string
  valueChfMinor: number
  contractCount: number
  /** Percent of the unit's value in the window. */
  sharePercent: number
  /** Percent of the organisation's value in the window, same categories. */
  organisationSharePercent: number
  membership: Membership
  /**
   * The country's band and coefficient (2 decimals, band-safe) in the organisation's return for the
   * window and category; undefined when supplies and services are shown together (bands are per
   * category), null when the country has no coefficient.
   */
  standing?: CountryStanding
}

export type CountryStanding = {
  band: Band | null
  /** As the dashboard writes it: 2 decimals never across a band line, and 4 (coefficient-format.ts). */
  coefficient: string | null
  coefficientPrecise: string | null
  membership: Membership
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
  const memberships = new Map(countries.map((country) => [country.code, country.membership]))
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
      membership: memberships.get(countryCode) ?? ('OTHER' as const),
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

/** Each country's standing in the organisation's report, by code. */
export function countryStandings(report: Pick<ReturnReport, 'rows' | 'category'>, bandPolicy?: BandPolicy): Record<string, CountryStanding> {
  return Object.fromEntries(
    report.rows.map((row) => {
      const figures = row.coefficient ? formatCoefficient(row.coefficient, report.category, bandPolicy) : null
      return [row.countryCode, { band: row.band, coefficient: figures?.display ?? null, coefficientPrecise: figures?.precise ?? null, membership: row.membership }]
    }),
  )
}

/** The unit's rows with their country's standing; membership as the organisation's report counts it for the window. */
export function withCountryStandings(unitReturn: UnitReturn, standings: Record<string, CountryStanding>): UnitReturn {
  return {
    ...unitReturn,
    rows: unitReturn.rows.map((row) => {
      const standing = standings[row.countryCode] ?? { band: null, coefficient: null, coefficientPrecise: null, membership: row.membership }
      return { ...row, membership: standing.membership, standing }
    }),
  }
}
