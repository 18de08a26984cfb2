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
 * Associate Member States may have a `returnCeiling`: their coefficient counts at most that much.
 * `uncappedCoefficient` keeps the measured value; `cappedAt` is the ceiling when it was applied.
 */
import { bandOf, veryPoorlyTransition, type Band, type BandPolicy, type Category, type VeryPoorlyTransition } from './bands.ts'
import { bandLinesOf, bandSafeFixed, DISPLAY_DECIMALS } from './coefficient-format.ts'
import { contributionSharesOver, type ContributionMethod, type ContributionScale } from './contribution-share.ts'
import { compare, decimal, div, isZero, min, rational, sub, toDisplayNumber, ZERO, type Rational } from './rational.ts'
import { windowContainsYear, type CalendarWindow } from './window.ts'

export type Membership = 'MEMBER' | 'ASSOCIATE' | 'OTHER'

export interface CountryInfo {
  /** ISO 3166-1 alpha-2. */
  code: string
  name: string
  membership: Membership
  /** Highest coefficient an Associate Member State's return counts for (exact decimal); ignored for others. */
  returnCeiling?: string | null
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
  membership: Membership
  valueChfMinor: number
  contractShare: Share
  contributionShare: Share
  /** After the Associate ceiling, if any; the value bands, rankings and alerts use. */
  coefficient: Rational | null
  /** 2 decimals for display, never across a band line (0.3999 is 0.39: see coefficient-format.ts). */
  coefficientDisplay: number | null
  uncappedCoefficient: Rational | null
  cappedAt: Rational | null
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

function sumValuesByCountry(inputs: ReturnInputs): Map<string, bigint> {
  const values = new Map<string, bigint>()
  for (const row of inputs.contracts) {
    if (!Number.isSafeInteger(row.valueChfMinor) || row.valueChfMinor < 0) {
      throw new RangeError(`Contract value for ${row.countryCode} in ${row.year} must be a non-negative integer of centimes`)
    }
    if (row.category !== inputs.category || !windowContainsYear(inputs.window, row.year)) continue
    values.set(row.countryCode, (values.get(row.countryCode) ?? 0n) + BigInt(row.valueChfMinor))
  }
  return values
}

function ceilingOf(country: CountryInfo | undefined): Rational | null {
  if (country?.membership !== 'ASSOCIATE' || country.returnCeiling == null) return null
  return decimal(country.returnCeiling)
}

function reasonForNoCoefficient(membership: Membership, contributionShare: Rational, total: bigint): NoCoefficientReason | null {
  if (membership === 'OTHER') return 'NOT_A_MEMBER'
  if (isZero(contributionShare)) return 'NO_CONTRIBUTION'
  if (total === 0n) return 'NO_CONTRACTS_IN_WINDOW'
  return null
}

export function computeReturnCoefficients(inputs: ReturnInputs): ReturnReport {
  const values = sumValuesByCountry(inputs)
  const total = [...values.values()].reduce((a, b) => a + b, 0n)
  const contributions = contributionSharesOver(inputs.scales, inputs.window)
  const countries = new Map(inputs.countries.map((country) => [country.code, country]))
  const codes = [...new Set([...countries.keys(), ...values.keys(), ...contributions.shares.keys()])].sort()
  const lines = bandLinesOf(inputs.category, inputs.bandPolicy)

  const rows = codes.map((code): CountryReturn => {
    const country = countries.get(code)
    const membership = country?.membership ?? 'OTHER'
    const value = values.get(code) ?? 0n
    const contractShare = total === 0n ? ZERO : rational(value, total)
    const contributionShare = contributions.shares.get(code) ?? ZERO
    const noCoefficientReason = reasonForNoCoefficient(membership, contributionShare, total)
    const uncapped = noCoefficientReason === null ? div(contractShare, contributionShare) : null
    const ceiling = ceilingOf(country)
    const coefficient = uncapped && ceiling ? min(uncapped, ceiling) : uncapped
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
      cappedAt: uncapped && ceiling && compare(uncapped, ceiling) > 0 ? ceiling : null,
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
