/**
 * Exact rational numbers (bigint numerator / denominator) for shares, coefficients and thresholds.
 *
 * Why: a band edge such as 0.40 has no exact binary-float representation, so a coefficient that is
 * exactly 0.40 could land on either side of it as a float. Every comparison here is a
 * cross-multiplication of integers; floats appear only in `toDisplayNumber`, for display.
 */

export interface Rational {
  /** Carries the sign. */
  readonly num: bigint
  /** Always > 0; the pair is always reduced, so equal values have equal fields. */
  readonly den: bigint
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n)

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a)
  let y = abs(b)
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  const n = toBigInt(num)
  const d = toBigInt(den)
  if (d === 0n) throw new RangeError('Rational with a zero denominator')
  const sign = d < 0n ? -1n : 1n
  const g = gcd(n, d) // >= 1 since d !== 0
  return { num: (sign * n) / g, den: (sign * d) / g }
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer: ${value}`)
  return BigInt(value)
}

export const ZERO: Rational = rational(0n)
export const ONE: Rational = rational(1n)

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/

/** Exact value of a plain decimal string ("20.8400", "0.4", "-1"); null when it is not one. */
export function parseDecimal(text: string): Rational | null {
  const match = DECIMAL.exec(text.trim())
  if (!match) return null
  const [, sign = '', whole = '0', fraction = ''] = match
  const value = rational(BigInt(whole + fraction), 10n ** BigInt(fraction.length))
  return sign === '-' ? neg(value) : value
}

/** Like `parseDecimal`, for values that were validated upstream: a malformed one is a programming error. */
export function decimal(text: string): Rational {
  const value = parseDecimal(text)
  if (value === null) throw new RangeError(`Not a decimal number: "${text}"`)
  return value
}

export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den })
export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den)
export const sub = (a: Rational, b: Rational): Rational => add(a, neg(b))
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den)

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('Division by zero')
  return rational(a.num * b.den, a.den * b.num)
}

/** -1, 0 or 1; denominators are positive, so cross-multiplying keeps the order. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den
  const right = b.num * a.den
  return left < right ? -1 : left > right ? 1 : 0
}

export const isZero = (a: Rational): boolean => a.num === 0n
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b)

/**
 * Decimal string rounded half away from zero to `decimals` places, computed on integers
 * (so 0.125 -> "0.13", which a float `toFixed` can get wrong).
 */
export function toFixedString(a: Rational, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`Bad number of decimals: ${decimals}`)
  const scale = 10n ** BigInt(decimals)
  const scaled = abs(a.num) * scale
  let units = scaled / a.den
  if ((scaled % a.den) * 2n >= a.den) units += 1n
  const digits = units.toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const fraction = digits.slice(digits.length - decimals)
  const sign = a.num < 0n && units !== 0n ? '-' : ''
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`
}

/** For display only (tables, charts): never compare the result against a threshold. */
export const toDisplayNumber = (a: Rational, decimals: number): number => Number(toFixedString(a, decimals))

/** "num/den", a JSON-safe form (bigint does not survive JSON.stringify) that `parseRational` reads back. */
export const formatRational = (a: Rational): string => `${a.num}/${a.den}`

export function parseRational(text: string): Rational | null {
  const match = /^(-?\d+)\/(\d+)$/.exec(text.trim())
  if (!match || match[1] === undefined || match[2] === undefined || BigInt(match[2]) === 0n) return null
  return rational(BigInt(match[1]), BigInt(match[2]))
}
