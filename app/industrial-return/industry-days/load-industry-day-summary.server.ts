/** The dashboard's line on Industry Days: this calendar year's two shares against the target. */
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import type { Database } from '~/db/client.server'
import { loadIndustryDayShares } from './load-industry-day-shares.server.ts'

export async function loadIndustryDaySummary(db: Database, now: Date) {
  const year = yearOf(calendarDateIn(now))
  const shares = await loadIndustryDayShares(db, now)
  const ofYear = shares.years.find((entry) => entry.year === year) ?? null
  return { year, target: shares.target, countryDays: ofYear?.countryDays ?? null, invitations: ofYear?.invitations ?? null, targetApplies: ofYear?.targetApplies ?? year >= shares.target.fromYear }
}
