import { describe, expect, test } from 'vitest'
import { minorFromColumn, minorFromNullableColumn, minorToColumn, minorToNullableColumn } from './minor-units.ts'

describe('money columns: BIGINT minor units <-> numbers', () => {
  test('round-trips every safe integer amount exactly', () => {
    for (const minor of [0, 1, -1, 1_000_001, 999_999_999_999_99, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(minorFromColumn(minorToColumn(minor))).toBe(minor)
    }
  })
  test('refuses a column value that a number cannot hold exactly', () => {
    expect(() => minorFromColumn(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError)
    expect(() => minorFromColumn(BigInt(Number.MIN_SAFE_INTEGER) - 1n)).toThrow(RangeError)
  })
  test('refuses fractions and unsafe numbers on the way in', () => {
    expect(() => minorToColumn(1.5)).toThrow(RangeError)
    expect(() => minorToColumn(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError)
    expect(() => minorToColumn(Number.NaN)).toThrow(RangeError)
  })
  test('null stays null', () => {
    expect(minorFromNullableColumn(null)).toBeNull()
    expect(minorToNullableColumn(null)).toBeNull()
    expect(minorFromNullableColumn(42n)).toBe(42)
    expect(minorToNullableColumn(42)).toBe(42n)
  })
})
