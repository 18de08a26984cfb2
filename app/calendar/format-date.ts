/**
 * How dates and times read on pages and in emails. Client-safe: pages format in the browser too.
 *
 * A calendar date (a `@db.Date` column, an ISO date) is formatted in UTC, where its envelope sits at
 * midnight, so it never shifts by a day. An instant is shown on the organisation's clock, with the
 * name of the time it reads ("CET" in winter, "CEST" in summer): a reader elsewhere, or one looking
 * at an hour that happened twice on the night the clocks go back, knows which time is meant.
 */
import { FORMAT_LOCALES, type Language } from '../i18n/languages.ts'
import { offsetAt, ORGANISATION_TIME_ZONE } from './time-zone.ts'

// English dates read "1 Dec 2026" (en-GB's order, which en-CH shares); French "1 déc. 2026".
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', fr: FORMAT_LOCALES.fr }
const dateFormats = Object.fromEntries(
  Object.entries(DATE_LOCALES).map(([language, locale]) => [
    language,
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ]),
) as Record<Language, Intl.DateTimeFormat>
// The date on the organisation's clock, then the time: composed rather than Intl's own joined
// pattern, which ICU releases write differently ("1 déc. 2026, 19:49" / "1 déc. 2026 à 19:49"), and
// the server and the browser must print the same text.
const dayOnClockFormats = Object.fromEntries(
  Object.entries(DATE_LOCALES).map(([language, locale]) => [
    language,
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: ORGANISATION_TIME_ZONE }),
  ]),
) as Record<Language, Intl.DateTimeFormat>
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ORGANISATION_TIME_ZONE })

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

/** "26 Nov 2026" / "26 nov. 2026". */
export function formatDate(date: Date | string, language: Language = 'en'): string {
  return dateFormats[language].format(asDate(date))
}

/** "CET" or "CEST": the name of the organisation's time at `instant`. */
export function zoneNameAt(instant: Date | string): string {
  const at = asDate(instant)
  const minutes = Math.round(offsetAt(at.getTime()) / 60_000)
  return ZONE_NAMES[ORGANISATION_TIME_ZONE]?.[minutes] ?? zoneNameFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? ORGANISATION_TIME_ZONE
}

/** "1 Dec 2026, 19:49 CET" / "1 juil. 2026, 20:49 CEST", in the organisation's time zone. */
export function formatDateTime(date: Date | string, language: Language = 'en'): string {
  const at = asDate(date)
  return `${dayOnClockFormats[language].format(at)}, ${timeFormat.format(at)} ${zoneNameAt(at)}`
}

const SINCE: Record<Language, string> = { en: 'since', fr: 'depuis le' }

/** "1 Mar 2026 – 31 Mar 2026", or "since 1 Mar 2026" / "depuis le 1 mars 2026" for an open end. */
export function formatPeriod(startsOn: Date | string, endsOn: Date | string | null, language: Language = 'en'): string {
  return endsOn
    ? `${formatDate(startsOn, language)} – ${formatDate(endsOn, language)}`
    : `${SINCE[language]} ${formatDate(startsOn, language)}`
}
