import { describe, expect, test } from 'vitest'
import { addWorkingDays, workingDaysHavePassed } from './working-days.server'

describe('working days', () => {
  test.each([
    ['2026-11-23T09:00:00Z', 3, '2026-11-26T09:00:00Z'], // Monday + 3 = Thursday
    ['2026-11-26T09:00:00Z', 3, '2026-12-01T09:00:00Z'], // Thursday + 3 = Tuesday, over the weekend
    ['2026-11-27T17:00:00Z', 1, '2026-11-30T17:00:00Z'], // Friday + 1 = Monday
    ['2026-11-28T10:00:00Z', 1, '2026-11-30T10:00:00Z'], // Saturday + 1 = Monday
    ['2026-11-23T09:00:00Z', 7, '2026-12-02T09:00:00Z'], // Monday + 7 = Wednesday next week
    ['2026-11-23T09:00:00Z', 0, '2026-11-23T09:00:00Z'],
  ])('%s + %i working days = %s', (start, days, expected) => {
    expect(addWorkingDays(new Date(start), days).toISOString()).toBe(new Date(expected).toISOString())
  })

  test('a delay has passed from the exact moment it ends, not a millisecond before', () => {
    const start = new Date('2026-11-23T09:00:00Z')
    expect(workingDaysHavePassed(start, 3, new Date('2026-11-26T08:59:59.999Z'))).toBe(false)
    expect(workingDaysHavePassed(start, 3, new Date('2026-11-26T09:00:00Z'))).toBe(true)
  })

  test('negative or fractional delays are refused', () => {
    expect(() => addWorkingDays(new Date(), -1)).toThrow(RangeError)
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError)
  })
})
