import { describe, expect, it } from 'vitest'
import { DEFAULT_BAND_POLICY } from './bands.ts'
import { computeReturnCoefficients, countVeryPoorly, mostImbalanced, type ReturnInputs } from './coefficients.ts'
import { decimal, rational } from './rational.ts'
import { calendarWindow } from './window.ts'
import { COUNTRIES, contract, contractsIn, member, row, scale } from './coefficients-test-support.ts'

/*
 * One year, 2023. Scale: FR 45 %, DE 40 %, CH 10 %, SK 5 %.
 * Supplies: FR 3000, DE 4000, CH 400, US 2600 (non-member), SK nothing  -> total 10 000.
 *   FR 0.30 / 0.45 = 2/3  = 0.67 POORLY
 *   DE 0.40 / 0.40 = 1    = 1.00 WELL        (exactly the 1.00 edge)
 *   CH 0.04 / 0.10 = 2/5  = 0.40 POORLY      (exactly the 0.40 edge; 0.04/0.1 as floats is 0.39999999999999997)
 *   SK 0    / 0.05 = 0    = 0.00 VERY_POORLY (zero contracts)
 *   US share 0.26, no coefficient
 * Services: FR 500, CH 200, US 300 -> total 1000 (the supplies above do not count).
 *   FR 0.5 / 0.45 = 10/9 = 1.11 WELL; CH 0.2 / 0.1 = 2 WELL; DE 0 / 0.4 = 0 POORLY; SK 0 POORLY
 */
const ONE_YEAR: Omit<ReturnInputs, 'category'> = {
  window: calendarWindow(2023, 2023),
  bandPolicy: DEFAULT_BAND_POLICY,
  countries: COUNTRIES,
  scales: [scale(2023, { FR: '45', DE: '40', CH: '10', SK: '5' })],
  contracts: [
    ...contractsIn(2023, { FR: 3000, DE: 4000, CH: 400, US: 2600 }),
    ...contractsIn(2023, { FR: 500, CH: 200, US: 300 }, 'SERVICES'),
  ],
}

describe('computeReturnCoefficients: supplies', () => {
  const report = computeReturnCoefficients({ ...ONE_YEAR, category: 'SUPPLIES' })

  it('divides the contract share by the contribution share, exactly', () => {
    expect(report.totalValueChfMinor).toBe(10_000)
    expect(row(report, 'FR')).toMatchObject({
      coefficient: rational(2n, 3n),
      coefficientDisplay: 0.67,
      band: 'POORLY',
      valueChfMinor: 3000,
    })
    expect(row(report, 'FR').contractShare).toEqual({ exact: rational(3n, 10n), percentDisplay: 30 })
    expect(row(report, 'FR').contributionShare).toEqual({ exact: rational(9n, 20n), percentDisplay: 45 })
  })

  it('is WELL at exactly 1.00 and POORLY at exactly 0.40', () => {
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(1n), coefficientDisplay: 1, band: 'WELL' })
    expect(row(report, 'CH')).toMatchObject({ coefficient: rational(2n, 5n), coefficientDisplay: 0.4, band: 'POORLY' })
  })

  it('gives a member with no contracts a coefficient of 0, very poorly balanced', () => {
    expect(row(report, 'SK')).toMatchObject({
      valueChfMinor: 0,
      coefficient: rational(0n),
      coefficientDisplay: 0,
      band: 'VERY_POORLY',
      noCoefficientReason: null,
    })
    expect(countVeryPoorly(report.rows)).toBe(1)
  })

  it('counts a non-member supplier in the total only', () => {
    expect(row(report, 'US')).toMatchObject({
      membership: 'OTHER',
      valueChfMinor: 2600,
      coefficient: null,
      coefficientDisplay: null,
      band: null,
      noCoefficientReason: 'NOT_A_MEMBER',
    })
    expect(row(report, 'US').contractShare.exact).toEqual(rational(13n, 50n)) // 2600 / 10000
    // Without US in the denominator FR would be 3000/7400 / 0.45 = 0.90, not 0.67.
  })

  it('lists every country once, by code, and says how it computed', () => {
    expect(report.rows.map((r) => r.countryCode)).toEqual(['CH', 'DE', 'FR', 'SK', 'US'])
    expect(report).toMatchObject({
      category: 'SUPPLIES',
      contributionMethod: 'PLAIN_MEAN',
      missingScaleYears: [],
      bandPolicyVersion: DEFAULT_BAND_POLICY.version,
    })
  })

  it('is very poorly balanced a hair below 0.40, and displays as 0.39, not 0.40', () => {
    // FR 1 999 999 / 10 000 000 = 0.1999999 of contracts, 50 % of contributions -> 0.3999998
    const hair = computeReturnCoefficients({
      ...ONE_YEAR,
      category: 'SUPPLIES',
      scales: [scale(2023, { FR: '50', DE: '50' })],
      contracts: [contract(2023, 'FR', 1_999_999), contract(2023, 'DE', 8_000_001)],
    })
    expect(row(hair, 'FR')).toMatchObject({ coefficient: decimal('0.3999998'), coefficientDisplay: 0.39, band: 'VERY_POORLY' })
  })
})

