import { renderMarkup as renderToStaticMarkup } from '../../../tests/support/render-markup'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RETURN_POLICY } from '../return-policy.ts'
import { calendarWindow } from '../arithmetic/window.ts'
import { buildDashboard } from './dashboard-view.ts'
import { EuropeMap } from './europe-map.tsx'
import { describeChangeWithheld } from './format.ts'
import type { ReturnInputs, RollupLike, StoredScale } from './return-report.ts'

// France and Germany pay half each. In 2024 France won 1 998 of 10 000 CHF of supplies:
// (1998 / 10000) / (1/2) = 0.3996, very poorly balanced.
const scale = (year: number): StoredScale => ({ year, budgetChfMinor: null, source: 'test', isDemo: false, shares: [{ countryCode: 'FR', percent: '50' }, { countryCode: 'DE', percent: '50' }] })
const supplies = (year: number, countryCode: string, valueChfMinor: number): RollupLike => ({ year, category: 'SUPPLIES', countryCode, valueChfMinor, contractCount: 1 })
const inputs = (extra: { scales?: StoredScale[]; rollup?: RollupLike[] } = {}): ReturnInputs => ({
  policy: DEFAULT_RETURN_POLICY,
  countries: [
    { code: 'FR', name: 'France', membership: 'MEMBER' },
    { code: 'DE', name: 'Germany', membership: 'MEMBER' },
  ],
  scales: [scale(2024), ...(extra.scales ?? [])],
  rollup: [supplies(2024, 'FR', 1998), supplies(2024, 'DE', 8002), ...(extra.rollup ?? [])],
  today: '2025-06-01',
  statusYear: 2025,
})
const query = (category: 'SUPPLIES' | 'SERVICES' = 'SUPPLIES') => ({
  window: calendarWindow(2024, 2024),
  category,
  sort: 'country' as const,
  direction: 'asc' as const,
  defaultWindow: calendarWindow(2021, 2024),
})

describe('buildDashboard', () => {
  it('shows 0.3996 as 0.39 beside its very poorly balanced band, with 0.3996 in full', () => {
    const france = buildDashboard(inputs(), query()).rows.find((row) => row.countryCode === 'FR')
    expect(france).toMatchObject({ coefficient: '0.39', coefficientPrecise: '0.3996', band: 'VERY_POORLY' })
    // Germany: 0.8002 / 0.5 = 1.6004.
    expect(buildDashboard(inputs(), query()).rows.find((row) => row.countryCode === 'DE')).toMatchObject({ coefficient: '1.60', coefficientPrecise: '1.6004', band: 'WELL' })
    expect(buildDashboard(inputs(), query()).mostImbalanced[0]).toMatchObject({ countryCode: 'FR', coefficient: '0.39', coefficientPrecise: '0.3996' })
  })

  it('shows no change against a previous window without scales or contracts, and says which years it lacks', () => {
    const view = buildDashboard(inputs({ rollup: [supplies(2023, 'DE', 100)] }), query())
    expect(view.previousWindowLabel).toBe('2023')
    expect(view.changeWithheld).toEqual({
      current: { window: { fromYear: 2024, toYear: 2024 }, missingScaleYears: [], missingContractYears: [] },
      previous: { window: { fromYear: 2023, toYear: 2023 }, missingScaleYears: [2023], missingContractYears: [] },
    })
    expect(view.rows.every((row) => row.change === null && row.changePrecise === null && row.previousCoefficient === null)).toBe(true)
    expect(describeChangeWithheld(view.changeWithheld!, 'supplies')).toBe(
      'No change is shown against 2023: 2023 has no contribution scale for 2023. A change measured across missing years would show the gap, not the country.',
    )
  })

  it('shows the change once both windows have a scale and contracts for every year', () => {
    // 2023: 5 000 each, France at exactly 1.00; the change is 0.3996 - 1 = -0.6004.
    const view = buildDashboard(inputs({ scales: [scale(2023)], rollup: [supplies(2023, 'FR', 5000), supplies(2023, 'DE', 5000)] }), query())
    expect(view.changeWithheld).toBeNull()
    expect(view.rows.find((row) => row.countryCode === 'FR')).toMatchObject({ previousCoefficient: '1.00', previousCoefficientPrecise: '1.0000', change: '-0.60', changePrecise: '-0.6004' })
  })

  it('lists only the bands of the category, and the services map’s legend has no “very poorly balanced”', () => {
    expect(buildDashboard(inputs(), query('SUPPLIES')).bands).toEqual(['VERY_POORLY', 'POORLY', 'WELL'])
    const services = buildDashboard(inputs(), query('SERVICES'))
    expect(services.bands).toEqual(['POORLY', 'WELL'])
    const legend = (bands: typeof services.bands) =>
      renderToStaticMarkup(<EuropeMap shapes={[]} width={10} height={10} bands={{}} outside={[]} windowLabel="2024" categoryLabel="services" legendBands={bands} />)
    expect(legend(services.bands)).not.toContain('very poorly balanced')
    expect(legend(services.bands)).toContain('poorly balanced')
    expect(legend(['VERY_POORLY', 'POORLY', 'WELL'])).toContain('very poorly balanced')
  })

  it('carries the years a country was not a member and the years cut at its Associate ceiling', () => {
    // BR: not a member in 2023, an Associate in 2024 paying 10% with a 2024 ceiling of 0.50:
    // its 2024 coefficient 2000/10000/0.10 = 2.00 counts 0.50.
    const view = buildDashboard(
      {
        ...inputs({ rollup: [supplies(2023, 'FR', 500), supplies(2023, 'DE', 500), supplies(2023, 'BR', 100), supplies(2024, 'BR', 2000)] }),
        countries: [
          { code: 'FR', name: 'France', membership: 'MEMBER' },
          { code: 'DE', name: 'Germany', membership: 'MEMBER' },
          { code: 'BR', name: 'Brazil', membership: 'ASSOCIATE', membershipByYear: { 2023: 'OTHER', 2024: 'ASSOCIATE' }, returnCeilingByYear: { 2024: '0.50' } },
        ],
        scales: [scale(2023), { year: 2024, budgetChfMinor: null, source: 'test', isDemo: false, shares: [{ countryCode: 'FR', percent: '45' }, { countryCode: 'DE', percent: '45' }, { countryCode: 'BR', percent: '10' }] }],
      },
      { ...query(), window: calendarWindow(2023, 2024) },
    )
    expect(view.rows.find((row) => row.countryCode === 'BR')).toMatchObject({ membership: 'ASSOCIATE', nonMemberYears: [2023], cappedYears: [2024] })
    expect(view.rows.find((row) => row.countryCode === 'FR')).toMatchObject({ nonMemberYears: [], cappedYears: [] })
  })
})
