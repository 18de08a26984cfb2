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
import { membershipsOfYear, withMembershipOverTime } from '../arithmetic/membership.ts'
import { loadMembershipHistory } from '../membership/membership-history.server.ts'

const SharesSchema = z.array(z.object({ countryCode: z.string().length(2), percent: z.string() }))

/** Countries with the membership in force today (no history: for lists and labels). */
export async function loadCountries(db: DatabaseOrTransaction): Promise<CountryInfo[]> {
  return db.country.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true, membership: true } })
}

/** Countries with the membership in force in `year` (its 31 December): what a scale of that year is checked against. */
export async function loadCountriesInYear(db: DatabaseOrTransaction, year: number): Promise<CountryInfo[]> {
  const [countries, history] = await Promise.all([loadCountries(db), loadMembershipHistory(db)])
  return membershipsOfYear(countries, history, year)
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
  const [policy, plainCountries, history, scales, rollup] = await Promise.all([loadReturnPolicy(db, now), loadCountries(db), loadMembershipHistory(db), loadScales(db), readRollup(db, scope)])
  const today = calendarDateIn(now)
  const thisYear = Number(today.slice(0, 4))
  // Membership per year over every year any figure can concern (data, scales, up to next year).
  const fromYear = Math.min(thisYear, ...rollup.map((row) => row.year), ...scales.map((scale) => scale.year))
  const countries = withMembershipOverTime(plainCountries, history, policy.amsCeilings, fromYear, thisYear + 1)
  return { policy, countries, scales, rollup, today, statusYear: statusYearOf(today) }
}
