/**
 * Validation of one year's contribution scale, as entered in a page or imported from CSV.
 * Every problem is reported (not just the first), each as a sentence naming the row and country,
 * so procurement can fix a whole file in one pass.
 */
import type { CountryInfo } from './coefficients.ts'
import type { ContributionScale } from './contribution-share.ts'
import { add, compare, decimal, parseDecimal, rational, sub, toFixedString, ZERO, type Rational } from './rational.ts'

/** Published scales are rounded, so their total may miss 100 slightly; in percentage points. */
export const SCALE_TOTAL_TOLERANCE_PP = '0.05'
export const MAX_PERCENT_DECIMALS = 4

export interface ScaleRowInput {
  countryCode: string
  /** Percentage as typed, e.g. "20.84". */
  percent: string
  /** Line in the source file, when there is one; messages then cite it instead of the row number. */
  line?: number
}

export interface ScaleInput {
  year: number
  budgetChfMinor?: number | null
  rows: readonly ScaleRowInput[]
}

export interface ScaleIssue {
  line: number | null
  countryCode: string | null
  message: string
}

export type ScaleValidation =
  { ok: true; scale: ContributionScale; warnings: ScaleIssue[] } | { ok: false; errors: ScaleIssue[]; warnings: ScaleIssue[] }

export interface ScaleValidationOptions {
  /** Country list with the membership valid for the scale's year. */
  countries: readonly Pick<CountryInfo, 'code' | 'name' | 'membership'>[]
  tolerancePercentagePoints?: string
}

const HUNDRED = rational(100n)
const PERCENT = new RegExp(`^\\d+(\\.\\d{1,${MAX_PERCENT_DECIMALS}})?$`)
const abs = (a: Rational): Rational => (a.num < 0n ? { num: -a.num, den: a.den } : a)

export function validateContributionScale(input: ScaleInput, options: ScaleValidationOptions): ScaleValidation {
  const errors: ScaleIssue[] = []
  const warnings: ScaleIssue[] = []
  const countries = new Map(options.countries.map((country) => [country.code, country]))
  const firstRowOf = new Map<string, string>()
  const shares: ContributionScale['shares'][number][] = []
  let total = ZERO
  let allPercentsValid = true

  if (!Number.isInteger(input.year))
    errors.push({ line: null, countryCode: null, message: `The year "${input.year}" is not a calendar year.` })
  const budget = input.budgetChfMinor
  if (budget != null && (!Number.isSafeInteger(budget) || budget <= 0)) {
    errors.push({
      line: null,
      countryCode: null,
      message: `The budget of ${input.year} must be a positive amount in centimes, got ${budget}.`,
    })
  }
  if (input.rows.length === 0) errors.push({ line: null, countryCode: null, message: `The scale for ${input.year} has no rows.` })

  input.rows.forEach((row, index) => {
    const code = row.countryCode.trim().toUpperCase()
    const country = countries.get(code)
    const where = row.line === undefined ? `Row ${index + 1}` : `Line ${row.line}`
    const label = `${where} (${country ? `${country.name}, ${code}` : code || 'no country'})`
    const fail = (message: string) => errors.push({ line: row.line ?? null, countryCode: code || null, message: `${label}: ${message}` })

    if (!country) fail(`unknown country code "${row.countryCode}".`)
    else if (country.membership === 'OTHER') fail(`${country.name} is not a Member or Associate Member State in ${input.year}, so it has no contribution that year.`)
    const earlier = firstRowOf.get(code)
    if (earlier !== undefined) fail(`the country already appears on ${earlier.toLowerCase()}.`)
    else firstRowOf.set(code, where)

    const text = row.percent.trim()
    const percent = PERCENT.test(text) ? parseDecimal(text) : null
    if (percent === null) {
      allPercentsValid = false
      fail(
        parseDecimal(text) === null
          ? `"${row.percent}" is not a percentage (write it like 20.84, without a % sign).`
          : `"${row.percent}" must be a positive percentage with at most ${MAX_PERCENT_DECIMALS} decimals.`,
      )
      return
    }
    if (percent.num === 0n || compare(percent, HUNDRED) > 0) {
      allPercentsValid = false
      fail(`${text}% must be greater than 0 and at most 100.`)
      return
    }
    total = add(total, percent)
    shares.push({ countryCode: code, percent: toFixedString(percent, MAX_PERCENT_DECIMALS) })
  })

  if (allPercentsValid && input.rows.length > 0) checkTotal(total, input.year, options, errors, warnings)
  for (const country of options.countries) {
    if (country.membership !== 'OTHER' && !firstRowOf.has(country.code)) {
      warnings.push({
        line: null,
        countryCode: country.code,
        message: `${country.name} (${country.code}) has no row in the ${input.year} scale.`,
      })
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings }
  return { ok: true, scale: { year: input.year, budgetChfMinor: budget ?? null, shares }, warnings }
}

function checkTotal(total: Rational, year: number, options: ScaleValidationOptions, errors: ScaleIssue[], warnings: ScaleIssue[]): void {
  const tolerance = decimal(options.tolerancePercentagePoints ?? SCALE_TOTAL_TOLERANCE_PP)
  const off = sub(total, HUNDRED)
  const shown = toFixedString(total, MAX_PERCENT_DECIMALS)
  if (compare(abs(off), tolerance) > 0) {
    errors.push({
      line: null,
      countryCode: null,
      message: `The ${year} percentages add up to ${shown}%, not 100% (allowed difference: ${toFixedString(tolerance, 2)} percentage points).`,
    })
  } else if (off.num !== 0n) {
    warnings.push({ line: null, countryCode: null, message: `The ${year} percentages add up to ${shown}%, within the tolerance of 100%.` })
  }
}
