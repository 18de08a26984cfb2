/**
 * The organisation's clock. Its site is Geneva, and Europe/Zurich is the IANA zone that covers all
 * of Switzerland, Geneva included. This is the one place that names it; everything that asks "which
 * day is it" or "what time is it there" goes through the helpers below with the instant as an
 * argument (nothing in app/calendar/ reads the clock).
 */
export const ORGANISATION_TIME_ZONE = 'Europe/Zurich'

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

// Intl.DateTimeFormat is costly to build and these run in loops (working days, list filters).
const formats = new Map<string, Intl.DateTimeFormat>()

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(timeZone, format)
  }
  return format
}

/** What a wall clock in `timeZone` reads at `instant` (to the second). */
export function wallClockIn(instant: Date | number, timeZone: string = ORGANISATION_TIME_ZONE): WallClock {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(instant))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') }
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (+1 h in a Geneva winter, +2 h in summer). */
export function offsetAt(instant: number, timeZone: string = ORGANISATION_TIME_ZONE): number {
  const clock = wallClockIn(instant, timeZone)
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000)
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - wholeSecond
}

/**
 * The instant at which a wall clock in `timeZone` reads `wallTimeAsUtc` (a wall-clock reading
 * written as if it were UTC milliseconds). Two rounds settle the offset even when the first guess
 * falls on the other side of a daylight-saving change. A reading that does not exist (02:30 on the
 * last Sunday of March) lands an hour later; one that happens twice (02:30 on the last Sunday of
 * October) is taken at its second occurrence, in winter time. Midnight, which day boundaries use,
 * is never either in Geneva.
 */
export function instantOfWallClock(wallTimeAsUtc: number, timeZone: string = ORGANISATION_TIME_ZONE): Date {
  const guess = wallTimeAsUtc - offsetAt(wallTimeAsUtc, timeZone)
  return new Date(wallTimeAsUtc - offsetAt(guess, timeZone))
}