describe('computeReturnCoefficients: services, computed apart', () => {
  const report = computeReturnCoefficients({ ...ONE_YEAR, category: 'SERVICES' })

  it('uses only service contracts and the services bands', () => {
    expect(report.totalValueChfMinor).toBe(1000)
    expect(row(report, 'FR')).toMatchObject({ coefficient: rational(10n, 9n), coefficientDisplay: 1.11, band: 'WELL' })
    expect(row(report, 'CH')).toMatchObject({ coefficient: rational(2n), band: 'WELL' })
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(0n), band: 'POORLY' }) // services have no very poorly class
    expect(countVeryPoorly(report.rows)).toBe(0)
  })

  it('is WELL at exactly 0.40 for services', () => {
    // CH 40 of 1000 = 0.04, / 0.10 = 0.40
    const edge = computeReturnCoefficients({
      ...ONE_YEAR,
      category: 'SERVICES',
      contracts: [contract(2023, 'CH', 40, 'SERVICES'), contract(2023, 'FR', 960, 'SERVICES')],
    })
    expect(row(edge, 'CH')).toMatchObject({ coefficient: rational(2n, 5n), band: 'WELL' })
  })
})

/*
 * Window 2021-2022. Scales: 2021 FR 60 / DE 40, budget 1000; 2022 FR 40 / DE 60, budget 3000.
 * Contracts: 2021 FR 100, DE 300; 2022 FR 800, DE 800; 2020 FR 99 999 (outside, ignored).
 *   contract shares: FR 900/2000 = 0.45, DE 1100/2000 = 0.55
 * Budget-weighted: FR (1000*0.6 + 3000*0.4)/4000 = 1800/4000 = 0.45 -> 0.45/0.45 = 1.00 WELL
 *                  DE (1000*0.4 + 3000*0.6)/4000 = 2200/4000 = 0.55 -> 1.00 WELL
 * Plain mean:      FR (0.6 + 0.4)/2 = 0.5 -> 0.45/0.5 = 0.90 POORLY;  DE (0.4 + 0.6)/2 = 0.5 -> 1.10 WELL
 */
describe('computeReturnCoefficients: several years with changing scales', () => {
  const inputs: ReturnInputs = {
    window: calendarWindow(2021, 2022),
    category: 'SUPPLIES',
    bandPolicy: DEFAULT_BAND_POLICY,
    countries: COUNTRIES,
    scales: [scale(2021, { FR: '60', DE: '40' }, 1000), scale(2022, { FR: '40', DE: '60' }, 3000)],
    contracts: [...contractsIn(2021, { FR: 100, DE: 300 }), ...contractsIn(2022, { FR: 800, DE: 800 }), contract(2020, 'FR', 99_999)],
  }

  it('weights the yearly scales by budget when every year has one', () => {
    const report = computeReturnCoefficients(inputs)
    expect(report.contributionMethod).toBe('BUDGET_WEIGHTED')
    expect(report.totalValueChfMinor).toBe(2000)
    expect(row(report, 'FR')).toMatchObject({
      contributionShare: { exact: rational(9n, 20n), percentDisplay: 45 },
      coefficient: rational(1n),
      band: 'WELL',
    })
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(1n), band: 'WELL' })
  })

  it('takes the plain mean of the yearly percentages when a budget is unknown', () => {
    const report = computeReturnCoefficients({
      ...inputs,
      scales: [scale(2021, { FR: '60', DE: '40' }, 1000), scale(2022, { FR: '40', DE: '60' })],
    })
    expect(report.contributionMethod).toBe('PLAIN_MEAN')
    expect(row(report, 'FR')).toMatchObject({
      contributionShare: { exact: rational(1n, 2n) },
      coefficient: rational(9n, 10n),
      band: 'POORLY',
    })
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(11n, 10n), band: 'WELL' })
  })

  it('leaves a year without a scale out of the mean and reports it', () => {
    // Window 2021-2023, no 2023 scale -> plain mean over 2021-2022: FR 0.5, DE 0.5.
    // Contracts add FR 1000 in 2023: FR 1900/3000 = 19/30 -> /0.5 = 19/15 = 1.27; DE 1100/3000 -> 11/15 = 0.73
    const report = computeReturnCoefficients({
      ...inputs,
      window: calendarWindow(2021, 2023),
      contracts: [...inputs.contracts, contract(2023, 'FR', 1000)],
    })
    expect(report).toMatchObject({ contributionMethod: 'PLAIN_MEAN', missingScaleYears: [2023], totalValueChfMinor: 3000 })
    expect(row(report, 'FR')).toMatchObject({ coefficient: rational(19n, 15n), coefficientDisplay: 1.27, band: 'WELL' })
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(11n, 15n), coefficientDisplay: 0.73, band: 'POORLY' })
  })
})

