/**
 * Industrial return coefficients (domain brief, section 3), computed exactly.
 *
 * coefficient(country) = contract share / contribution share, where
 * - contract share = the country's value of contracts of ONE category in the window divided by the
 *   value of ALL contracts of that category in the window, whoever the supplier (non-member
 *   countries' contracts are in the denominator too);
 * - contribution share = see `contribution-share.ts` (budget-weighted or plain mean).
 *
 * The caller decides which country a contract counts for and aggregates before calling: country of
 * origin of the goods for SUPPLIES, country where the supplier is established for SERVICES.
 *
 * No coefficient (null) when: the country is not a Member or Associate Member State; it contributed
 * nothing in the window (never a division by zero); or the window holds no contract of the
 * category at all (a share of nothing says nothing; all contract shares are then 0).
 *
 * Membership is per year (issue 13.6, `membership.ts`): a country's contracts count for its return only
 * in the years it was a Member or Associate Member State; in other years they count in the totals only,
 * like any non-member's. It has a coefficient when it was a member in at least one year of the window.
 *
 * Associate Member States have a ceiling per year (`returnCeilingByYear`, issue 13.7): in a year it is
 * an Associate with a ceiling c, its value counted is at most c x its share of that year's contributions
 * x that year's total of the category, i.e. its coefficient for that year alone counts at most c.
 * `uncappedCoefficient` keeps the measured value; `cappedYears` lists the years the ceiling cut.
 */
import { bandOf, veryPoorlyTransition, type Band, type BandPolicy, type Category, type VeryPoorlyTransition } from './bands.ts'
import { bandLinesOf, bandSafeFixed, DISPLAY_DECIMALS } from './coefficient-format.ts'
import { contributionSharesOver, type ContributionMethod, type ContributionScale } from './contribution-share.ts'
import { add, compare, decimal, div, isZero, mul, rational, sub, toDisplayNumber, ZERO, type Rational } from './rational.ts'
import { calendarWindow, windowContainsYear, windowYears, type CalendarWindow } from './window.ts'

export type Membership = 'MEMBER' | 'ASSOCIATE' | 'OTHER'

export interface CountryInfo {
  /** ISO 3166-1 alpha-2. */
  code: string
  name: string
  /** The membership in force today; a year missing from `membershipByYear` counts under it. */
  membership: Membership
  /** The membership each calendar year counts under (its 31 December): see membership.ts. */
  membershipByYear?: Readonly<Record<number, Membership>>
  /** Per calendar year, the highest coefficient an Associate Member State's return counts for (exact decimal); ignored in years it is not an Associate. */
  returnCeilingByYear?: Readonly<Record<number, string>>
}

/** The membership a year counts under; a country missing from the list is not a member. */
export function membershipOfYear(country: CountryInfo | undefined, year: number): Membership {
  if (!country) return 'OTHER'
  return country.membershipByYear?.[year] ?? country.membership
}

/** Contracts already summed per (year, country, category); rows of the other category are ignored. */
export interface ContractAggregate {
  /** Calendar year of the award. */
  year: number
  countryCode: string
  category: Category
  /** Non-negative integer, CHF centimes. */
  valueChfMinor: number
}

export interface ReturnInputs {
  contracts: readonly ContractAggregate[]
  scales: readonly ContributionScale[]
  window: CalendarWindow
  category: Category
  bandPolicy: BandPolicy
  countries: readonly CountryInfo[]
}

export interface Share {
  /** Fraction of 1 (1/4, not 25). */
  exact: Rational
  /** Percentage rounded to 4 decimals (25 for 1/4), for display only. */
  percentDisplay: number
}

export type NoCoefficientReason = 'NOT_A_MEMBER' | 'NO_CONTRIBUTION' | 'NO_CONTRACTS_IN_WINDOW'

