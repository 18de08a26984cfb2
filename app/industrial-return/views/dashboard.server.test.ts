import { describe, expect, it } from 'vitest'
import { seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { loadDashboard } from './dashboard.server.ts'
import { europeShapes } from './europe-map.server.ts'
import { loadFilingTimeReturn, wellBalancedCountryCodes } from './filing-time.server.ts'
import { goesToWellBalancedCountry, projectFilingCoefficient } from './filing-time.ts'
import { useReturnTestDatabase } from '../test-support.ts'

const NOW = new Date('2026-11-26T10:00:00Z')

describe('dashboard, filing time and map on the demo data', () => {
  const database = useReturnTestDatabase({ andThen: async (db) => void (await seedReturnDemoData(db, { now: NOW })) })

  it('shows the default window of the status year, budget-weighted, with demo labels', async () => {
    const { view, demo, openAlerts } = await loadDashboard(database.db, NOW, new URLSearchParams())
    expect(view.windowLabel).toBe('2022–2025')
    expect(view.statusYear).toBe(2026)
    expect(view.contributionMethod).toBe('BUDGET_WEIGHTED')
    expect(view.scaleYears.every((s) => s.isDemo)).toBe(true)
    expect(demo.contracts).toBe(true)
    expect(openAlerts).toEqual([]) // the seed stores its bands as the baseline
    expect(view.rows.length).toBeGreaterThan(30)
    expect(view.rows.some((r) => r.band === 'VERY_POORLY')).toBe(true)
    expect(view.mostImbalanced).toHaveLength(6)
    // Sorted by coefficient, ascending, countries without one last.
    const coefficients = view.rows.map((r) => r.coefficientValue)
    const withValue = coefficients.filter((c): c is number => c !== null)
    expect(withValue).toEqual([...withValue].sort((a, b) => a - b))
    expect(coefficients.slice(withValue.length).every((c) => c === null)).toBe(true)
    const trend2021 = view.trend.find((p) => p.statusYear === 2021)
    expect(trend2021).toMatchObject({ window: '2017–2020', target: 6 })
    expect(view.trend.find((p) => p.statusYear === 2025)?.target).toBe(3)
  })

  it('counts the countries very poorly balanced now, with since when, though no crossing raised an alert', async () => {
    const { view, standing, entries, openAlerts } = await loadDashboard(database.db, NOW, new URLSearchParams())
    expect(openAlerts).toEqual([]) // the seed stored its bands as the baseline: no crossing
    expect(entries).toEqual({})
    const veryPoorly = view.rows.filter((r) => r.band === 'VERY_POORLY').map((r) => r.countryCode)
    expect(veryPoorly.length).toBeGreaterThan(0)
    expect(standing).toMatchObject({ statusYear: 2026, startsOn: '2026-03-01', endsOn: '2027-02-28', windowLabel: '2022–2025', computable: true })
    expect(standing.countries.map((c) => c.countryCode).sort()).toEqual([...veryPoorly].sort())
    expect(standing.countries.length).toBe(view.trend.find((p) => p.statusYear === 2026)?.veryPoorlyCount)
    for (const country of standing.countries) expect(country.sinceStatusYear).toBeLessThanOrEqual(2026)
    // Another window on the page changes neither the standing status nor the alerts.
    const other = await loadDashboard(database.db, NOW, new URLSearchParams({ from: '2017', to: '2020' }))
    expect(other.view.isDefaultWindow).toBe(false)
    expect(other.standing).toEqual(standing)
  })

  it('reads the window, category and order from the query, and says plain mean when a budget is missing', async () => {
    const { view } = await loadDashboard(database.db, NOW, new URLSearchParams({ from: '2009', to: '2009', category: 'SERVICES', sort: 'value', dir: 'desc' }))
    expect(view.query).toMatchObject({ category: 'SERVICES', sort: 'value', direction: 'desc' })
    expect(view.scaleYears).toEqual([{ year: 2009, isDemo: false, source: expect.stringMatching(/Facts and figures 2009/), hasBudget: false }])
    expect(view.contributionMethod).toBe('PLAIN_MEAN')
    expect(view.totalValueChfMinor).toBe(0)
    expect(view.rows.every((r) => r.coefficient === null)).toBe(true)
  })

  it('gives the justification form its very poorly balanced countries and projection', async () => {
    const data = await loadFilingTimeReturn(database.db, NOW)
    expect(data.windowLabel).toBe('2022–2025')
    expect(data.computable).toBe(true)
    expect(data.includesDemoData).toBe(true)
    expect(JSON.parse(JSON.stringify(data))).toEqual(data) // plain JSON: safe to hand to the browser
    const [worst] = data.veryPoorly
    expect(worst).toBeDefined()
    const projection = projectFilingCoefficient(data, { countryCode: worst!.countryCode, category: 'SUPPLIES', amountChfMinor: 50_000_000_00 })
    expect(projection.bandBefore).toBe('VERY_POORLY')
    expect(projection.coefficientBefore).toBe(worst!.coefficient)
    expect(Number(projection.coefficientAfter)).toBeGreaterThan(Number(projection.coefficientBefore))

    const well = await wellBalancedCountryCodes(database.db, NOW)
    expect(well.SUPPLIES).toContain('CH')
    expect(goesToWellBalancedCountry(well, { category: 'SUPPLIES', supplierCountryCode: 'DE', originCountryCode: 'CH' })).toBe(true)
    expect(goesToWellBalancedCountry(well, { category: 'SUPPLIES', supplierCountryCode: 'CH', originCountryCode: worst!.countryCode })).toBe(false)
  })

  it('draws Europe with the member states identified', () => {
    const shapes = europeShapes()
    const codes = new Set(shapes.map((s) => s.countryCode))
    for (const code of ['CH', 'FR', 'DE', 'PT', 'NO', 'GR', 'IL']) expect(codes, code).toContain(code)
    expect(codes).not.toContain('AU')
  })

  it('answers quickly from the rollup', async () => {
    const started = performance.now()
    for (let i = 0; i < 5; i++) await loadDashboard(database.db, NOW, new URLSearchParams())
    expect((performance.now() - started) / 5).toBeLessThan(300)
  })
})
