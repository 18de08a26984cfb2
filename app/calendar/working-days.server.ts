/**
 * Reminder and escalation delays are counted in working days: Monday to Friday on the
 * organisation's calendar (Geneva), public holidays of its site excluded. A delay keeps the time of
 * day as Geneva's clocks read it, across daylight-saving changes: submitted on a Monday at 10:00,
 * three working days later is Thursday 10:00 in Geneva.
 *
 * Server-only because the holidays are (holidays.server.ts); the arithmetic itself is pure and takes
 * the instants it compares as arguments.
 */
import { addDays, calendarDateIn, isoDateParts, isWeekend, type IsoDate } from './calendar-date.ts'
import { isPublicHoliday } from './holidays.server.ts'
import { ORGANISATION_TIME_ZONE, instantOfWallClock, wallClockIn } from './time-zone.ts'

export interface WorkingCalendar {
  timeZone: string
  isHoliday: (date: IsoDate) => boolean
}

export const ORGANISATION_WORKING_CALENDAR: WorkingCalendar = { timeZone: ORGANISATION_TIME_ZONE, isHoliday: isPublicHoliday }

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = ORGANISATION_WORKING_CALENDAR): boolean {
  return !isWeekend(date) && !calendar.isHoliday(date)
}

/** `start` moved forward by `days` working days, keeping its time of day; weekends and public holidays do not count. */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar = ORGANISATION_WORKING_CALENDAR): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a number of working days: ${days}`)
  if (days === 0) return new Date(start.getTime())
  const clock = wallClockIn(start, calendar.timeZone)
  const milliseconds = ((start.getTime() % 1000) + 1000) % 1000
  let date = calendarDateIn(start, calendar.timeZone)
  let remaining = days
  while (remaining > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(date, calendar)) remaining--
  }
  const { year, month, day } = isoDateParts(date)
  return instantOfWallClock(Date.UTC(year, month - 1, day, clock.hour, clock.minute, clock.second, milliseconds), calendar.timeZone)
}

/** Have `days` working days passed since `start`, at `now`? */
export function workingDaysHavePassed(start: Date, days: number, now: Date, calendar: WorkingCalendar = ORGANISATION_WORKING_CALENDAR): boolean {
  return addWorkingDays(start, days, calendar).getTime() <= now.getTime()
}
