import { describe, expect, it } from 'vitest'
import { bandTransitions, bandsOf } from '../alerts/band-crossings.ts'
import { DEFAULT_RETURN_POLICY } from '../return-policy.ts'
import { computeReport, type ReturnInputs, type RollupLike, type StoredScale } from './return-report.ts'
import { standingStatus } from './standing-status.ts'
import { defaultWindowFor } from '../arithmetic/window.ts'

// France, Germany and Portugal pay 40%, 40% and 20% every year from 2018; the supplies go:
//   2018-2019: FR 40, DE 40, PT 20 of 100 a year (everyone at 1.00);
//   2020-2025: FR 50, DE 49, PT 1 of 100 a year.
// Status year 2026 (from 1 March 2026) is computed over 2022-2025: PT 4/400 = 1% of the value,
// / 20% = 0.05, very poorly balanced. Going back: status year 2025 (2021-2024) 0.05, 2024
// (2020-2023) 0.05, 2023 (2019-2022): PT 23/400 / 0.2 = 0.2875, still; 2022 (2018-2021):
// PT 42/400 / 0.2 = 0.525, poorly balanced. So: very poorly balanced since status year 2023.
const scale = (year: number): StoredScale => ({
  year,
  budgetChfMinor: null,
  source: 'test',
  isDemo: false,
  shares: [
    { countryCode: 'FR', percent: '40' },
    { countryCode: 'DE', percent: '40' },
    { countryCode: 'PT', percent: '20' },
  ],
})
const year = (y: number, fr: number, de: number, pt: number): RollupLike[] => [
  { year: y, category: 'SUPPLIES', countryCode: 'FR', valueChfMinor: fr, contractCount: 1 },
  { year: y, category: 'SUPPLIES', countryCode: 'DE', valueChfMinor: de, contractCount: 1 },
  { year: y, category: 'SUPPLIES', countryCode: 'PT', valueChfMinor: pt, contractCount: 1 },
]
const inputs: ReturnInputs = {
  policy: DEFAULT_RETURN_POLICY,
  countries: [
    { code: 'FR', name: 'France', membership: 'MEMBER' },
    { code: 'DE', name: 'Germany', membership: 'MEMBER' },
    { code: 'PT', name: 'Portugal', membership: 'MEMBER' },
  ],
  scales: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map(scale),
  rollup: [...year(2018, 40, 40, 20), ...year(2019, 40, 40, 20), ...[2020, 2021, 2022, 2023, 2024, 2025].flatMap((y) => year(y, 50, 49, 1))],
  today: '2026-11-26',
  statusYear: 2026,
}

describe('standingStatus', () => {
  it('lists a country very poorly balanced for years, with since when, though no crossing happened', () => {
    // Nothing changed since the bands were last stored: not a single crossing, so not a single alert.
    const bands = bandsOf(computeReport(inputs, defaultWindowFor(2026), 'SUPPLIES').rows)
    expect(bandTransitions(bands, bands)).toEqual([])

    expect(standingStatus(inputs)).toEqual({
      statusYear: 2026,
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
      window: { fromYear: 2022, toYear: 2025 },
      windowLabel: '2022–2025',
      computable: true,
      countries: [{ countryCode: 'PT', name: 'Portugal', coefficient: '0.05', coefficientPrecise: '0.0500', sinceStatusYear: 2023, sinceFirstFigures: false }],
    })
  })

  it('says "at least since" when the run goes back to the first status year with figures', () => {
    // Without 2018-2019, status year 2021 (2017-2020) has figures for 2020 only (PT 0.05);
    // status year 2020 (2016-2019) has none.
    const recent = { ...inputs, scales: inputs.scales.filter((s) => s.year >= 2020), rollup: inputs.rollup.filter((r) => r.year >= 2020) }
    expect(standingStatus(recent).countries).toEqual([expect.objectContaining({ countryCode: 'PT', sinceStatusYear: 2021, sinceFirstFigures: true })])
  })

  it('has no country and says it cannot be computed on an empty ledger', () => {
    expect(standingStatus({ ...inputs, rollup: [], scales: [] })).toMatchObject({ computable: false, countries: [] })
  })
})
