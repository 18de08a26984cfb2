/**
 * How dates and times read on pages and in emails. Client-safe: pages format in the browser too.
 *
 * A calendar date (a `@db.Date` column, an ISO date) is formatted in UTC, where its envelope sits at
 * midnight, so it never shifts by a day. An instant is shown on the organisation's clock.
 */
import { ORGANISATION_TIME_ZONE } from './time-zone.ts'

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ORGANISATION_TIME_ZONE })

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value)

/** "26 Nov 2026". */
export function formatDate(date: Date | string): string {
  return dateFormat.format(asDate(date))
}

/** "26 Nov 2026, 10:00", in the organisation's time zone. */
export function formatDateTime(date: Date | string): string {
  return dateTimeFormat.format(asDate(date))
}

/** "1 Mar 2026 – 31 Mar 2026", or "since 1 Mar 2026" for an open end. */
export function formatPeriod(startsOn: Date | string, endsOn: Date | string | null): string {
  return endsOn ? `${formatDate(startsOn)} – ${formatDate(endsOn)}` : `since ${formatDate(startsOn)}`
}
