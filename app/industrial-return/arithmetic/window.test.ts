import { describe, expect, it } from 'vitest'
import {
  calendarWindow,
  defaultWindowFor,
  formatWindow,
  previousWindow,
  statusYearBounds,
  statusYearOf,
  windowContains,
  windowYears,
} from './window.ts'
import { isoDateParts as parseIsoDate } from '../../calendar/calendar-date.ts'

describe('status year (1 March to end of February, labelled by its starting year)', () => {
  it.each([
    ['2025-02-28', 2024], // last day of status year 2024 (2025 is not a leap year)
    ['2025-03-01', 2025],
    ['2024-02-29', 2023], // leap day: still the status year that started on 2023-03-01
    ['2024-03-01', 2024],
    ['2024-01-01', 2023],
    ['2024-12-31', 2024],
  ])('%s belongs to status year %i', (date, statusYear) => {
    expect(statusYearOf(date)).toBe(statusYear)
  })

  it('ends on 29 February when that day exists', () => {
    expect(statusYearBounds(2023)).toEqual({ startsOn: '2023-03-01', endsOn: '2024-02-29' })
    expect(statusYearBounds(2024)).toEqual({ startsOn: '2024-03-01', endsOn: '2025-02-28' })
    expect(statusYearBounds(1899).endsOn).toBe('1900-02-28') // divisible by 100: not leap
    expect(statusYearBounds(1999).endsOn).toBe('2000-02-29') // divisible by 400: leap
  })

  it('rejects dates that do not exist or are not ISO', () => {
    for (const bad of ['2025-02-29', '2024-13-01', '2024-04-31', '01/03/2024', '2024-3-1', '']) {
      expect(() => statusYearOf(bad)).toThrow(RangeError)
    }
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
  })
})

describe('window of calendar years', () => {
  it('defaults to the four calendar years before the status year', () => {
    expect(defaultWindowFor(2025)).toEqual({ fromYear: 2021, toYear: 2024 })
    expect(defaultWindowFor(statusYearOf('2025-02-28'))).toEqual({ fromYear: 2020, toYear: 2023 })
    expect(defaultWindowFor(2025, 1)).toEqual({ fromYear: 2024, toYear: 2024 })
    expect(windowYears(defaultWindowFor(2025))).toEqual([2021, 2022, 2023, 2024])
  })

  it('contains the dates of its years, inclusive at both ends', () => {
    const window = calendarWindow(2021, 2024)
    expect(windowContains(window, '2021-01-01')).toBe(true)
    expect(windowContains(window, '2024-12-31')).toBe(true)
    expect(windowContains(window, '2020-12-31')).toBe(false)
    expect(windowContains(window, '2025-01-01')).toBe(false)
  })

  it('has a previous window of the same length just before it', () => {
    expect(previousWindow(calendarWindow(2021, 2024))).toEqual({ fromYear: 2017, toYear: 2020 })
    expect(previousWindow(calendarWindow(2024, 2024))).toEqual({ fromYear: 2023, toYear: 2023 })
  })

  it('refuses a window that ends before it starts', () => {
    expect(() => calendarWindow(2024, 2023)).toThrow(RangeError)
    expect(() => calendarWindow(2023.5, 2024)).toThrow(RangeError)
  })

  it('formats for a page heading', () => {
    expect(formatWindow(calendarWindow(2021, 2024))).toBe('2021–2024')
    expect(formatWindow(calendarWindow(2024, 2024))).toBe('2024')
  })
})