export interface CountryReturn {
  countryCode: string
  /** Null for a supplier country missing from the country list (then treated as OTHER). */
  name: string | null
  /** The membership of the window's last year (or of its last year as a member, if it left). */
  membership: Membership
  /** Every contract of the country in the window, member years or not. */
  valueChfMinor: number
  /** Of the value counted for its return (member years only, each year at most its ceiling); of all its value for a non-member. */
  contractShare: Share
  contributionShare: Share
  /** After the Associate ceiling, if any; the value bands, rankings and alerts use. */
  coefficient: Rational | null
  /** 2 decimals for display, never across a band line (0.3999 is 0.39: see coefficient-format.ts). */
  coefficientDisplay: number | null
  uncappedCoefficient: Rational | null
  /** Years of the window in which its value was cut at its Associate ceiling. */
  cappedYears: number[]
  /** Years of the window in which it was not a member (its contracts count in the totals only), when it was one in another year. */
  nonMemberYears: number[]
  band: Band | null
  noCoefficientReason: NoCoefficientReason | null
}

export interface ReturnReport {
  category: Category
  window: CalendarWindow
  bandPolicyVersion: string
  contributionMethod: ContributionMethod
  missingScaleYears: number[]
  /** Every country's contracts of the category in the window, members or not. */
  totalValueChfMinor: number
  /** One row per known country, per supplier country and per contributing country, by code. */
  rows: CountryReturn[]
}

