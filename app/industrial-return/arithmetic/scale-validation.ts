/**
 * Validation of one year's contribution scale, as entered in a page or imported from CSV.
 * Every problem is reported (not just the first), each as a sentence naming the row and country,
 * so procurement can fix a whole file in one pass. The sentences are messages of the return-data
 * namespace (app/i18n/message.ts: pure, no language chosen here), said in the reader's language
 * where shown (ledger/message-list.ts translates the problem inside a row's message too).
 */
import { message } from '~/i18n/message'
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
  /** A message (app/i18n/message.ts). */
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
  const firstRowOf = new Map<string, { kind: 'row' | 'line'; number: number }>()
  const shares: ContributionScale['shares'][number][] = []
  let total = ZERO
  let allPercentsValid = true

  if (!Number.isInteger(input.year))
    errors.push({ line: null, countryCode: null, message: message('return-data:scale.issue.notAYear', { year: String(input.year) }) })
  const budget = input.budgetChfMinor
  if (budget != null && (!Number.isSafeInteger(budget) || budget <= 0)) {
    errors.push({
      line: null,
      countryCode: null,
      message: message('return-data:scale.issue.budget', { year: input.year, budget }),
    })
  }
  if (input.rows.length === 0) errors.push({ line: null, countryCode: null, message: message('return-data:scale.issue.noRows', { year: input.year }) })

  input.rows.forEach((row, index) => {
    const code = row.countryCode.trim().toUpperCase()
    const country = countries.get(code)
    const where = row.line === undefined ? { kind: 'row' as const, number: index + 1 } : { kind: 'line' as const, number: row.line }
    const shownCountry = country ? `${country.name}, ${code}` : code
    const fail = (problem: string) =>
      errors.push({
        line: row.line ?? null,
        countryCode: code || null,
        message: shownCountry
          ? message(`return-data:scale.issue.at.${where.kind}`, { number: where.number, country: shownCountry, problem })
          : message(`return-data:scale.issue.at.${where.kind}WithoutCountry`, { number: where.number, problem }),
      })

    if (!country) fail(message('return-data:scale.issue.unknownCode', { code: row.countryCode }))
    else if (country.membership === 'OTHER') fail(message('return-data:scale.issue.notMember', { country: country.name, year: input.year }))
    const earlier = firstRowOf.get(code)
    if (earlier !== undefined) fail(message(`return-data:scale.issue.already.${earlier.kind}`, { number: earlier.number }))
    else firstRowOf.set(code, where)

    const text = row.percent.trim()
    const percent = PERCENT.test(text) ? parseDecimal(text) : null
    if (percent === null) {
      allPercentsValid = false
      fail(
        parseDecimal(text) === null
          ? message('return-data:scale.issue.notAPercentage', { percent: row.percent })
          : message('return-data:scale.issue.percentDecimals', { percent: row.percent, decimals: MAX_PERCENT_DECIMALS }),
      )
      return
    }
    if (percent.num === 0n || compare(percent, HUNDRED) > 0) {
      allPercentsValid = false
      fail(message('return-data:scale.issue.percentRange', { percent: text }))
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
        message: message('return-data:scale.issue.noRowFor', { country: country.name, code: country.code, year: input.year }),
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
      message: message('return-data:scale.issue.total', { year, total: shown, tolerance: toFixedString(tolerance, 2) }),
    })
  } else if (off.num !== 0n) {
    warnings.push({ line: null, countryCode: null, message: message('return-data:scale.issue.totalWithin', { year, total: shown }) })
  }
}
