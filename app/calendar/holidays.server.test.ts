import { describe, expect, test } from 'vitest'
import { isPublicHoliday, publicHolidaysIn } from './holidays.server'
import { addWorkingDays, isWorkingDay } from './working-days.server'

describe('public holidays of the organisation’s site (Geneva)', () => {
  test.each([
    ['2026-01-01', 'New Year'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-14', 'Ascension'],
    ['2026-05-25', 'Whit Monday'],
    ['2026-08-01', 'Swiss National Day'],
    ['2026-09-10', 'Jeûne genevois (Thursday after the first Sunday of September)'],
    ['2025-09-11', 'Jeûne genevois, the year before'],
    ['2026-12-25', 'Christmas'],
    ['2026-12-31', 'Restauration de la République'],
  ])('%s (%s) is a public holiday and not a working day', (date) => {
    expect(isPublicHoliday(date)).toBe(true)
    expect(isWorkingDay(date)).toBe(false)
  })

  test('bank days and observances are working days: 2 January, 26 December (a Monday in 2022), Maundy Thursday', () => {
    expect(isWorkingDay('2026-01-02')).toBe(true)
    expect(isWorkingDay('2022-12-26')).toBe(true)
    expect(isWorkingDay('2026-04-02')).toBe(true)
  })

  test('an ordinary weekday is a working day; a weekend day is not', () => {
    expect(isWorkingDay('2026-09-09')).toBe(true)
    expect(isWorkingDay('2026-09-12')).toBe(false)
  })

  test('holidays come in date order, each once', () => {
    const dates = publicHolidaysIn(2026).map((h) => h.date)
    expect(dates).toEqual([...new Set(dates)].sort())
    expect(dates).toContain('2026-09-10')
  })

  test('working days step over Geneva holidays', () => {
    // Wednesday 9 September 2026, 10:00 in Geneva: Thursday is the Jeûne genevois, so one working day is Friday.
    expect(addWorkingDays(new Date('2026-09-09T08:00:00Z'), 1).toISOString()).toBe('2026-09-11T08:00:00.000Z')
    // Wednesday 30 December 2026: 31 December and 1 January are holidays, then a weekend: Monday 4 January (winter time).
    expect(addWorkingDays(new Date('2026-12-30T09:00:00Z'), 1).toISOString()).toBe('2027-01-04T09:00:00.000Z')
    // Thursday 2 April 2026: Good Friday and Easter Monday are holidays: Tuesday 7 April.
    expect(addWorkingDays(new Date('2026-04-02T08:00:00Z'), 1).toISOString()).toBe('2026-04-07T08:00:00.000Z')
  })
})
