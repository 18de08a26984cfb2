import { describe, expect, it } from 'vitest'
import { said } from '~/i18n/said.test-support'
import { currencies, formatAmount, formatChf, formatMoney, isCurrency, MAX_AMOUNT_MINOR, parseAmount, type AmountProblem } from './amount.ts'

describe('parseAmount accepts', () => {
  it.each([
    ["10'000.50", 1_000_050],
    ['10’000.50', 1_000_050],
    ['10 000.50', 1_000_050],
    // Issue 14: the decimal comma of French, read as the point when nothing else could be meant.
    ['10 000,01', 1_000_001],
    ['12 000,50', 1_200_050],
    ["10'000,50", 1_000_050],
    ['10\u202f000,5', 1_000_050],
    ['10,5', 1_050],
    ['10\u202f000.50', 1_000_050],
    ['10\u00a0000.50', 1_000_050],
    ['10000.5', 1_000_050],
    ['10000', 1_000_000],
    ['10,000.50', 1_000_050],
    ['1,234,567.89', 123_456_789],
    ["1'234'567", 123_456_700],
    ['  42.00  ', 4200],
    ['0.01', 1],
    ['0.5', 50],
    ['10000.01', 1_000_001],
    ["10'000'000'000.00", MAX_AMOUNT_MINOR],
  ])('%j as %i minor units', (input, minor) => {
    expect(parseAmount(input)).toEqual({ ok: true, minor })
  })

  it('keeps the largest amount a safe integer', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT_MINOR)).toBe(true)
    expect(MAX_AMOUNT_MINOR).toBe(1_000_000_000_000)
  })
})

describe('parseAmount refuses', () => {
  it.each<[string, AmountProblem, RegExp]>([
    ['', 'EMPTY', /enter an amount/i],
    ['   ', 'EMPTY', /enter an amount/i],
    ['1e5', 'EXPONENT', /exponent/i],
    ['1.5E3', 'EXPONENT', /exponent/i],
    ['-100', 'NEGATIVE', /positive/i],
    ['\u2212100', 'NEGATIVE', /positive/i],
    ['-1e5', 'NEGATIVE', /positive/i],
    ['0', 'ZERO', /greater than zero/i],
    ['0.00', 'ZERO', /greater than zero/i],
    ['10.505', 'TOO_MANY_DECIMALS', /two decimals/i],
    ['10.500', 'TOO_MANY_DECIMALS', /two decimals/i],
    ["10'000'000'000.01", 'TOO_LARGE', /maximum is 10’000’000’000\.00/],
    ['99999999999999999999', 'TOO_LARGE', /too large/i],
    ['abc', 'LETTERS', /only digits/i],
    ['CHF 100', 'LETTERS', /currency/i],
    ['100 CHF', 'LETTERS', /currency/i],
    ['Infinity', 'LETTERS', /only digits/i],
    ['0x10', 'LETTERS', /only digits/i],
    ['$100', 'UNEXPECTED_CHARACTER', /“\$”/],
    ['+100', 'UNEXPECTED_CHARACTER', /“\+”/],
    ['10_000', 'UNEXPECTED_CHARACTER', /“_”/],
    ["1'0000", 'MISPLACED_SEPARATOR', /groups of three/i],
    ["10'00", 'MISPLACED_SEPARATOR', /groups of three/i],
    ["'1000", 'MISPLACED_SEPARATOR', /groups of three/i],
    ["1000'", 'MISPLACED_SEPARATOR', /groups of three/i],
    ['10  000', 'MISPLACED_SEPARATOR', /groups of three/i],
    ["10'000 000", 'MISPLACED_SEPARATOR', /same kind/i],
    ['1,000,00.50', 'MISPLACED_SEPARATOR', /groups of three/i],
    ['1.000.000', 'MISPLACED_SEPARATOR', /point only once/i],
    ['1.000,50', 'MISPLACED_SEPARATOR', /not after the point/i],
    ['10000.', 'MISPLACED_SEPARATOR', /after the point/i],
    ['.50', 'MISPLACED_SEPARATOR', /before the point/i],
    ['1,500', 'AMBIGUOUS_COMMA', /ambiguous/i],
    ['10,505', 'AMBIGUOUS_COMMA', /ambiguous/i],
    ['1,000,50', 'AMBIGUOUS_COMMA', /ambiguous/i],
    ['10 000,', 'AMBIGUOUS_COMMA', /ambiguous/i],
    ['0123', 'LEADING_ZERO', /start with 0/i],
  ])('%j (%s)', (input, problem, message) => {
    const result = parseAmount(input)
    expect(result).toMatchObject({ ok: false, problem })
    if (result.ok) throw new Error('unreachable')
    expect(said.en(result.message)).toMatch(message)
  })
})

describe('formatting', () => {
  it.each([
    [1_000_050, 'CHF\u00a010’000.50'],
    [1, 'CHF\u00a00.01'],
    [10, 'CHF\u00a00.10'],
    [100, 'CHF\u00a01.00'],
    [99_999_999, 'CHF\u00a0999’999.99'],
    [MAX_AMOUNT_MINOR, 'CHF\u00a010’000’000’000.00'],
  ])('formatChf(%i) is %j', (minor, text) => {
    expect(formatChf(minor)).toBe(text)
  })

  it('puts the currency code before the amount', () => {
    expect(formatMoney(1_250_000, 'EUR')).toBe('EUR\u00a012’500.00')
    expect(formatMoney(5, 'GBP')).toBe('GBP\u00a00.05')
  })

  it('writes negative differences with a minus sign after the code', () => {
    expect(formatChf(-123_456)).toBe('CHF\u00a0-1’234.56')
  })

  it('refuses what is not a whole number of minor units', () => {
    expect(() => formatAmount(10.5)).toThrow(RangeError)
    expect(() => formatAmount(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError)
  })

  it('agrees with Intl de-CH apart from the group mark, which ICU versions disagree on', () => {
    const intl = new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' }).format(1_234_567.05)
    expect(formatChf(123_456_705).replaceAll('’', "'")).toBe(intl.replaceAll('’', "'"))
  })

  it('reads back what it writes', () => {
    for (const minor of [1, 99, 100_000, 1_000_001, 5_000_000, MAX_AMOUNT_MINOR]) {
      expect(parseAmount(formatAmount(minor))).toEqual({ ok: true, minor })
    }
  })
})

describe('currencies', () => {
  it('include the ones procurement uses most', () => {
    expect(currencies).toEqual(expect.arrayContaining(['CHF', 'EUR', 'USD', 'GBP']))
  })

  it.each([
    ['CHF', true],
    ['EUR', true],
    ['chf', false],
    ['XYZ', false],
    ['', false],
    [42, false],
    [null, false],
  ])('isCurrency(%j) is %s', (value, expected) => {
    expect(isCurrency(value)).toBe(expected)
  })
})
