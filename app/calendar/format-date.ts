/**
 * How dates and times read on pages and in emails. Client-safe: pages format in the browser too.
 *
 * A calendar date (a `@db.Date` column, an ISO date) is formatted in UTC, where its envelope sits at
 * midnight, so it never shifts by a day. An instant is shown on the organisation's clock, with the
 * name of the time it reads ("CET" in winter, "CEST" in summer): a reader elsewhere, or one looking
 * at an hour that happened twice on the night the clocks go back, knows which time is meant.
 */
import { offsetAt, ORGANISATION_TIME_ZONE } from './time-zone.ts'

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
// Spelled field by field: `dateStyle` cannot be combined with a zone name. Same reading as
// dateStyle 'medium' + timeStyle 'short' ("1 Dec 2026, 19:49").
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: ORGANISATION_TIME_ZONE,
})

/**
 * The zone's names by offset from UTC in minutes. Named here rather than asked of Intl: ICU builds
 * differ (a trimmed one says "GMT+1"), and the server and the browser must print the same text or
 * the page's hydration disagrees. An offset not listed falls back to Intl's short name.
 */
const ZONE_NAMES: Record<string, Record<number, string>> = {
  'Europe/Zurich': { 60: 'CET', 120: 'CEST' },
}
const zoneNameFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ORGANISATION_TIME_ZONE, timeZoneName: 'short' })

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value)

/** "26 Nov 2026". */
export function formatDate(date: Date | string): string {
  return dateFormat.format(asDate(date))
}

/** "CET" or "CEST": the name of the organisation's time at `instant`. */
export function zoneNameAt(instant: Date | string): string {
  const at = asDate(instant)
  const minutes = Math.round(offsetAt(at.getTime()) / 60_000)
  return ZONE_NAMES[ORGANISATION_TIME_ZONE]?.[minutes] ?? zoneNameFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? ORGANISATION_TIME_ZONE
}

/** "1 Dec 2026, 19:49 CET" / "1 Jul 2026, 20:49 CEST", in the organisation's time zone. */
export function formatDateTime(date: Date | string): string {
  const at = asDate(date)
  return `${dateTimeFormat.format(at)} ${zoneNameAt(at)}`
}

/** "1 Mar 2026 – 31 Mar 2026", or "since 1 Mar 2026" for an open end. */
export function formatPeriod(startsOn: Date | string, endsOn: Date | string | null): string {
  return endsOn ? `${formatDate(startsOn)} – ${formatDate(endsOn)}` : `since ${formatDate(startsOn)}`
}
