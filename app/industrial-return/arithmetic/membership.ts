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

/**
 * The country list as the coefficient module takes it: each country's membership per year from
 * `fromYear` to `toYear` (years outside count under `membership`, today's) and its Associate ceilings.
 */
export function withMembershipOverTime<C extends { code: string; name: string; membership: Membership }>(
  countries: readonly C[],
  history: readonly MembershipChange[],
  ceilings: readonly AmsCeiling[],
  fromYear: number,
  toYear: number,
): (C & { membershipByYear: Record<number, Membership>; returnCeilingByYear: Record<number, string> })[] {
  return countries.map((country) => ({
    ...country,
    membershipByYear: history.some((h) => h.countryCode === country.code) ? membershipByYear(history, country.code, fromYear, toYear) : {},
    returnCeilingByYear: ceilingsByYear(ceilings, country.code),
  }))
}

/** The country list with each country's membership of one year (what a scale of that year is validated against). */
export function membershipsOfYear<C extends { code: string; membership: Membership }>(countries: readonly C[], history: readonly MembershipChange[], year: number): C[] {
  return countries.map((country) => (history.some((h) => h.countryCode === country.code) ? { ...country, membership: membershipInYear(history, country.code, year) } : country))
}
