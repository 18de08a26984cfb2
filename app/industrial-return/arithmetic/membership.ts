/**
 * Membership over time (issue 13.6), pure: a country becomes an Associate Member State or a Member State
 * on a date, and every computation uses the membership in force in each year of its window.
 *
 * A year counts under the membership in force on its last day (31 December): a country that became an
 * Associate Member State on 13 March 2024 is one for 2024, the year whose contribution scale first lists
 * it. A change with no date (`effectiveFrom: null`) is the status in force before the dated history
 * starts (its date is not in our sources); without any row a country is not a member (OTHER).
 */
import type { Membership } from './coefficients.ts'

export interface MembershipChange {
  countryCode: string
  membership: Membership
  /** ISO date from which the membership is in force; null for "since before the dated history". */
  effectiveFrom: string | null
}

/** The membership of a country on an ISO date. */
export function membershipOn(history: readonly MembershipChange[], countryCode: string, isoDate: string): Membership {
  let found: MembershipChange | null = null
  for (const change of history) {
    if (change.countryCode !== countryCode) continue
    if (change.effectiveFrom !== null && change.effectiveFrom > isoDate) continue
    if (found === null || (found.effectiveFrom ?? '') <= (change.effectiveFrom ?? '')) found = change
  }
  return found?.membership ?? 'OTHER'
}

/** The membership a calendar year counts under: the one in force on its 31 December. */
export const membershipInYear = (history: readonly MembershipChange[], countryCode: string, year: number): Membership =>
  membershipOn(history, countryCode, `${String(year).padStart(4, '0')}-12-31`)

/** Each year's membership of a country from `fromYear` to `toYear`, as the coefficient module takes it. */
export function membershipByYear(history: readonly MembershipChange[], countryCode: string, fromYear: number, toYear: number): Record<number, Membership> {
  const byYear: Record<number, Membership> = {}
  for (let year = fromYear; year <= toYear; year++) byYear[year] = membershipInYear(history, countryCode, year)
  return byYear
}

/** An Associate Member State's ceiling for one calendar year: the highest coefficient its return counts for. */
export interface AmsCeiling {
  countryCode: string
  year: number
  /** Exact decimal, e.g. "1.00". */
  ceiling: string
}

export function ceilingsByYear(ceilings: readonly AmsCeiling[], countryCode: string): Record<number, string> {
  const byYear: Record<number, string> = {}
  for (const c of ceilings) if (c.countryCode === countryCode) byYear[c.year] = c.ceiling
  return byYear
}
