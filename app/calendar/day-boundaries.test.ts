import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { addDays, calendarDateIn, isoDateParts, weekdayOf } from './calendar-date'
import { dateColumn, isoDateOfColumn } from './date-column'
import { endOfDay, startOfDay } from './day-boundaries'
import { formatDate, formatDateTime, formatPeriod } from './format-date'
import { calendarPeriodOf } from './periods'
import { offsetAt } from './time-zone'
import { addWorkingDays } from './working-days.server'

describe('day boundaries in Geneva', () => {
  test('23:30 UTC already falls on the next Geneva day, winter and summer', () => {
    expect(calendarDateIn(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16')
    expect(calendarDateIn(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16')
    expect(calendarDateIn(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15')
    expect(calendarDateIn(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15')
  })

  test('a day starts at 23:00 UTC the day before in winter, 22:00 in summer', () => {
    expect(startOfDay('2026-01-16').toISOString()).toBe('2026-01-15T23:00:00.000Z')
    expect(startOfDay('2026-07-16').toISOString()).toBe('2026-07-15T22:00:00.000Z')
    expect(endOfDay('2026-07-15').toISOString()).toBe('2026-07-15T22:00:00.000Z')
  })

  test('the days of the daylight-saving changes last 23 and 25 hours', () => {
    // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026, at 01:00 UTC.
    expect(endOfDay('2026-03-29').getTime() - startOfDay('2026-03-29').getTime()).toBe(23 * 3_600_000)
    expect(endOfDay('2026-10-25').getTime() - startOfDay('2026-10-25').getTime()).toBe(25 * 3_600_000)
    expect(offsetAt(Date.parse('2026-03-29T00:59:59Z'))).toBe(3_600_000)
    expect(offsetAt(Date.parse('2026-03-29T01:00:00Z'))).toBe(7_200_000)
    expect(offsetAt(Date.parse('2026-10-25T00:59:59Z'))).toBe(7_200_000)
    expect(offsetAt(Date.parse('2026-10-25T01:00:00Z'))).toBe(3_600_000)
  })

  test('a delay in working days keeps Geneva’s time of day across a daylight-saving change', () => {
    // Friday 27 March 2026, 10:00 in Geneva (09:00 UTC): Monday 30 March, 10:00 in Geneva, now 08:00 UTC.
    expect(addWorkingDays(new Date('2026-03-27T09:00:00Z'), 1).toISOString()).toBe('2026-03-30T08:00:00.000Z')
    // Friday 23 October 2026, 10:00 in Geneva (08:00 UTC): Monday 26 October, 10:00 in Geneva, now 09:00 UTC.
    expect(addWorkingDays(new Date('2026-10-23T08:00:00Z'), 1).toISOString()).toBe('2026-10-26T09:00:00.000Z')
  })

  test('working days are Geneva’s days: Friday 23:30 UTC in winter is already Saturday there', () => {
    // Saturday 00:30 in Geneva + 1 working day = Monday 00:30 in Geneva = Sunday 23:30 UTC.
    expect(addWorkingDays(new Date('2026-11-27T23:30:00Z'), 1).toISOString()).toBe('2026-11-29T23:30:00.000Z')
    // Thursday 23:30 UTC is Friday 00:30 in Geneva: one working day later is Monday 00:30 there.
    expect(addWorkingDays(new Date('2026-11-26T23:30:00Z'), 1).toISOString()).toBe('2026-11-29T23:30:00.000Z')
  })
})

describe('calendar dates', () => {
  test('days are added across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
  })

  test('weekdays and parts of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe(1)
    expect(weekdayOf('2026-11-29')).toBe(0)
    expect(isoDateParts('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(() => isoDateParts('2025-02-29')).toThrow(RangeError)
  })

  test('a date column is the day at midnight UTC, and reads back as the same day', () => {
    expect(dateColumn('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(isoDateOfColumn(dateColumn('2026-03-01'))).toBe('2026-03-01')
  })

  test('formatting: dates as the calendar reads, instants on Geneva’s clock', () => {
    expect(formatDate('2026-03-01')).toBe('1 Mar 2026')
    expect(formatDate(dateColumn('2026-03-01'))).toBe('1 Mar 2026')
    expect(formatDateTime('2026-01-15T23:30:00Z')).toBe('16 Jan 2026, 00:30 CET')
    expect(formatDateTime(new Date('2026-07-15T08:00:00Z'))).toBe('15 Jul 2026, 10:00 CEST')
    expect(formatPeriod('2026-03-01', '2026-03-31')).toBe('1 Mar 2026 – 31 Mar 2026')
    expect(formatPeriod('2026-03-01', null)).toBe('since 1 Mar 2026')
  })

  test('months and quarters of an instant, in Geneva', () => {
    expect(calendarPeriodOf(new Date('2026-09-30T22:30:00Z'), 'MONTHLY')).toEqual({ key: '2026-10', label: 'October 2026' })
    expect(calendarPeriodOf(new Date('2026-09-30T22:30:00Z'), 'QUARTERLY')).toEqual({ key: '2026-Q4', label: 'Q4 2026' })
  })
})

describe('the holiday rules stay out of the browser', () => {
  test('only server-only calendar modules import date-holidays or the modules that use it', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url))
    const offenders = readdirSync(folder)
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/\.server\.tsx?$/.test(name))
      .filter((name) => /from '(date-holidays|\.\/[\w-]+\.server(\.ts)?)'/.test(readFileSync(`${folder}/${name}`, 'utf8')))
    expect(offenders).toEqual([])
  })
})
