/**
 * Calendar dates ("2025-03-01") as plain strings.
 *
 * Positions, absences and policies change by the day, so the workflow compares days, not instants.
 * ISO dates sort lexically, which is all the comparison needed. The caller turns "now" into a day
 * with `calendarDateIn(instant)`; nothing here reads the clock. Client-safe.
 */
import * as z from 'zod/mini'
import { ORGANISATION_TIME_ZONE, wallClockIn } from './time-zone.ts'

export type IsoDate = string

export interface CalendarDateParts {
  year: number
  month: number
  day: number
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function readIsoDate(value: unknown): CalendarDateParts | null {
  if (typeof value !== 'string') return null
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** "YYYY-MM-DD" naming a day that exists (2024-02-29 does, 2025-02-29 does not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return readIsoDate(value) !== null
}

/** The year, month and day of "YYYY-MM-DD"; a RangeError for anything else, impossible days included. */
export function isoDateParts(text: string): CalendarDateParts {
  const parts = readIsoDate(text)
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${text}"`)
  return parts
}

export const isoDateSchema = z.string().check(z.refine(isIsoDate, { message: 'Expected a calendar date such as 2025-03-01.' }))

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function isoDateOf({ year, month, day }: CalendarDateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/**
 * Whether `date` falls in the period, both ends INCLUSIVE: a position `to` 2025-03-31 still holds
 * on 31 March; an absence from 2025-03-03 to 2025-03-07 covers the 3rd and the 7th. An open end
 * (`to` missing or null) runs indefinitely.
 */
export function isWithin(date: IsoDate, from: IsoDate, to?: IsoDate | null): boolean {
  return from <= date && (to == null || date <= to)
}

/** The calendar day an instant falls on in a time zone (Geneva by default). */
export function calendarDateIn(instant: Date, timeZone: string = ORGANISATION_TIME_ZONE): IsoDate {
  return isoDateOf(wallClockIn(instant, timeZone))
}

/** The year a calendar day belongs to (2026 for "2026-12-02"). */
export function yearOf(date: IsoDate): number {
  return isoDateParts(date).year
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = isoDateParts(date)
  const moved = new Date(Date.UTC(year, month - 1, day + days))
  return isoDateOf({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() })
}

/** 0 for Sunday to 6 for Saturday, as the calendar reads (no time zone: a date is already a day). */
export function weekdayOf(date: IsoDate): number {
  const { year, month, day } = isoDateParts(date)
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

export const isWeekend = (date: IsoDate): boolean => {
  const weekday = weekdayOf(date)
  return weekday === 0 || weekday === 6
}
