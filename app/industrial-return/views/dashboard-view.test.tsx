import { renderMarkup as renderToStaticMarkup } from '../../../tests/support/render-markup'
import { MemoryRouter } from 'react-router-dom'
import { describe, expect, it } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { DEFAULT_RETURN_POLICY } from '../return-policy.ts'
import { calendarWindow } from '../arithmetic/window.ts'
import { buildDashboard } from './dashboard-view.ts'
import { EuropeMap } from './europe-map.tsx'
import { describeChangeWithheld } from './format.ts'
import { CountryTableSection } from './country-table.tsx'
import { MostImbalancedSection, VeryPoorlyTrendSection } from './dashboard-figures.tsx'
import { ReturnStatusSection } from './return-status.tsx'
import { standingStatus } from './standing-status.ts'
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
    expect(describeChangeWithheld(translatorFor('en', 'industrial-return'), view.changeWithheld!, 'SUPPLIES')).toBe(
      'No change is shown against 2023: 2023 has no contribution scale for 2023. A change measured across missing years would show the gap, not the country.',
    )
    expect(describeChangeWithheld(translatorFor('fr', 'industrial-return'), view.changeWithheld!, 'SUPPLIES').replaceAll('\u00a0', ' ')).toBe(
      'Aucune variation n’est indiquée par rapport à 2023 : il manque à 2023 le barème des contributions de 2023. Une variation mesurée sur des années manquantes montrerait la lacune, non le pays.',
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
      renderToStaticMarkup(<EuropeMap shapes={[]} width={10} height={10} bands={{}} outside={[]} windowLabel="2024" category="SERVICES" legendBands={bands} />)
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

describe('the dashboard in French', () => {
  // Portugal and Greece very poorly balanced, France poorly, Germany well (supplies, 2024 alone).
  const four = (): ReturnInputs => ({
    ...inputs(),
    countries: [
      { code: 'FR', name: 'France', membership: 'MEMBER' },
      { code: 'DE', name: 'Germany', membership: 'MEMBER' },
      { code: 'PT', name: 'Portugal', membership: 'MEMBER' },
      { code: 'GR', name: 'Greece', membership: 'MEMBER' },
    ],
    scales: [{ year: 2024, budgetChfMinor: null, source: 'test', isDemo: false, shares: ['FR', 'DE', 'PT', 'GR'].map((countryCode) => ({ countryCode, percent: '25' })) }],
    rollup: [supplies(2024, 'FR', 1500), supplies(2024, 'DE', 8000), supplies(2024, 'PT', 300), supplies(2024, 'GR', 200)],
    statusYear: 2025,
  })
  // French puts a no-break space before “:”; read as a plain space here.
  const inFrench = (element: JSX.Element) => renderToStaticMarkup(<MemoryRouter>{element}</MemoryRouter>, 'fr').replaceAll('\u00a0', ' ')

  it('counts the very poorly balanced countries with the French plural, and names the bands as CERN does', () => {
    const standing = standingStatus({ ...four(), policy: { ...DEFAULT_RETURN_POLICY, windowYears: 1 } })
    expect(standing.countries.map((c) => c.countryCode)).toEqual(['GR', 'PT'])
    const html = inFrench(<ReturnStatusSection standing={standing} entries={{}} alerts={[]} viewed={{ label: '2024', isDefault: true }} />)
    expect(html).toContain('Pays très mal équilibrés actuellement (2)')
    expect(html).toContain('Fournitures, année de statut publiée 2025 (du 1 mars 2025 au 28 févr. 2026), calculée sur les années civiles 2024.')
    expect(html).toContain('Franchissement à acquitter (0)')
    // 0 and 1 are singular in French, 2 plural.
    const one = { ...standing, countries: standing.countries.slice(0, 1) }
    expect(inFrench(<ReturnStatusSection standing={one} entries={{}} alerts={[]} viewed={{ label: '2024', isDefault: true }} />)).toContain('Pays très mal équilibré actuellement (1)')

    const view = buildDashboard(four(), query())
    const table = inFrench(<CountryTableSection view={view} />)
    expect(table).toContain('très mal équilibré')
    expect(table).toContain('mal équilibré')
    expect(table).toContain('bien équilibré')
    expect(table).toContain('Retour industriel pour les fournitures, 2024, trié par pays (ordre croissant)')
    // Coefficients keep the point in French, as amounts do (format.ts): Portugal 0.12, in "1’500.00 CHF"-style tables.
    expect(table).toContain('>0.12<')
    expect(table).toContain('15.00 CHF')
    expect(inFrench(<MostImbalancedSection countries={view.mostImbalanced} category="SUPPLIES" />)).toContain('Les six pays les plus déséquilibrés (fournitures)')
    expect(inFrench(<VeryPoorlyTrendSection trend={view.trend} />)).toContain('Nombre de pays très mal équilibrés pour les fournitures par année de statut')
  })

  it('gives the map a French text alternative, and a French legend', () => {
    const map = renderToStaticMarkup(
      <EuropeMap
        shapes={[{ id: 'pt', countryCode: 'PT', name: 'Portugal', d: 'M0 0h1v1z' }]}
        width={10}
        height={10}
        bands={{ PT: { band: 'VERY_POORLY', coefficient: '0.1200', name: 'Portugal' } }}
        outside={[]}
        windowLabel="2021–2024"
        category="SUPPLIES"
        legendBands={['VERY_POORLY', 'POORLY', 'WELL']}
      />,
      'fr',
    ).replaceAll('\u00a0', ' ')
    expect(map).toContain('<title id="europe-map-title">Carte de l’Europe colorée selon le niveau d’équilibre de chaque État membre et État membre associé pour les fournitures, 2021–2024.</title>')
    expect(map).toContain('<title>Portugal : très mal équilibré (0.1200)</title>')
    expect(map).toContain('membre sans coefficient')
    expect(map).not.toContain('very poorly')
  })
})
