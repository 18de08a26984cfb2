import { describe, expect, it } from 'vitest'
import { industryDaySharesByYear, mostImbalancedStates, type ImbalancedSix, type IndustryDayFacts, type RankableCountry } from './industry-day-shares.ts'
import { decimal, rational } from './rational.ts'

const country = (countryCode: string, coefficient: string | null, membership: RankableCountry['membership'] = 'MEMBER'): RankableCountry => ({
  countryCode,
  name: `Name of ${countryCode}`,
  membership,
  coefficient: coefficient === null ? null : decimal(coefficient),
})

describe('mostImbalancedStates', () => {
  it('takes the six lowest coefficients of Member and Associate Member States, every state tied with the sixth included', () => {
    const rows = [
      country('IT', '0.90'),
      country('HU', '0.50'),
      country('GR', '0.50'),
      country('DK', '0.30'),
      country('CZ', '0.30'),
      country('BE', '0.20'),
      country('AT', '0.10'),
      country('RS', '0.05', 'ASSOCIATE'),
      // No coefficient: a non-member (lowest value of all) and a member that contributed nothing.
      country('US', null, 'OTHER'),
      country('FI', null),
    ]
    // RS 0.05 (1), AT 0.10 (2), BE 0.20 (3), CZ and DK 0.30 (4, 4), GR and HU 0.50 (6, 6): seven states.
    expect(mostImbalancedStates(rows).map((s) => [s.countryCode, s.rank])).toEqual([
      ['RS', 1],
      ['AT', 2],
      ['BE', 3],
      ['CZ', 4],
      ['DK', 4],
      ['GR', 6],
      ['HU', 6],
    ])
    expect(mostImbalancedStates(rows)[0]).toMatchObject({ name: 'Name of RS', coefficient: rational(1, 20) })
  })

  it('ignores a non-member even when it is given a coefficient, and gives all when fewer than six have one', () => {
    const rows = [country('CH', '2.00'), country('US', '0.01', 'OTHER'), country('FR', '1.10'), country('SK', null)]
    expect(mostImbalancedStates(rows).map((s) => s.countryCode)).toEqual(['FR', 'CH'])
    expect(mostImbalancedStates([])).toEqual([])
  })
})

const six = (statusYear: number, codes: string[]): ImbalancedSix => ({
  statusYear,
  states: codes.map((countryCode, i) => ({ countryCode, name: countryCode, coefficient: rational(i + 1, 10), rank: i + 1 })),
})
const SIXES: Record<number, ImbalancedSix> = {
  2020: six(2020, ['GR', 'PT', 'RS', 'IL', 'NO', 'LT']),
  2021: six(2021, ['GR', 'PT', 'RS', 'IL', 'NO', 'LT']),
  2022: six(2022, ['GR', 'PT', 'RS', 'IL', 'NO', 'SK']),
  // Status year 2023 has no coefficient (no scale, say): its days are listed but not counted.
  2023: six(2023, []),
  2024: six(2024, ['GR', 'PT', 'RS', 'IL', 'NO', 'SK']),
}
// Status year 2025 is not published yet: the caller measures its days against 2024's six.
const sixFor = (statusYear: number) => SIXES[statusYear] ?? SIXES[2024]!

let id = 0
const countryDay = (heldOn: string, countryCode: string): IndustryDayFacts => ({ id: `d${++id}`, heldOn, kind: 'COUNTRY', countryCode, theme: null, invitations: [] })
const thematicDay = (heldOn: string, theme: string, companies: string[]): IndustryDayFacts => ({
  id: `d${++id}`,
  heldOn,
  kind: 'THEMATIC',
  countryCode: null,
  theme,
  invitations: companies.map((line) => {
    const [companyName, countryCode] = line.split(';')
    return { companyName: companyName!, countryCode: countryCode! }
  }),
})