/*
 * Window 2021-2022, plain mean. 2021: FR 60, DE 40. 2022: FR 40, DE 50, UA 10 (Associate, joins in 2022).
 *   UA contributes 0 in 2021: (0 + 0.10)/2 = 0.05; FR (0.6+0.4)/2 = 0.5; DE (0.4+0.5)/2 = 0.45
 * Contracts 2022: FR 450, DE 450, UA 100 -> 1000.
 *   FR 0.45/0.5 = 0.90; DE 0.45/0.45 = 1.00; UA 0.10/0.05 = 2.00
 * UA's own 2022: 0.10 of the contracts over 0.10 of the contributions = 1.00.
 *   With a 2022 ceiling of 0.80 it counts at most 0.80 x 0.10 x 1000 = 80 of its 100:
 *   share 80/1000 = 0.08, coefficient 0.08/0.05 = 1.60 (measured 2.00), capped in 2022.
 */
describe('computeReturnCoefficients: Associate Member States and their ceiling per year', () => {
  const ukraine = (returnCeilingByYear: Record<number, string>) => ({ code: 'UA', name: 'Ukraine', membership: 'ASSOCIATE' as const, returnCeilingByYear })
  const inputs: ReturnInputs = {
    window: calendarWindow(2021, 2022),
    category: 'SUPPLIES',
    bandPolicy: DEFAULT_BAND_POLICY,
    countries: [...COUNTRIES, ukraine({ 2022: '1.50' })],
    scales: [scale(2021, { FR: '60', DE: '40' }), scale(2022, { FR: '40', DE: '50', UA: '10' })],
    contracts: [contract(2022, 'FR', 450), contract(2022, 'DE', 450), contract(2022, 'UA', 100)],
  }

  it('counts a country absent from a year of the scale as contributing 0 that year', () => {
    const report = computeReturnCoefficients(inputs)
    expect(row(report, 'UA').contributionShare.exact).toEqual(rational(1n, 20n))
    expect(row(report, 'DE').contributionShare.exact).toEqual(rational(9n, 20n))
    expect(row(report, 'FR').coefficient).toEqual(rational(9n, 10n))
  })

  it('does not cut a year whose own coefficient is below its ceiling, even when the window coefficient is above it', () => {
    // 2022 alone is 1.00 < 1.50; the window's 2.00 comes from the year before it joined.
    expect(row(computeReturnCoefficients(inputs), 'UA')).toMatchObject({ coefficient: rational(2n), uncappedCoefficient: rational(2n), cappedYears: [] })
  })

  it('counts an Associate at its ceiling for a year only up to the ceiling, and keeps the measured value', () => {
    const report = computeReturnCoefficients({ ...inputs, countries: [...COUNTRIES, ukraine({ 2022: '0.80' })] })
    expect(row(report, 'UA')).toMatchObject({
      valueChfMinor: 100,
      uncappedCoefficient: rational(2n),
      coefficient: rational(8n, 5n),
      coefficientDisplay: 1.6,
      cappedYears: [2022],
      band: 'WELL',
    })
    expect(row(report, 'UA').contractShare.exact).toEqual(rational(2n, 25n))
    // The value above the ceiling still counts in the total: the others' shares do not move.
    expect(report.totalValueChfMinor).toBe(1000)
    expect(row(report, 'FR').coefficient).toEqual(rational(9n, 10n))
  })

  it('ignores a ceiling given to a full Member, and a ceiling of another year', () => {
    const report = computeReturnCoefficients({
      ...inputs,
      countries: [
        ...COUNTRIES.filter((c) => c.code !== 'DE'),
        { code: 'DE', name: 'Germany', membership: 'MEMBER', returnCeilingByYear: { 2022: '0.5' } },
        ukraine({ 2021: '0.10', 2023: '0.10' }),
      ],
    })
    expect(row(report, 'UA')).toMatchObject({ coefficient: rational(2n), cappedYears: [] })
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(1n), cappedYears: [] })
  })
})

