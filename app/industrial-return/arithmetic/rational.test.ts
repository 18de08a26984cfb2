import { describe, expect, it } from 'vitest'
import {
  add,
  compare,
  decimal,
  div,
  formatRational,
  min,
  mul,
  parseDecimal,
  parseRational,
  rational,
  sub,
  toDisplayNumber,
  toFixedString,
  ZERO,
} from './rational.ts'

describe('rational', () => {
  it('keeps values reduced with a positive denominator, so equal values have equal fields', () => {
    expect(rational(4n, -8n)).toEqual({ num: -1n, den: 2n })
    expect(rational(0n, 5n)).toEqual(ZERO)
    expect(() => rational(1n, 0n)).toThrow(RangeError)
    expect(() => rational(0.5)).toThrow(RangeError)
  })

  it('parses decimal strings exactly', () => {
    expect(parseDecimal('20.8400')).toEqual(rational(521n, 25n)) // 208400/10000 = 521/25
    expect(parseDecimal('0.40')).toEqual(rational(2n, 5n))
    expect(parseDecimal('-1.5')).toEqual(rational(-3n, 2n))
    expect(parseDecimal(' 7 ')).toEqual(rational(7n))
    for (const bad of ['', '1,5', '1e3', '.5', '5.', 'abc', '1.2.3']) expect(parseDecimal(bad)).toBeNull()
    expect(() => decimal('x')).toThrow(/Not a decimal/)
  })

  it('does arithmetic exactly', () => {
    expect(add(decimal('0.1'), decimal('0.2'))).toEqual(decimal('0.3')) // 0.1 + 0.2 !== 0.3 in floats
    expect(sub(decimal('1'), decimal('0.6'))).toEqual(decimal('0.4'))
    expect(mul(rational(2n, 3n), rational(3n, 4n))).toEqual(rational(1n, 2n))
    expect(div(decimal('0.04'), decimal('0.1'))).toEqual(decimal('0.4'))
    expect(() => div(ZERO, ZERO)).toThrow(/Division by zero/)
  })

  it('compares by cross-multiplication where floats go wrong', () => {
    // As floats 0.04 / 0.1 = 0.39999999999999997 < 0.4; exactly it is 0.4.
    expect(0.04 / 0.1 < 0.4).toBe(true)
    expect(compare(div(decimal('0.04'), decimal('0.1')), decimal('0.40'))).toBe(0)
    expect(compare(rational(1n, 3n), rational(333n, 1000n))).toBe(1)
    expect(compare(rational(-1n, 2n), ZERO)).toBe(-1)
    expect(min(rational(3n, 2n), rational(7n, 5n))).toEqual(rational(7n, 5n))
  })

  it('rounds for display half away from zero, on integers', () => {
    expect(toFixedString(rational(201n, 200n), 2)).toBe('1.01') // 1.005; as a float, (1.005).toFixed(2) is "1.00"
    expect((1.005).toFixed(2)).toBe('1.00')
    expect(toFixedString(rational(1n, 8n), 2)).toBe('0.13')
    expect(toFixedString(rational(2n, 3n), 2)).toBe('0.67')
    expect(toFixedString(rational(-1n, 200n), 2)).toBe('-0.01') // -0.005
    expect(toFixedString(rational(-1n, 300n), 2)).toBe('0.00') // no "-0.00"
    expect(toFixedString(rational(49n, 10000n), 2)).toBe('0.00')
    expect(toFixedString(rational(12345n), 0)).toBe('12345')
    expect(toFixedString(decimal('2.24'), 4)).toBe('2.2400')
    expect(toDisplayNumber(rational(3999998n, 10000000n), 2)).toBe(0.4)
  })

  it('round-trips through a JSON-safe string', () => {
    const value = rational(-50n, 101n)
    expect(formatRational(value)).toBe('-50/101')
    expect(parseRational(formatRational(value))).toEqual(value)
    expect(parseRational('1/0')).toBeNull()
    expect(parseRational('0.5')).toBeNull()
  })
})
