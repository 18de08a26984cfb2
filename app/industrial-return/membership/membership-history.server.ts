/** Reading membership over time (issue 13.6): every dated and undated row, as the pure core takes them. */
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { membershipOn, type MembershipChange } from '../arithmetic/membership.ts'

export async function loadMembershipHistory(db: DatabaseOrTransaction): Promise<MembershipChange[]> {
  const rows = await db.countryMembership.findMany({ orderBy: [{ countryCode: 'asc' }, { effectiveFrom: { sort: 'asc', nulls: 'first' } }], select: { countryCode: true, membership: true, effectiveFrom: true } })
  return rows.map((row) => ({ countryCode: row.countryCode, membership: row.membership, effectiveFrom: row.effectiveFrom ? isoDateOfColumn(row.effectiveFrom) : null }))
}

/**
 * Keeps `Country.membership` (the membership in force today, which labels and the filing form's country
 * list read) in step with the history. Called after each edit, and by the industrial-return jobs so a
 * change dated in the future takes effect on its day.
 */
export async function syncMembershipToday(db: DatabaseOrTransaction, now: Date, countryCodes?: readonly string[]): Promise<number> {
  const history = await loadMembershipHistory(db)
  const today = calendarDateIn(now)
  const countries = await db.country.findMany({ where: countryCodes ? { code: { in: [...countryCodes] } } : {}, select: { code: true, membership: true } })
  let changed = 0
  for (const country of countries) {
    if (!history.some((h) => h.countryCode === country.code)) continue
    const membership = membershipOn(history, country.code, today)
    if (membership === country.membership) continue
    await db.country.update({ where: { code: country.code }, data: { membership } })
    changed++
  }
  return changed
}

export const effectiveFromColumn = (isoDate: string | null) => (isoDate === null ? null : dateColumn(isoDate))
