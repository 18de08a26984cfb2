/**
 * The stored band of every country (ReturnBandState) beside the bands the rollup gives now: what
 * refreshing the alerts and establishing a baseline both plan from and write back.
 */
import type { DatabaseOrTransaction, Transaction } from '~/db/client.server'
import { bandTransitions, bandsOf, type BandTransition } from './band-crossings.ts'
import type { Band } from '../arithmetic/bands.ts'
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import { formatRational } from '../arithmetic/rational.ts'
import { loadReturnInputs } from '../views/return-inputs.server.ts'
import { computeReport } from '../views/return-report.ts'
import { defaultWindowFor, type CalendarWindow } from '../arithmetic/window.ts'

// Any constant shared by every instance; distinct from the migration lock's.
export const ALERT_REFRESH_LOCK_KEY = 7_104_202_612n

export interface Plan {
  window: CalendarWindow
  /** The published status year whose default window `window` is. */
  statusYear: number
  current: Map<string, { band: Band | null; coefficient: string | null; coefficientDisplay: string | null; name: string }>
  transitions: BandTransition[]
  stateDiffers: boolean
}

export async function plan(db: DatabaseOrTransaction, now: Date): Promise<Plan> {
  const [inputs, stored] = await Promise.all([loadReturnInputs(db, now), db.returnBandState.findMany()])
  const window = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const report = computeReport(inputs, window, 'SUPPLIES')
  const currentBands = bandsOf(report.rows)
  const previousBands = new Map<string, Band | null>(stored.map((row) => [row.countryCode, row.band]))
  const current = new Map(
    report.rows.map((row) => [
      row.countryCode,
      {
        band: row.band,
        coefficient: row.coefficient && formatRational(row.coefficient),
        coefficientDisplay: row.coefficient && formatCoefficient(row.coefficient, 'SUPPLIES', inputs.policy.bands).display,
        name: row.name ?? row.countryCode,
      },
    ]),
  )
  const stateDiffers =
    stored.length !== current.size ||
    stored.some((row) => current.get(row.countryCode)?.band !== row.band || row.windowFromYear !== window.fromYear || row.windowToYear !== window.toYear)
  return { window, statusYear: inputs.statusYear, current, transitions: bandTransitions(previousBands, currentBands), stateDiffers }
}

export const transitionKey = (transitions: readonly BandTransition[]) => transitions.map((t) => `${t.countryCode}:${t.kind}`).join(',')

export async function writeState(tx: Transaction, planned: Plan, now: Date) {
  await tx.returnBandState.deleteMany({ where: { countryCode: { notIn: [...planned.current.keys()] } } })
  for (const [countryCode, entry] of planned.current) {
    const data = { band: entry.band, coefficient: entry.coefficient, windowFromYear: planned.window.fromYear, windowToYear: planned.window.toYear, computedAt: now }
    await tx.returnBandState.upsert({ where: { countryCode }, create: { countryCode, ...data }, update: data })
  }
}
