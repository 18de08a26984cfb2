import { describe, expect, it } from 'vitest'
import { calendarDateIn, isIsoDate, isWithin } from './calendar-date.ts'

describe('calendar dates', () => {
  it.each([
    ['2025-03-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-3-1', false],
    ['2025-03-01T00:00:00Z', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })

  it('treats both ends of a period as included, and a missing end as open', () => {
    expect(isWithin('2025-03-03', '2025-03-03', '2025-03-07')).toBe(true)
    expect(isWithin('2025-03-07', '2025-03-03', '2025-03-07')).toBe(true)
    expect(isWithin('2025-03-02', '2025-03-03', '2025-03-07')).toBe(false)
    expect(isWithin('2025-03-08', '2025-03-03', '2025-03-07')).toBe(false)
    expect(isWithin('2099-01-01', '2025-03-03', null)).toBe(true)
    expect(isWithin('2099-01-01', '2025-03-03')).toBe(true)
  })

  it('finds the Geneva calendar day of an instant, across daylight saving time', () => {
    expect(calendarDateIn(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30')
    expect(calendarDateIn(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01')
    expect(calendarDateIn(new Date('2025-01-31T23:00:00Z'))).toBe('2025-02-01')
    expect(calendarDateIn(new Date('2025-01-31T23:00:00Z'), 'UTC')).toBe('2025-01-31')
  })
})
