/**
 * A calendar date as PostgreSQL's `date` type travels through Prisma: a `Date` at midnight UTC.
 * The column holds a day, not an instant, so the UTC midnight is only its envelope; read it back
 * with `isoDateOfColumn`, never by formatting it in a time zone. Client-safe.
 */
import { calendarDateIn, type IsoDate } from './calendar-date.ts'

/** How a `@db.Date` column is written: "2026-03-01" -> 2026-03-01T00:00:00.000Z. */
export function dateColumn(isoDate: IsoDate): Date {
  return new Date(`${isoDate}T00:00:00.000Z`)
}

/** The day a `@db.Date` column holds. */
export function isoDateOfColumn(date: Date): IsoDate {
  return date.toISOString().slice(0, 10)
}

/** The organisation's today (Geneva's calendar day at `now`) as a `@db.Date` value, for "held today" queries. */
export function todayColumn(now: Date): Date {
  return dateColumn(calendarDateIn(now))
}
