/** The membership page: each country's membership today and its history, newest change first. */
import { calendarDateIn } from '~/calendar/calendar-date'
import { isoDateOfColumn } from '~/calendar/date-column'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Membership } from '../arithmetic/coefficients.ts'
import { membershipOn } from '../arithmetic/membership.ts'
import { loadMembershipHistory } from './membership-history.server.ts'

export interface MembershipPageCountry {
  code: string
  name: string
  today: Membership
  changes: { id: string; membership: Membership; effectiveFrom: string | null; source: string }[]
}

export async function loadMembershipPage(db: DatabaseOrTransaction, now: Date): Promise<{ today: string; countries: MembershipPageCountry[] }> {
  const today = calendarDateIn(now)
  const [countries, history] = await Promise.all([
    db.country.findMany({
      orderBy: { name: 'asc' },
      select: { code: true, name: true, membership: true, memberships: { select: { id: true, membership: true, effectiveFrom: true, source: true } } },
    }),
    loadMembershipHistory(db),
  ])
  return {
    today,
    countries: countries.map((country) => ({
      code: country.code,
      name: country.name,
      today: history.some((h) => h.countryCode === country.code) ? membershipOn(history, country.code, today) : country.membership,
      changes: country.memberships
        .map((m) => ({ id: m.id, membership: m.membership, effectiveFrom: m.effectiveFrom ? isoDateOfColumn(m.effectiveFrom) : null, source: m.source }))
        .sort((a, b) => (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? '')),
    })),
  }
}
