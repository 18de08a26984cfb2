/**
 * Where a calendar day starts and ends as instants, in the organisation's time zone: a filter
 * "submitted on 15 January" covers 14 January 23:00 UTC up to 15 January 23:00 UTC in winter, 22:00
 * in summer. Client-safe.
 */
import { addDays, isoDateParts, type IsoDate } from './calendar-date.ts'
import { instantOfWallClock, ORGANISATION_TIME_ZONE } from './time-zone.ts'

/** The first instant of a calendar day in a time zone (Geneva by default). */
export function startOfDay(date: IsoDate, timeZone: string = ORGANISATION_TIME_ZONE): Date {
  const { year, month, day } = isoDateParts(date)
  return instantOfWallClock(Date.UTC(year, month - 1, day), timeZone)
}

/** The first instant after a calendar day: the end of an "up to and including" range, exclusive. */
export function endOfDay(date: IsoDate, timeZone: string = ORGANISATION_TIME_ZONE): Date {
  return startOfDay(addDays(date, 1), timeZone)
}
