import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from '../ledger/in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import type { CountryInfo } from './coefficients.ts'
import { SCALE_TOTAL_TOLERANCE_PP, validateContributionScale, type ScaleRowInput } from './scale-validation.ts'

const COUNTRIES: CountryInfo[] = [
  { code: 'FR', name: 'France', membership: 'MEMBER' },
  { code: 'DE', name: 'Germany', membership: 'MEMBER' },
  { code: 'UA', name: 'Ukraine', membership: 'ASSOCIATE' },
  { code: 'US', name: 'United States', membership: 'OTHER' },
]
const rows = (percents: [string, string][]): ScaleRowInput[] => percents.map(([countryCode, percent]) => ({ countryCode, percent }))
const validate = (input: ScaleRowInput[], year = 2024) => validateContributionScale({ year, rows: input }, { countries: COUNTRIES })
const messages = (result: ReturnType<typeof validate>) => (result.ok ? [] : result.errors.map((e) => e.message))

describe('validateContributionScale', () => {
  it('accepts a scale of Members and Associates adding up to 100, normalised to 4 decimals', () => {
    const result = validateContributionScale(
      {
        year: 2024,
        budgetChfMinor: 120_000_000_000,
        rows: rows([
          ['FR', '55.5'],
          ['de', ' 44.4 '],
          ['UA', '0.1'],
        ]),
      },
      { countries: COUNTRIES },
    )
    expect(result).toEqual({
      ok: true,
      warnings: [],
      scale: {
        year: 2024,
        budgetChfMinor: 120_000_000_000,
        shares: [
          { countryCode: 'FR', percent: '55.5000' },
          { countryCode: 'DE', percent: '44.4000' },
          { countryCode: 'UA', percent: '0.1000' },
        ],
      },
    })
  })

  it('names the row and the country of every problem', () => {
    const result = validate(
      rows([
        ['FR', '50'],
        ['XX', '10'],
        ['US', '10'],
        ['FR', '30'],
      ]),
    )
    expect(messages(result)).toEqual([
      'Row 2 (XX): unknown country code "XX".',
      'Row 3 (United States, US): United States is not a Member or Associate Member State in 2024, so it has no contribution that year.',
      'Row 4 (France, FR): the country already appears on row 1.',
    ])
  })

  it.each([
    ['20,84', '"20,84" is not a percentage (write it like 20.84, without a % sign).'],
    ['20.84%', '"20.84%" is not a percentage (write it like 20.84, without a % sign).'],
    ['20.84001', '"20.84001" must be a positive percentage with at most 4 decimals.'],
    ['-5', '"-5" must be a positive percentage with at most 4 decimals.'],
    ['0.0000', '0.0000% must be greater than 0 and at most 100.'],
    ['100.01', '100.01% must be greater than 0 and at most 100.'],
  ])('rejects the percentage %s', (percent, message) => {
    expect(
      messages(
        validate(
          rows([
            ['DE', percent],
            ['FR', '50'],
          ]),
        ),
      ),
    ).toEqual([`Row 1 (Germany, DE): ${message}`])
  })

  it('cites file lines when the rows came from a file', () => {
    const result = validate([{ countryCode: 'DE', percent: 'abc', line: 7 }])
    expect(result.ok ? [] : result.errors[0]).toEqual({
      line: 7,
      countryCode: 'DE',
      message: 'Line 7 (Germany, DE): "abc" is not a percentage (write it like 20.84, without a % sign).',
    })
  })

  it(`accepts a total within ${SCALE_TOTAL_TOLERANCE_PP} percentage points of 100 with a warning, and rejects beyond`, () => {
    // 60 + 40.05 = 100.05: exactly at the tolerance, accepted
    const atEdge = validate(
      rows([
        ['FR', '60'],
        ['DE', '39.95'],
        ['UA', '0.1'],
      ]),
    )
    expect(atEdge.ok).toBe(true)
    expect(
      validate(
        rows([
          ['FR', '60'],
          ['DE', '40.05'],
        ]),
      ).warnings.map((w) => w.message),
    ).toContain('The 2024 percentages add up to 100.0500%, within the tolerance of 100%.')
    // 60 + 40.0501 = 100.0501: beyond
    expect(
      messages(
        validate(
          rows([
            ['FR', '60'],
            ['DE', '40.0501'],
          ]),
        ),
      ),
    ).toEqual(['The 2024 percentages add up to 100.0501%, not 100% (allowed difference: 0.05 percentage points).'])
    // 60 + 39.9 = 99.9
    expect(
      messages(
        validate(
          rows([
            ['FR', '60'],
            ['DE', '39.9'],
          ]),
        ),
      ),
    ).toEqual(['The 2024 percentages add up to 99.9000%, not 100% (allowed difference: 0.05 percentage points).'])
  })

  it('warns about a Member or Associate with no row, which may be right for an earlier year', () => {
    const result = validate(
      rows([
        ['FR', '60'],
        ['DE', '40'],
      ]),
    )
    expect(result.ok).toBe(true)
    expect(result.warnings).toEqual([{ line: null, countryCode: 'UA', message: 'Ukraine (UA) has no row in the 2024 scale.' }])
  })

  it('rejects an empty scale and a bad budget', () => {
    expect(messages(validate([]))).toEqual(['The scale for 2024 has no rows.'])
    const result = validateContributionScale(
      {
        year: 2024,
        budgetChfMinor: -1,
        rows: rows([
          ['FR', '60'],
          ['DE', '40'],
        ]),
      },
      { countries: COUNTRIES },
    )
    expect(messages(result)).toEqual(['The budget of 2024 must be a positive amount in centimes, got -1.'])
  })
})
