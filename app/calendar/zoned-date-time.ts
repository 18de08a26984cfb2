/**
 * An instant as a signed record states it: on the organisation's clock, with the name of that
 * clock's zone ("2 Dec 2026, 19:49 CET", "1 Jul 2026, 10:00 CEST"), so that a printed or forwarded
 * record reads the same wherever it is read. Client-safe.
 */
import { ORGANISATION_TIME_ZONE } from './time-zone.ts'

const zonedFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
  timeZone: ORGANISATION_TIME_ZONE,
})

/** "2 Dec 2026, 19:49 CET": the organisation's wall clock and the zone's short name. */
export function formatDateTimeWithZone(instant: Date | string): string {
  return zonedFormat.format(typeof instant === 'string' ? new Date(instant) : instant)
}
