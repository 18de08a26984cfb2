/**
 * How a coefficient is written (pure, client-safe): never on the other side of a band line from
 * its band.
 *
 * Rounding half away from zero can carry a value across a band line: 0.3996 is very poorly
 * balanced (below 0.40) yet rounds to "0.40", and 0.9999 (poorly) to "1.00". Whenever the rounded
 * figure lies on the other side of a line than the exact value, the figure is rounded toward the
 * exact value's side instead (0.3996 -> "0.39", 0.9999 -> "0.99"). Lines with more decimals than
 * the figure could still be straddled (two lines closer than one unit of the last decimal): the figure
 * then gets more decimals until it lands on the right side.
 *
 * The page shows 2 decimals; the CSV export and the accessible text carry 4 (within 0.0001 of the exact value,
 * on the same side of every line).
 */
import { thresholdsOf, type BandPolicy, type Category } from './bands.ts'
import { compare, decimal, toFixedString, type Rational } from './rational.ts'

export const DISPLAY_DECIMALS = 2
export const PRECISE_DECIMALS = 4
/** How many decimals a figure may grow to when two band lines are closer than its last decimal. */
const MAX_EXTRA_DECIMALS = 8

function fixedFromUnits(units: bigint, decimals: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const fraction = digits.slice(digits.length - decimals)
  return `${negative ? '-' : ''}${whole}${decimals === 0 ? '' : `.${fraction}`}`
}

/** Rounded toward minus infinity (`down`) or plus infinity (up) to `decimals` places. */
function directedFixed(value: Rational, decimals: number, direction: 'down' | 'up'): string {
  const scaled = value.num * 10n ** BigInt(decimals)
  let units = scaled / value.den // truncates toward zero
  const exact = units * value.den === scaled
  if (!exact && direction === 'down' && scaled < 0n) units -= 1n
  if (!exact && direction === 'up' && scaled > 0n) units += 1n
  return fixedFromUnits(units, decimals)
}

/** Below a line is one side, at or above it the other, as the bands say ("below 0.40"). */
const crosses = (exact: Rational, shown: Rational, line: Rational) => compare(exact, line) < 0 !== compare(shown, line) < 0

/**
 * `value` to `decimals` places, rounded half away from zero unless that would carry it across one
 * of `lines`; then rounded toward the side the exact value is on.
 */
export function bandSafeFixed(value: Rational, decimals: number, lines: readonly Rational[]): string {
  for (let places = decimals; places <= decimals + MAX_EXTRA_DECIMALS; places++) {
    const rounded = toFixedString(value, places)
    const shown = decimal(rounded)
    if (!lines.some((line) => crosses(value, shown, line))) return rounded
    const directed = directedFixed(value, places, compare(shown, value) > 0 ? 'down' : 'up')
    if (!lines.some((line) => crosses(value, decimal(directed), line))) return directed
  }
  return toFixedString(value, decimals + MAX_EXTRA_DECIMALS)
}

/** The band lines of a category under a policy (0.40 and 1.00 for supplies, 0.40 for services). */
export const bandLinesOf = (category: Category, policy?: BandPolicy): Rational[] => thresholdsOf(category, policy).map((threshold) => threshold.below)

export interface CoefficientFigures {
  /** 2 decimals, on the same side of every band line as the exact value ("0.39" for 0.3996). */
  display: string
  /** 4 decimals, likewise ("0.3996"): the CSV, the hover and the accessible text. */
  precise: string
}

/** The two ways a coefficient is written, for a category's band lines. */
export function formatCoefficient(value: Rational, category: Category, policy?: BandPolicy): CoefficientFigures {
  const lines = bandLinesOf(category, policy)
  return { display: bandSafeFixed(value, DISPLAY_DECIMALS, lines), precise: bandSafeFixed(value, PRECISE_DECIMALS, lines) }
}
