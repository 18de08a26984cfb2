/**
 * The period over which coefficients are computed, and the status year they are published for.
 *
 * A status year runs 1 March to the end of February (28th, or 29th in a leap year). It is LABELLED
 * by the calendar year in which it starts: status year 2024 = 2024-03-01 .. 2025-02-28. Its default
 * window is the previous four full calendar years, 2020..2023, all closed by the time it starts.
 *
 * Dates are ISO calendar dates ("YYYY-MM-DD"), never `Date` objects: which day it is depends on
 * a time zone, and choosing it belongs to the caller (app/calendar/ knows the organisation's).
 */
import { daysInMonth, isoDateParts } from '../../calendar/calendar-date.ts'

export interface CalendarWindow {
  /** First calendar year, inclusive. */
  readonly fromYear: number
  /** Last calendar year, inclusive. */
  readonly toYear: number
}

export const DEFAULT_WINDOW_YEARS = 4
/** Status years start on 1 March; they end on the last day of February of the next calendar year. */
const MARCH = 3

/** Label (starting calendar year) of the status year that contains the date. */
export function statusYearOf(isoDate: string): number {
  const { year, month } = isoDateParts(isoDate)
  return month >= MARCH ? year : year - 1
}

/** First and last day of a status year, inclusive. */
export function statusYearBounds(statusYear: number): { startsOn: string; endsOn: string } {
  const endYear = statusYear + 1
  return { startsOn: `${statusYear}-03-01`, endsOn: `${endYear}-02-${daysInMonth(endYear, 2)}` }
}

export function calendarWindow(fromYear: number, toYear: number): CalendarWindow {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Not a window of calendar years: ${fromYear}..${toYear}`)
  }
  return { fromYear, toYear }
}

/** The `years` calendar years before the status year starts (default four). */
export function defaultWindowFor(statusYear: number, years: number = DEFAULT_WINDOW_YEARS): CalendarWindow {
  return calendarWindow(statusYear - years, statusYear - 1)
}

/** The status year a default window is published for: the one starting just after its last year (2022–2025 -> 2026). */
export const statusYearOfDefaultWindow = (window: CalendarWindow): number => window.toYear + 1

export const windowLength = (window: CalendarWindow): number => window.toYear - window.fromYear + 1

export function windowYears(window: CalendarWindow): number[] {
  return Array.from({ length: windowLength(window) }, (_, i) => window.fromYear + i)
}

export const windowContainsYear = (window: CalendarWindow, year: number): boolean => year >= window.fromYear && year <= window.toYear

export const windowContains = (window: CalendarWindow, isoDate: string): boolean => windowContainsYear(window, isoDateParts(isoDate).year)

/** The window of the same length just before it, for "change against the previous window". */
export function previousWindow(window: CalendarWindow): CalendarWindow {
  const length = windowLength(window)
  return calendarWindow(window.fromYear - length, window.toYear - length)
}

export const formatWindow = (window: CalendarWindow): string =>
  window.fromYear === window.toYear ? String(window.fromYear) : `${window.fromYear}–${window.toYear}`
