/**
 * Data for the justification form (lead's issue 3): the current very poorly balanced countries and
 * what the client-side projection needs, and the well balanced countries procurement's list flags.
 */
import type { DatabaseOrTransaction } from '~/db/client.server'
import { mostImbalanced } from '../arithmetic/coefficients.ts'
import type { FilingTimeReturn, WellBalancedCountries } from './filing-time.ts'
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import { asContributionScales, loadReturnInputs } from './return-inputs.server.ts'
import { computeReport } from './return-report.ts'
import { defaultWindowFor, formatWindow, windowContainsYear } from '../arithmetic/window.ts'
import { amsCeilingRows } from './ams-ceilings.ts'

export async function loadFilingTimeReturn(db: DatabaseOrTransaction, now: Date): Promise<FilingTimeReturn> {
  const inputs = await loadReturnInputs(db, now)
  const window = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const supplies = computeReport(inputs, window, 'SUPPLIES')
  const veryPoorly = mostImbalanced(supplies.rows, supplies.rows.length)
    .filter((row) => row.band === 'VERY_POORLY')
    .map((row) => ({ countryCode: row.countryCode, name: row.name ?? row.countryCode, coefficient: row.coefficient ? formatCoefficient(row.coefficient, 'SUPPLIES', inputs.policy.bands).display : '' }))
  const scales = inputs.scales.filter((scale) => windowContainsYear(window, scale.year))
  const ceilingYear = Number(inputs.today.slice(0, 4))
  const atCeiling = amsCeilingRows({ contracts: inputs.rollup, scales: inputs.scales, countries: inputs.countries, bandPolicy: inputs.policy.bands }, ceilingYear).filter(
    (row) => row.reachedIn.length > 0,
  )
  return {
    statusYear: inputs.statusYear,
    window,
    windowLabel: formatWindow(window),
    bandPolicy: inputs.policy.bands,
    countries: inputs.countries,
    scales: asContributionScales(scales),
    contracts: inputs.rollup
      .filter((row) => windowContainsYear(window, row.year))
      .map(({ year, countryCode, category, valueChfMinor }) => ({ year, countryCode, category, valueChfMinor })),
    veryPoorly,
    computable: supplies.rows.some((row) => row.coefficient !== null),
    includesDemoData: scales.some((scale) => scale.isDemo),
    ceilingYear,
    atCeiling,
  }
}

/** Countries well balanced today, per category (supplies by origin, services by establishment). */
export async function wellBalancedCountryCodes(db: DatabaseOrTransaction, now: Date): Promise<WellBalancedCountries> {
  const inputs = await loadReturnInputs(db, now)
  const window = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const well = (category: 'SUPPLIES' | 'SERVICES') =>
    computeReport(inputs, window, category)
      .rows.filter((row) => row.band === 'WELL')
      .map((row) => row.countryCode)
  return { SUPPLIES: well('SUPPLIES'), SERVICES: well('SERVICES') }
}
