/** Per status year, how many countries were very poorly balanced (supplies), against the policy's target. */
import { countVeryPoorly } from '../arithmetic/coefficients.ts'
import { targetCountFor } from '../return-policy.ts'
import { defaultWindowFor, formatWindow } from '../arithmetic/window.ts'
import { computeReport, type ReturnInputs } from './return-report.ts'

export interface TrendPoint {
  statusYear: number
  window: string
  /** Null when no scale covers the window (no coefficient can be computed). */
  veryPoorlyCount: number | null
  target: number | null
}

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