/*
 * Membership changing inside the window (issue 13.6). Window 2021-2022, plain mean, supplies.
 *   Scales: 2021 FR 60, DE 40; 2022 FR 40, DE 50, UA 10.
 *   Contracts: 2021 FR 500, DE 400, UA 100 (1000); 2022 FR 450, DE 450, UA 100 (1000) -> 2000.
 * UA is not a member in 2021 and an Associate from 2022:
 *   its 2021 contracts count in the total only; counted 100 of its 200: share 100/2000 = 1/20,
 *   contribution (0 + 0.10)/2 = 1/20 -> 1.00 WELL. Taken as an Associate all window (today's membership)
 *   it would count 200/2000 = 1/10 -> 2.00.
 *   FR (950/2000)/0.5 = 0.95 POORLY; DE (850/2000)/0.45 = 17/18 = 0.94 POORLY.
 * SI, an Associate in 2021 with a 0.50 ceiling, a Member from 2022 (its 2022 ceiling no longer applies):
 *   Scales 2021 FR 60, DE 30, SI 10; 2022 FR 40, DE 50, SI 10; the same contracts with SI for UA.
 *   2021 alone: 0.10 / 0.10 = 1.00 > 0.50 -> counts 0.50 x 0.10 x 1000 = 50; 2022: 100 in full.
 *   Counted 150/2000 = 3/40 over (0.10 + 0.10)/2 = 1/10 -> 0.75 POORLY (measured 200/2000/0.1 = 1.00).
 */
describe('computeReturnCoefficients: membership in force in each year of the window', () => {
  const contracts = (code: string) => [...contractsIn(2021, { FR: 500, DE: 400, [code]: 100 }), ...contractsIn(2022, { FR: 450, DE: 450, [code]: 100 })]
  const joining: ReturnInputs = {
    window: calendarWindow(2021, 2022),
    category: 'SUPPLIES',
    bandPolicy: DEFAULT_BAND_POLICY,
    countries: [...COUNTRIES, { code: 'UA', name: 'Ukraine', membership: 'ASSOCIATE', membershipByYear: { 2021: 'OTHER', 2022: 'ASSOCIATE' } }],
    scales: [scale(2021, { FR: '60', DE: '40' }), scale(2022, { FR: '40', DE: '50', UA: '10' })],
    contracts: contracts('UA'),
  }

  it('counts a country’s contracts only from the year it became an Associate, and the others’ in full', () => {
    const report = computeReturnCoefficients(joining)
    expect(report.totalValueChfMinor).toBe(2000)
    expect(row(report, 'UA')).toMatchObject({ membership: 'ASSOCIATE', valueChfMinor: 200, coefficient: rational(1n), band: 'WELL', nonMemberYears: [2021] })
    expect(row(report, 'UA').contractShare.exact).toEqual(rational(1n, 20n))
    expect(row(report, 'FR')).toMatchObject({ coefficient: rational(19n, 20n), band: 'POORLY' })
    expect(row(report, 'DE')).toMatchObject({ coefficient: rational(17n, 18n), coefficientDisplay: 0.94 })
  })

  it('differs from today’s membership applied to the whole window', () => {
    const today = computeReturnCoefficients({ ...joining, countries: [...COUNTRIES, { code: 'UA', name: 'Ukraine', membership: 'ASSOCIATE' }] })
    expect(row(today, 'UA')).toMatchObject({ coefficient: rational(2n), nonMemberYears: [] })
  })

  it('gives no coefficient for a window in which the country was never a member, and labels the window by its last year', () => {
    const before = computeReturnCoefficients({ ...joining, window: calendarWindow(2021, 2021) })
    expect(row(before, 'UA')).toMatchObject({ membership: 'OTHER', coefficient: null, noCoefficientReason: 'NOT_A_MEMBER' })
    expect(row(before, 'UA').contractShare.exact).toEqual(rational(1n, 10n))
  })

  it('applies an Associate’s ceiling only in the years it was an Associate', () => {
    const report = computeReturnCoefficients({
      ...joining,
      countries: [
        ...COUNTRIES,
        { code: 'SI', name: 'Slovenia', membership: 'MEMBER', membershipByYear: { 2021: 'ASSOCIATE', 2022: 'MEMBER' }, returnCeilingByYear: { 2021: '0.50', 2022: '0.50' } },
      ],
      scales: [scale(2021, { FR: '60', DE: '30', SI: '10' }), scale(2022, { FR: '40', DE: '50', SI: '10' })],
      contracts: contracts('SI'),
    })
    expect(row(report, 'SI')).toMatchObject({
      membership: 'MEMBER',
      coefficient: rational(3n, 4n),
      uncappedCoefficient: rational(1n),
      cappedYears: [2021],
      nonMemberYears: [],
      band: 'POORLY',
    })
  })
})

