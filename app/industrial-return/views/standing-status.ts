/**
 * The standing status (pure): the countries very poorly balanced for supplies in the published
 * status year (1 March to end of February, over the previous calendar years the policy says), and
 * since which status year they have been, unbroken. Unlike the alerts, which are crossing events,
 * this needs no crossing: a fresh ledger, or a country very poorly balanced for years, shows here.
 *
 * "Since" is recomputed on today's data (contracts and scales entered late count for the years
 * they belong to), status year by status year, back to the first one with figures.
 */
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import type { Band } from '../arithmetic/bands.ts'
import { compare } from '../arithmetic/rational.ts'
import { defaultWindowFor, formatWindow, statusYearBounds, type CalendarWindow } from '../arithmetic/window.ts'
import { computeReport, type ReturnInputs } from './return-report.ts'

export interface StandingCountry {
  countryCode: string
  name: string
  coefficient: string
  coefficientPrecise: string
  /** The first status year of the unbroken run of "very poorly balanced" that ends with the published one. */
  sinceStatusYear: number
  /** The run reaches the first status year with figures: very poorly balanced at least since then. */
  sinceFirstFigures: boolean
}

export interface StandingStatus {
  statusYear: number
  startsOn: string
  endsOn: string
  window: CalendarWindow
  windowLabel: string
  /** False when the published window has no coefficient at all (no scale or no contract). */
  computable: boolean
  /** Lowest coefficient first. */
  countries: StandingCountry[]
}

export function standingStatus(inputs: ReturnInputs): StandingStatus {
  const years = [...inputs.rollup.map((row) => row.year), ...inputs.scales.map((scale) => scale.year)]
  const firstDataYear = years.length ? Math.min(...years) : inputs.statusYear
  const bandsByStatusYear = new Map<number, Map<string, Band | null> | null>()
  /** Bands of a status year's default window; null when it has no coefficient at all. */
  const bandsIn = (statusYear: number) => {
    if (!bandsByStatusYear.has(statusYear)) {
      const window = defaultWindowFor(statusYear, inputs.policy.windowYears)
      const report = window.toYear < firstDataYear ? null : computeReport(inputs, window, 'SUPPLIES')
      const computable = report?.rows.some((row) => row.coefficient !== null) ?? false
      bandsByStatusYear.set(statusYear, computable && report ? new Map(report.rows.map((row) => [row.countryCode, row.band])) : null)
    }
    return bandsByStatusYear.get(statusYear) ?? null
  }

  const window = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const report = computeReport(inputs, window, 'SUPPLIES')
  const countries = report.rows
    .filter((row) => row.band === 'VERY_POORLY' && row.coefficient !== null)
    .map((row): StandingCountry => {
      let since = inputs.statusYear
      let sinceFirstFigures = false
      for (;;) {
        const bands = bandsIn(since - 1)
        if (bands === null) {
          sinceFirstFigures = true
          break
        }
        if (bands.get(row.countryCode) !== 'VERY_POORLY') break
        since--
      }
      const { display, precise } = formatCoefficient(row.coefficient!, 'SUPPLIES', inputs.policy.bands)
      return { countryCode: row.countryCode, name: row.name ?? row.countryCode, coefficient: display, coefficientPrecise: precise, sinceStatusYear: since, sinceFirstFigures }
    })
  const exact = new Map(report.rows.map((row) => [row.countryCode, row.coefficient]))
  countries.sort((a, b) => compare(exact.get(a.countryCode)!, exact.get(b.countryCode)!) || a.countryCode.localeCompare(b.countryCode))
  return {
    statusYear: inputs.statusYear,
    ...statusYearBounds(inputs.statusYear),
    window,
    windowLabel: formatWindow(window),
    computable: report.rows.some((row) => row.coefficient !== null),
    countries,
  }
}
