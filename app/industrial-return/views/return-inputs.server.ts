/** Everything an industrial-return computation needs, read in a handful of small queries (the rollup, not the ledger). */
import { z } from 'zod'
import { calendarDateIn } from '~/calendar/calendar-date'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { minorFromNullableColumn } from '~/money/minor-units'
import type { CountryInfo } from '../arithmetic/coefficients.ts'
import type { ContributionScale } from '../arithmetic/contribution-share.ts'
import { loadReturnPolicy } from '../return-policy.server.ts'
import { ORG_SCOPE, readRollup } from '../ledger/rollup.server.ts'
import type { ReturnInputs, StoredScale } from './return-report.ts'
import { statusYearOf } from '../arithmetic/window.ts'

const SharesSchema = z.array(z.object({ countryCode: z.string().length(2), percent: z.string() }))

export async function loadCountries(db: DatabaseOrTransaction): Promise<CountryInfo[]> {
  return db.country.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true, membership: true } })
}

export async function loadScales(db: DatabaseOrTransaction): Promise<StoredScale[]> {
  const rows = await db.contributionScale.findMany({ orderBy: { year: 'asc' } })
  return rows.map((row) => ({
    year: row.year,
    budgetChfMinor: minorFromNullableColumn(row.budgetChfMinor),
    shares: SharesSchema.parse(row.shares),
    source: row.source,
    isDemo: row.isDemo,
  }))
}

export const asContributionScales = (scales: readonly StoredScale[]): ContributionScale[] =>
  scales.map(({ year, budgetChfMinor, shares }) => ({ year, budgetChfMinor, shares }))

/** Inputs for one scope ("ORG" for the dashboard, a department or group for /industrial-return/mine). */
export async function loadReturnInputs(db: DatabaseOrTransaction, now: Date, scope: string = ORG_SCOPE): Promise<ReturnInputs> {
  const [policy, countries, scales, rollup] = await Promise.all([loadReturnPolicy(db, now), loadCountries(db), loadScales(db), readRollup(db, scope)])
  const today = calendarDateIn(now)
  return { policy, countries, scales, rollup, today, statusYear: statusYearOf(today) }
}