describe('computeReturnCoefficients: no coefficient rather than a division by zero', () => {
  it('gives a member with contracts but no contribution in the window no coefficient', () => {
    const report = computeReturnCoefficients({
      ...ONE_YEAR,
      category: 'SUPPLIES',
      countries: [...COUNTRIES, member('RO')],
      contracts: [...ONE_YEAR.contracts, contract(2023, 'RO', 1000)],
    })
    expect(row(report, 'RO')).toMatchObject({ coefficient: null, band: null, noCoefficientReason: 'NO_CONTRIBUTION' })
    expect(row(report, 'RO').contractShare.exact).toEqual(rational(1n, 11n)) // 1000 / 11 000
  })

  it('gives an empty window zero shares and no coefficients, never NaN', () => {
    const report = computeReturnCoefficients({
      ...ONE_YEAR,
      category: 'SUPPLIES',
      window: calendarWindow(2024, 2024),
      scales: [...ONE_YEAR.scales, scale(2024, { FR: '50', DE: '50' })],
    })
    expect(report.totalValueChfMinor).toBe(0)
    for (const r of report.rows) {
      expect(r.contractShare).toEqual({ exact: rational(0n), percentDisplay: 0 })
      expect(r.coefficient).toBeNull()
      expect(r.coefficientDisplay).toBeNull()
    }
    expect(row(report, 'FR').noCoefficientReason).toBe('NO_CONTRACTS_IN_WINDOW')
    expect(row(report, 'CH').noCoefficientReason).toBe('NO_CONTRIBUTION') // not in the 2024 scale
    const displayed = report.rows.flatMap((r) => [r.contractShare.percentDisplay, r.contributionShare.percentDisplay])
    expect(displayed.every(Number.isFinite)).toBe(true)
    expect(countVeryPoorly(report.rows)).toBe(0)
    expect(mostImbalanced(report.rows)).toEqual([])
  })

  it('handles no data at all', () => {
    const report = computeReturnCoefficients({
      window: calendarWindow(2021, 2024),
      category: 'SUPPLIES',
      bandPolicy: DEFAULT_BAND_POLICY,
      countries: [],
      scales: [],
      contracts: [],
    })
    expect(report).toMatchObject({
      rows: [],
      totalValueChfMinor: 0,
      contributionMethod: 'PLAIN_MEAN',
      missingScaleYears: [2021, 2022, 2023, 2024],
    })
  })

  it('refuses values that are not whole centimes, and ambiguous scales', () => {
    const base = { ...ONE_YEAR, category: 'SUPPLIES' as const }
    expect(() => computeReturnCoefficients({ ...base, contracts: [contract(2023, 'FR', 10.5)] })).toThrow(RangeError)
    expect(() => computeReturnCoefficients({ ...base, contracts: [contract(2023, 'FR', -1)] })).toThrow(RangeError)
    expect(() => computeReturnCoefficients({ ...base, scales: [...base.scales, scale(2023, { FR: '100' })] })).toThrow(
      /Two contribution scales/,
    )
  })
})
