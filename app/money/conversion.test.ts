import { describe, expect, it } from 'vitest'
import { said, said as saidIn } from '~/i18n/said.test-support'
import { MAX_AMOUNT_MINOR } from './amount.ts'
import { CHF_RATE, chfEquivalent, parseRate, toChfMinor } from './conversion.ts'

describe('parseRate', () => {
  it.each([
    ['0.9412', '0.9412', 941_200],
    ['1', '1', 1_000_000],
    ['1.000000', '1', 1_000_000],
    ['0.000001', '0.000001', 1],
    ['1.10', '1.1', 1_100_000],
    [' 0.0058 ', '0.0058', 5_800],
    ['10000', '10000', 10_000_000_000],
  ])('%j -> text %j, %i millionths', (input, text, micros) => {
    expect(parseRate(input)).toEqual({ ok: true, rate: { text, micros } })
  })

  it.each([
    ['', /decimal number/],
    ['0', /greater than zero/],
    ['0.000000', /greater than zero/],
    ['0.0000001', /at most 6 decimals/],
    ['-0.94', /decimal number/],
    ['0,9412', /decimal number/],
    ['1e-3', /decimal number/],
    ['.94', /decimal number/],
    ['01.2', /must not start with 0/],
    ['10000.000001', /too large/],
    ['123456789', /too large/],
    ['abc', /decimal number/],
  ])('refuses %j', (input, message) => {
    const result = parseRate(input)
    expect(result.ok).toBe(false)
    if (result.ok) throw new Error('unreachable')
    expect(said.en(result.message)).toMatch(message)
  })
})

describe('toChfMinor', () => {
  it('leaves CHF untouched at rate 1', () => {
    expect(toChfMinor(1_000_001, CHF_RATE)).toBe(1_000_001)
    expect(toChfMinor(MAX_AMOUNT_MINOR, '1')).toBe(MAX_AMOUNT_MINOR)
  })

  it.each([
    // [minor, rate, CHF minor, why]
    [1, '0.5', 1, 'exactly half a centime rounds up'],
    [3, '0.5', 2, '1.5 centimes rounds up, not to even'],
    [5, '0.5', 3, '2.5 centimes rounds up, not to even'],
    [1, '0.499999', 0, 'just under half rounds down'],
    [1_250_000, '0.8', 1_000_000, 'EUR 12 500.00 is exactly CHF 10 000.00'],
    [1_250_001, '0.8', 1_000_001, 'EUR 12 500.01 is CHF 10 000.008, rounded up'],
    [1_062_473, '0.9412', 1_000_000, 'EUR 10 624.73 is CHF 9 999.995876, rounded up onto the threshold'],
    [1_062_474, '0.9412', 1_000_001, 'EUR 10 624.74 is CHF 10 000.005288, rounded up'],
    [5_312_367, '0.9412', 5_000_000, 'EUR 53 123.67 lands on CHF 50 000.00'],
    [5_312_368, '0.9412', 5_000_001, 'EUR 53 123.68 lands on CHF 50 000.01'],
  ])('%i at %s -> %i (%s)', (minor, rate, chf) => {
    expect(toChfMinor(minor, rate)).toBe(chf)
  })

  it('stays exact where a float product would not', () => {
    // 100 × 1.005 is 100.49999999999999 in binary floating point, which would round down.
    expect(toChfMinor(100, '1.005')).toBe(101)
    expect(Math.round(100 * 1.005)).toBe(100)
    expect(toChfMinor(MAX_AMOUNT_MINOR, '1234.567891')).toBe(1_234_567_891_000_000)
    expect(() => toChfMinor(MAX_AMOUNT_MINOR, '9999.999999')).toThrow(/too large/)
  })

  it('refuses a bad amount or rate instead of guessing', () => {
    expect(() => toChfMinor(10.5, '1')).toThrow(RangeError)
    expect(() => toChfMinor(-1, '1')).toThrow(RangeError)
    expect(() => toChfMinor(100, '1,2')).toThrow(/Invalid rate/)
  })
})

describe('chfEquivalent', () => {
  it('records the CHF amount and the canonical rate', () => {
    expect(chfEquivalent(1_250_001, 'EUR', '0.800')).toEqual({ ok: true, chfMinor: 1_000_001, rate: { text: '0.8', micros: 800_000 } })
  })

  it('insists on rate 1 for CHF', () => {
    expect(chfEquivalent(100, 'CHF', '1')).toMatchObject({ ok: true, chfMinor: 100 })
    const refused = chfEquivalent(100, 'CHF', '0.9')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(said.en(refused.message)).toBe('An amount in CHF is converted at rate 1, not 0.9.')
  })

  it('refuses equivalents below a centime or above the cap', () => {
    const said = (result: ReturnType<typeof chfEquivalent>) => (result.ok ? null : saidIn.en(result.message))
    expect(said(chfEquivalent(1, 'EUR', '0.4'))).toMatch(/less than one centime/)
    expect(said(chfEquivalent(MAX_AMOUNT_MINOR, 'GBP', '1.1'))).toMatch(/maximum/)
  })

  it('passes parse errors through', () => {
    expect(chfEquivalent(100, 'EUR', 'x')).toMatchObject({ ok: false })
  })
})