const share = (exact: Rational): Share => ({ exact, percentDisplay: toDisplayNumber(rational(exact.num * 100n, exact.den), 4) })

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} exceeds the safe integer range`)
  return Number(value)
}

function sumValuesByCountryAndYear(inputs: ReturnInputs): Map<string, Map<number, bigint>> {
  const values = new Map<string, Map<number, bigint>>()
  for (const row of inputs.contracts) {
    if (!Number.isSafeInteger(row.valueChfMinor) || row.valueChfMinor < 0) {
      throw new RangeError(`Contract value for ${row.countryCode} in ${row.year} must be a non-negative integer of centimes`)
    }
    if (row.category !== inputs.category || !windowContainsYear(inputs.window, row.year)) continue
    const byYear = values.get(row.countryCode) ?? new Map<number, bigint>()
    byYear.set(row.year, (byYear.get(row.year) ?? 0n) + BigInt(row.valueChfMinor))
    values.set(row.countryCode, byYear)
  }
  return values
}

function reasonForNoCoefficient(memberYears: number, contributionShare: Rational, total: bigint): NoCoefficientReason | null {
  if (memberYears === 0) return 'NOT_A_MEMBER'
  if (isZero(contributionShare)) return 'NO_CONTRIBUTION'
  if (total === 0n) return 'NO_CONTRACTS_IN_WINDOW'
  return null
}

/** The Associate ceiling of a year, if the country is one that year and has a ceiling for it. */
function ceilingOfYear(country: CountryInfo | undefined, year: number): Rational | null {
  if (membershipOfYear(country, year) !== 'ASSOCIATE') return null
  const ceiling = country?.returnCeilingByYear?.[year]
  return ceiling == null ? null : decimal(ceiling)
}

export function computeReturnCoefficients(inputs: ReturnInputs): ReturnReport {
  const values = sumValuesByCountryAndYear(inputs)
  const years = windowYears(inputs.window)
  const totalByYear = new Map<number, bigint>(years.map((year) => [year, 0n]))
  for (const byYear of values.values()) for (const [year, value] of byYear) totalByYear.set(year, (totalByYear.get(year) ?? 0n) + value)
  const total = [...totalByYear.values()].reduce((a, b) => a + b, 0n)
  const contributions = contributionSharesOver(inputs.scales, inputs.window)
  // A year's own shares: what an Associate ceiling of that year is measured against.
  const yearShares = new Map(years.map((year) => [year, contributionSharesOver(inputs.scales, calendarWindow(year, year)).shares]))
  const countries = new Map(inputs.countries.map((country) => [country.code, country]))
  const codes = [...new Set([...countries.keys(), ...values.keys(), ...contributions.shares.keys()])].sort()
  const lines = bandLinesOf(inputs.category, inputs.bandPolicy)

  const rows = codes.map((code): CountryReturn => {
    const country = countries.get(code)
    const byYear = values.get(code) ?? new Map<number, bigint>()
    const memberYears = years.filter((year) => membershipOfYear(country, year) !== 'OTHER')
    const lastYear = membershipOfYear(country, inputs.window.toYear)
    const membership = lastYear === 'OTHER' && memberYears.length > 0 ? membershipOfYear(country, memberYears[memberYears.length - 1]!) : lastYear
    const value = [...byYear.values()].reduce((a, b) => a + b, 0n)

    let memberValue = 0n
    let counted: Rational = ZERO
    const cappedYears: number[] = []
    for (const year of memberYears) {
      const yearValue = byYear.get(year) ?? 0n
      memberValue += yearValue
      const ceiling = ceilingOfYear(country, year)
      const yearShare = yearShares.get(year)?.get(code)
      const cap = ceiling && yearShare ? mul(mul(ceiling, yearShare), rational(totalByYear.get(year) ?? 0n)) : null
      if (cap && compare(rational(yearValue), cap) > 0) {
        counted = add(counted, cap)
        cappedYears.push(year)
      } else counted = add(counted, rational(yearValue))
    }

    const contributionShare = contributions.shares.get(code) ?? ZERO
    const noCoefficientReason = reasonForNoCoefficient(memberYears.length, contributionShare, total)
    const contractShare = total === 0n ? ZERO : memberYears.length === 0 ? rational(value, total) : div(counted, rational(total))
    const coefficient = noCoefficientReason === null ? div(contractShare, contributionShare) : null
    const uncapped = noCoefficientReason === null ? div(rational(memberValue, total), contributionShare) : null
    return {
      countryCode: code,
      name: country?.name ?? null,
      membership,
      valueChfMinor: toSafeNumber(value, `Contract value of ${code}`),
      contractShare: share(contractShare),
      contributionShare: share(contributionShare),
      coefficient,
      coefficientDisplay: coefficient && Number(bandSafeFixed(coefficient, DISPLAY_DECIMALS, lines)),
      uncappedCoefficient: uncapped,
      cappedYears,
      nonMemberYears: memberYears.length === 0 ? [] : years.filter((year) => !memberYears.includes(year)),
      band: coefficient && bandOf(coefficient, inputs.category, inputs.bandPolicy),
      noCoefficientReason,
    }
  })

  return {
    category: inputs.category,
    window: inputs.window,
    bandPolicyVersion: inputs.bandPolicy.version,
    contributionMethod: contributions.method,
    missingScaleYears: contributions.missingScaleYears,
    totalValueChfMinor: toSafeNumber(total, 'Total contract value'),
    rows,
  }
}

type WithCoefficient = CountryReturn & { coefficient: Rational }

/** The `n` lowest coefficients (Industry Day planning); countries without one are left out; ties by code. */
export function mostImbalanced(rows: readonly CountryReturn[], n = 6): CountryReturn[] {
  return rows
    .filter((row): row is WithCoefficient => row.coefficient !== null)
    .sort((a, b) => compare(a.coefficient, b.coefficient) || a.countryCode.localeCompare(b.countryCode))
    .slice(0, n)
}

export const countVeryPoorly = (rows: readonly CountryReturn[]): number => rows.filter((row) => row.band === 'VERY_POORLY').length

export interface CoefficientChange {
  countryCode: string
  previous: Rational | null
  current: Rational | null
  /** current - previous; null unless both exist. */
  delta: Rational | null
  deltaDisplay: number | null
  previousBand: Band | null
  currentBand: Band | null
  veryPoorly: VeryPoorlyTransition | null
}

/** Change of every country's coefficient and band from one window to another (same category). */
export function compareWindows(current: ReturnReport, previous: ReturnReport): CoefficientChange[] {
  if (current.category !== previous.category) throw new Error('Cannot compare supplies with services')
  const before = new Map(previous.rows.map((row) => [row.countryCode, row]))
  const after = new Map(current.rows.map((row) => [row.countryCode, row]))
  const codes = [...new Set([...after.keys(), ...before.keys()])].sort()
  return codes.map((countryCode) => {
    const was = before.get(countryCode)
    const is = after.get(countryCode)
    const previousValue = was?.coefficient ?? null
    const currentValue = is?.coefficient ?? null
    const delta = previousValue && currentValue ? sub(currentValue, previousValue) : null
    const previousBand = was?.band ?? null
    const currentBand = is?.band ?? null
    return {
      countryCode,
      previous: previousValue,
      current: currentValue,
      delta,
      deltaDisplay: delta && toDisplayNumber(delta, 2),
      previousBand,
      currentBand,
      veryPoorly: veryPoorlyTransition(previousBand, currentBand),
    }
  })
}