const DAYS: IndustryDayFacts[] = [
  // 2021, before the target: one country day in the six, one thematic day with nobody invited yet.
  countryDay('2021-05-05', 'GR'),
  thematicDay('2021-10-01', 'Superconducting magnets', []),
  // 2022. Country days: LT in January is in status year 2021 (LT among the six), in March in 2022 (LT not):
  // LT yes, LT no, CH no, GR yes -> 2 of 4 = 50 %.
  countryDay('2022-11-10', 'GR'),
  countryDay('2022-03-15', 'LT'),
  countryDay('2022-01-20', 'LT'),
  countryDay('2022-06-01', 'CH'),
  // Invitations: February (status year 2021) LT yes, CH, DE -> 1 of 3; September (2022) SK yes twice
  // (the same company invited twice counts twice), FR, FR, IT -> 2 of 5. Together 3 of 8 = 37.5 %.
  thematicDay('2022-02-10', 'Cryogenics', ['Alpha;LT', 'Beta;CH', 'Gamma;DE']),
  thematicDay('2022-09-05', 'Vacuum', ['Delta;SK', 'Delta;SK', 'Epsilon;FR', 'Zeta;FR', 'Eta;IT']),
  // 2023. PT in February (status year 2022) yes; April and May are in status year 2023, which has no
  // coefficient: 1 of 1 counted = 100 %, 2 not counted.
  countryDay('2023-02-01', 'PT'),
  countryDay('2023-04-01', 'PT'),
  countryDay('2023-05-01', 'CH'),
  // January (status year 2022): GR yes, CH, DE, FR -> 1 of 4 = 25 %, exactly the target.
  thematicDay('2023-01-15', 'Radiofrequency', ['Theta;CH', 'Iota;DE', 'Kappa;FR', 'Lambda;GR']),
  // 2024 (status year 2023 until February, none here): 1 of 5 = 20 %, below; invitations 1 of 3 = 33.3 %.
  countryDay('2024-03-04', 'CH'),
  countryDay('2024-04-04', 'DE'),
  countryDay('2024-05-04', 'FR'),
  countryDay('2024-06-04', 'IT'),
  countryDay('2024-07-04', 'GR'),
  thematicDay('2024-09-09', 'Civil engineering', ['Mu;NO', 'Nu;CH', 'Xi;AT']),
  // 2025 after March: status year 2025, measured against 2024's six.
  countryDay('2025-06-01', 'SK'),
]

describe('industryDaySharesByYear', () => {
  const years = industryDaySharesByYear(DAYS, sixFor)
  const year = (y: number) => years.find((entry) => entry.year === y)!

  it('gives one entry per calendar year with a day, oldest first', () => {
    expect(years.map((entry) => entry.year)).toEqual([2021, 2022, 2023, 2024, 2025])
  })

  it('shows the years before 2022 without the target', () => {
    expect(year(2021)).toMatchObject({
      targetApplies: false,
      countryDays: { targeted: 1, counted: 1, uncounted: 0, share: rational(1, 1), percent: 100, meetsTarget: null },
      invitations: { targeted: 0, counted: 0, uncounted: 0, share: null, percent: null, meetsTarget: null, thematicDays: 1, lines: [] },
    })
  })

  it('measures each country day against the six of the status year containing it', () => {
    const countryDays = year(2022).countryDays
    expect(countryDays).toMatchObject({ targeted: 2, counted: 4, uncounted: 0, share: rational(1, 2), percent: 50, meetsTarget: true })
    expect(countryDays.lines.map((line) => [line.heldOn, line.countryCode, line.statusYear, line.measuredAgainst, line.targeted])).toEqual([
      ['2022-01-20', 'LT', 2021, 2021, true],
      ['2022-03-15', 'LT', 2022, 2022, false],
      ['2022-06-01', 'CH', 2022, 2022, false],
      ['2022-11-10', 'GR', 2022, 2022, true],
    ])
    expect(year(2022).sixes.map((s) => s.statusYear)).toEqual([2021, 2022])
  })

  it('counts the companies of thematic days per invitation', () => {
    const invitations = year(2022).invitations
    expect(invitations).toMatchObject({ targeted: 3, counted: 8, share: rational(3, 8), percent: 37.5, meetsTarget: true, thematicDays: 2 })
    expect(invitations.lines.filter((line) => line.targeted).map((line) => `${line.companyName} (${line.countryCode}, ${line.theme})`)).toEqual([
      'Alpha (LT, Cryogenics)',
      'Delta (SK, Vacuum)',
      'Delta (SK, Vacuum)',
    ])
  })

  it('meets the target at exactly 25 %, and misses it below', () => {
    expect(year(2023).invitations).toMatchObject({ targeted: 1, counted: 4, share: rational(1, 4), percent: 25, meetsTarget: true })
    expect(year(2024).countryDays).toMatchObject({ targeted: 1, counted: 5, share: rational(1, 5), percent: 20, meetsTarget: false })
    expect(year(2024).invitations).toMatchObject({ targeted: 1, counted: 3, share: rational(1, 3), percent: 33.3, meetsTarget: true })
  })

  it('lists the days of a status year without coefficients but counts them on neither side', () => {
    const countryDays = year(2023).countryDays
    expect(countryDays).toMatchObject({ targeted: 1, counted: 1, uncounted: 2, share: rational(1, 1), percent: 100, meetsTarget: true })
    expect(countryDays.lines.map((line) => [line.heldOn, line.measuredAgainst, line.targeted])).toEqual([
      ['2023-02-01', 2022, true],
      ['2023-04-01', null, null],
      ['2023-05-01', null, null],
    ])
  })

  it('says which six a day was measured against when its status year is not published', () => {
    expect(year(2025).countryDays.lines).toEqual([{ dayId: expect.any(String), heldOn: '2025-06-01', countryCode: 'SK', statusYear: 2025, measuredAgainst: 2024, targeted: true }])
    expect(year(2025).sixes.map((s) => s.statusYear)).toEqual([2024])
  })

  it('has nothing to show without days', () => {
    expect(industryDaySharesByYear([], sixFor)).toEqual([])
  })
})
