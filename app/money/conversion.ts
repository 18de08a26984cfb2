/**
 * CHF equivalents of foreign amounts, computed exactly.
 *
 * A rate is "CHF per 1 unit of the currency" as procurement's rate table states it (EUR "0.9412"),
 * with at most six decimals. It is kept as an integer number of millionths, so converting is one
 * integer product and one rounded division; the product can reach 1e12 × 1e9 and is done in bigint.
 */
import { MAX_AMOUNT_MINOR } from './amount.ts'
import type { Currency } from './currency.ts'
import { message } from '../i18n/message.ts'

export const MAX_RATE_DECIMALS = 6
/** Rates above this are typing mistakes (no currency in the list is worth 10 000 CHF). */
export const MAX_RATE_MICROS = 10_000 * 1_000_000

const MICROS_PER_UNIT = 1_000_000n

export type ExchangeRate = {
  /** Canonical decimal text, as stored beside the justification: "0.9412", "1". */
  readonly text: string
  /** The rate in millionths of a CHF per unit: "0.9412" -> 941 200. */
  readonly micros: number
}

export type ParseRateResult = { ok: true; rate: ExchangeRate } | { ok: false; message: string }

export const CHF_RATE: ExchangeRate = { text: '1', micros: 1_000_000 }

/** Parses "0.9412" (CHF per unit). Only a point as decimal mark, no grouping, no exponent. */
export function parseRate(input: string): ParseRateResult {
  const text = input.trim()
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text)
  if (!match) return { ok: false, message: message('forms:rate.format') }
  const whole = match[1] ?? ''
  const fraction = match[2] ?? ''
  if (fraction.length > MAX_RATE_DECIMALS) {
    return { ok: false, message: message('forms:rate.decimals', { decimals: MAX_RATE_DECIMALS }) }
  }
  if (whole.length > 1 && whole.startsWith('0')) return { ok: false, message: message('forms:rate.leadingZero') }
  if (whole.length > String(MAX_RATE_MICROS / 1_000_000).length) return rateTooLarge()
  const micros = Number(whole) * 1_000_000 + Number(fraction.padEnd(MAX_RATE_DECIMALS, '0'))
  if (micros === 0) return { ok: false, message: message('forms:rate.zero') }
  if (micros > MAX_RATE_MICROS) return rateTooLarge()
  return { ok: true, rate: { text: rateText(micros), micros } }
}

function rateTooLarge(): ParseRateResult {
  return { ok: false, message: message('forms:rate.tooLarge', { max: MAX_RATE_MICROS / 1_000_000 }) }
}

function rateText(micros: number): string {
  const whole = Math.floor(micros / 1_000_000)
  const fraction = String(micros % 1_000_000).padStart(MAX_RATE_DECIMALS, '0').replace(/0+$/, '')
  return fraction === '' ? String(whole) : `${whole}.${fraction}`
}

/**
 * CHF minor units for `minor` units of a currency at `rate`, rounded half-up to the centime
 * (x.5 centimes goes up; amounts are positive, so this is also half away from zero).
 * Half-up rather than banker's rounding because it is what people check with a calculator.
 */
export function toChfMinor(minor: number, rate: ExchangeRate | string): number {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Not a positive integer number of minor units: ${minor}`)
  const micros = BigInt(resolveRate(rate).micros)
  const chf = (BigInt(minor) * micros + MICROS_PER_UNIT / 2n) / MICROS_PER_UNIT
  if (chf > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('The CHF equivalent is too large to represent exactly.')
  return Number(chf)
}

function resolveRate(rate: ExchangeRate | string): ExchangeRate {
  if (typeof rate !== 'string') return rate
  const parsed = parseRate(rate)
  if (!parsed.ok) throw new RangeError(`Invalid rate "${rate}": ${parsed.message}`)
  return parsed.rate
}

export type ChfEquivalent = { chfMinor: number; rate: ExchangeRate }

export type ChfEquivalentResult = ({ ok: true } & ChfEquivalent) | { ok: false; message: string }

/**
 * The CHF equivalent a justification records: amount in CHF plus the rate used.
 * CHF amounts must come with rate "1" (a different one means the rate table was misread).
 */
export function chfEquivalent(minor: number, currency: Currency, rate: ExchangeRate | string): ChfEquivalentResult {
  const parsed = typeof rate === 'string' ? parseRate(rate) : ({ ok: true, rate } as const)
  if (!parsed.ok) return parsed
  if (currency === 'CHF' && parsed.rate.micros !== CHF_RATE.micros) {
    return { ok: false, message: message('forms:rate.chfNotOne', { rate: parsed.rate.text }) }
  }
  const chfMinor = toChfMinor(minor, parsed.rate)
  if (chfMinor === 0) return { ok: false, message: message('forms:rate.belowCentime') }
  if (chfMinor > MAX_AMOUNT_MINOR) return { ok: false, message: message('forms:rate.aboveMaximum') }
  return { ok: true, chfMinor, rate: parsed.rate }
}
