import type { DatabaseOrTransaction } from '~/db/client.server'
import { formatCoefficient } from '~/industrial-return/arithmetic/coefficient-format'
import { formatRational } from '~/industrial-return/arithmetic/rational'
import { defaultWindowFor } from '~/industrial-return/arithmetic/window'
import { readAskedWindow } from '~/industrial-return/views/dashboard-query'
import { loadReturnInputs } from '~/industrial-return/views/return-inputs.server'
import { computeReport } from '~/industrial-return/views/return-report'
import { refuseParameters } from './validate-input.server'

/**
 * The return coefficients of every country for a window and a category, computed as the dashboard
 * computes them (loadReturnInputs, computeReport): the window as the dashboard reads ?from=&to=
 * (default: the published status year's), exact coefficients as fractions.
 */
export async function readReturnCoefficientsForApi(db: DatabaseOrTransaction, params: URLSearchParams, { now, say }: { now: Date; say: (text: string) => string }) {
  const asked = readAskedWindow(params)
  const categoryText = params.get('category')
  refuseParameters({ ...asked.errors, category: categoryText !== null && categoryText !== 'SUPPLIES' && categoryText !== 'SERVICES' ? 'category must be SUPPLIES or SERVICES.' : undefined }, say)
  const category = categoryText === 'SERVICES' ? 'SERVICES' : 'SUPPLIES'
  const inputs = await loadReturnInputs(db, now)
  const window = asked.window ?? defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const report = computeReport(inputs, window, category)
  return {
    category,
    window: { fromYear: report.window.fromYear, toYear: report.window.toYear },
    bandPolicyVersion: report.bandPolicyVersion,
    missingScaleYears: report.missingScaleYears,
    totalValueChfMinor: report.totalValueChfMinor,
    rows: report.rows.map((row) => ({
      countryCode: row.countryCode,
      name: row.name,
      membership: row.membership,
      valueChfMinor: row.valueChfMinor,
      contractSharePercent: row.contractShare.percentDisplay,
      contributionSharePercent: row.contributionShare.percentDisplay,
      coefficient: row.coefficient ? formatRational(row.coefficient) : null,
      coefficientPrecise: row.coefficient ? formatCoefficient(row.coefficient, category, inputs.policy.bands).precise : null,
      band: row.band,
      noCoefficientReason: row.noCoefficientReason,
    })),
  }
}
