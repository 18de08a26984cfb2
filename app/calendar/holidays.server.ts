/**
 * The public holidays of the organisation's site, Geneva (canton GE), from the `date-holidays`
 * package's rules (Easter-based days, Jeûne genevois, Restauration de la République...). Only days
 * of type "public" count: "bank" days (2 January, 26 December) and observances are working days.
 *
 * Server-only: the package carries the rules of every country (several MB), and the browser never
 * counts working days. See docs/decisions/016-calendar-and-holidays.md.
 */
import Holidays from 'date-holidays'
import type { IsoDate } from './calendar-date.ts'

export const ORGANISATION_SITE = { country: 'CH', state: 'GE' } as const

export interface PublicHoliday {
  date: IsoDate
  name: string
}

let rules: Holidays | undefined
const byYear = new Map<number, PublicHoliday[]>()

/** The site's public holidays in a calendar year, in date order. */
export function publicHolidaysIn(year: number): PublicHoliday[] {
  let holidays = byYear.get(year)
  if (!holidays) {
    rules ??= new Holidays(ORGANISATION_SITE.country, ORGANISATION_SITE.state)
    // `date` is the local day as "YYYY-MM-DD hh:mm:ss" in the site's zone; its first ten characters are the day.
    holidays = (rules.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    byYear.set(year, holidays)
  }
  return holidays
}

/** Is `date` a public holiday at the organisation's site? */
export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidaysIn(Number(date.slice(0, 4))).some((h) => h.date === date)
}
