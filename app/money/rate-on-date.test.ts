import { describe, expect, test } from 'vitest'
import { rateValidOn, type RateEntry } from './rate-on-date.ts'

const table: RateEntry[] = [
  { currency: 'EUR', validFrom: '2026-01-01', chfPerUnit: '0.94' },
  { currency: 'EUR', validFrom: '2026-07-01', chfPerUnit: '0.93' },
  { currency: 'USD', validFrom: '2026-03-01', chfPerUnit: '0.88' },
]

describe('the exchange rate valid on a date', () => {
  test('is the latest rate from on or before the date, whatever order the table is in', () => {
    expect(rateValidOn(table, 'EUR', '2026-06-30')).toEqual({ chfPerUnit: '0.94', validFrom: '2026-01-01' })
    expect(rateValidOn(table, 'EUR', '2026-07-01')).toEqual({ chfPerUnit: '0.93', validFrom: '2026-07-01' })
    expect(rateValidOn([...table].reverse(), 'EUR', '2026-12-31')).toEqual({ chfPerUnit: '0.93', validFrom: '2026-07-01' })
  })
  test('is missing before the first rate of the currency', () => {
    expect(rateValidOn(table, 'EUR', '2025-12-31')).toBeNull()
    expect(rateValidOn(table, 'GBP', '2026-12-31')).toBeNull()
  })
  test('is 1 for CHF on any date, without a table', () => {
    expect(rateValidOn([], 'CHF', '2026-02-03')).toEqual({ chfPerUnit: '1', validFrom: '2026-02-03' })
  })
})
