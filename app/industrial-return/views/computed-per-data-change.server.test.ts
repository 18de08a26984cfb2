import { describe, expect, it } from 'vitest'
import { createDatabaseClient, databaseUrlOf } from '~/db/client.server'
import { seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { addContractsToRollup } from '../ledger/rollup.server.ts'
import { useReturnTestDatabase } from '../test-support.ts'
import { readReturnDataVersions } from './computed-per-data-change.server.ts'
import { loadDashboard } from './dashboard.server.ts'
import { loadUnitFigures } from './units.server.ts'
import { calendarWindow } from '../arithmetic/window.ts'

const NOW = new Date('2026-11-26T10:00:00Z')
const DEFAULT_WINDOW = new URLSearchParams()

describe('industrial-return pages computed once per data change (ADR 029)', () => {
  const database = useReturnTestDatabase({ andThen: async (db) => void (await seedReturnDemoData(db, { now: NOW })) })

  // Another instance of the app: its own client (and pool) on the same database.
  const otherInstance = () => createDatabaseClient(databaseUrlOf(database.db), { maxConnections: 1 })

  async function addContract(db: ReturnType<typeof otherInstance>, { groupCode, amountChfMinor, source = 'IMPORT' }: { groupCode: string; amountChfMinor: bigint; source?: 'IMPORT' | 'DEMO' }) {
    const group = await db.group.findUniqueOrThrow({ where: { code: groupCode } })
    await db.$transaction(async (tx) => {
      const contract = await tx.contract.create({
        data: {
          orderNumber: `CACHE-TEST-${Math.random().toString(36).slice(2, 10)}`,
          awardedOn: new Date('2024-06-03'),
          supplierName: 'Cache Test AG',
          establishmentCountryCode: 'PT',
          originCountryCode: 'PT',
          returnCountryCode: 'PT',
          category: 'SUPPLIES',
          amountMinor: amountChfMinor,
          currency: 'CHF',
          amountChfMinor,
          exchangeRate: '1',
          exchangeRateDate: new Date('2024-06-03'),
          departmentId: group.departmentId,
          groupId: group.id,
          source,
        },
      })
      await addContractsToRollup(tx, [contract.id])
    })
    return group
  }

  it('serves the same computed view while nothing changes', async () => {
    const first = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    const second = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(second.view).toBe(first.view)
    // Another window is another view, computed for itself.
    const other = await loadDashboard(database.db, NOW, new URLSearchParams({ from: '2018', to: '2021' }))
    expect(other.view.windowLabel).toBe('2018–2021')
    expect((await loadDashboard(database.db, NOW, DEFAULT_WINDOW)).view).toBe(first.view)
  })

  it('shows a contract written by another instance on the next GET, on the dashboard and the group and department pages', async () => {
    const before = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    const window = calendarWindow(2022, 2025)
    const group = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const groupBefore = await loadUnitFigures(database.db, { kind: 'GROUP', id: group.id }, window, 'ALL', NOW)
    const departmentBefore = await loadUnitFigures(database.db, { kind: 'DEPARTMENT', id: group.departmentId }, window, 'ALL', NOW)
    const versionBefore = (await readReturnDataVersions(database.db)).figures

    const other = otherInstance()
    try {
      await addContract(other, { groupCode: 'EN-MME', amountChfMinor: 12_345_00n })
    } finally {
      await other.$disconnect()
    }
    expect((await readReturnDataVersions(database.db)).figures).toBeGreaterThan(versionBefore)

    const after = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(after.view.contractCount).toBe(before.view.contractCount + 1)
    expect(after.view.totalValueChfMinor).toBe(before.view.totalValueChfMinor + 12_345_00)
    const portugal = (view: typeof before.view) => view.rows.find((row) => row.countryCode === 'PT')!
    expect(portugal(after.view).valueChfMinor).toBe(portugal(before.view).valueChfMinor + 12_345_00)

    const groupAfter = await loadUnitFigures(database.db, { kind: 'GROUP', id: group.id }, window, 'ALL', NOW)
    expect(groupAfter.unitReturn.contractCount).toBe(groupBefore.unitReturn.contractCount + 1)
    const departmentAfter = await loadUnitFigures(database.db, { kind: 'DEPARTMENT', id: group.departmentId }, window, 'ALL', NOW)
    expect(departmentAfter.unitReturn.totalValueChfMinor).toBe(departmentBefore.unitReturn.totalValueChfMinor + 12_345_00)
  })

  it('shows a changed contribution scale and the demo labels as they are now', async () => {
    const before = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(before.view.scaleYears.find((s) => s.year === 2023)?.source).not.toBe('Published 2023 scale')
    await database.db.contributionScale.update({ where: { year: 2023 }, data: { source: 'Published 2023 scale', isDemo: false } })
    const after = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(after.view.scaleYears.find((s) => s.year === 2023)).toMatchObject({ source: 'Published 2023 scale', isDemo: false })
    expect(after.demo.scales).not.toContain(2023)

    // The demo contracts go: the dashboard stops saying so at once.
    expect(after.demo.contracts).toBe(true)
    await database.db.contract.updateMany({ where: { source: 'DEMO' }, data: { source: 'IMPORT' } })
    expect((await loadDashboard(database.db, NOW, DEFAULT_WINDOW)).demo.contracts).toBe(false)
  })

  it('answers the demo question of a group from its own contracts, also after a change', async () => {
    const group = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const window = calendarWindow(2022, 2025)
    expect((await loadUnitFigures(database.db, { kind: 'GROUP', id: group.id }, window, 'ALL', NOW)).hasDemo).toBe(false)
    const other = otherInstance()
    try {
      await addContract(other, { groupCode: 'EN-MME', amountChfMinor: 100n, source: 'DEMO' })
    } finally {
      await other.$disconnect()
    }
    expect((await loadUnitFigures(database.db, { kind: 'GROUP', id: group.id }, window, 'ALL', NOW)).hasDemo).toBe(true)
    expect((await loadUnitFigures(database.db, { kind: 'DEPARTMENT', id: group.departmentId }, window, 'ALL', NOW)).hasDemo).toBe(true)
  })

  it('shows an alert raised and acknowledged elsewhere, and a running import, on the next GET without computing the figures again', async () => {
    const before = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(before.openAlerts).toEqual([])
    const alert = await database.db.returnAlert.create({
      data: { countryCode: 'PT', kind: 'ENTERED_VERY_POORLY', toBand: 'VERY_POORLY', coefficient: '1/3', coefficientDisplay: '0.33', windowFromYear: 2022, windowToYear: 2025, cause: 'Cache test' },
    })
    const raised = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(raised.openAlerts.map((a) => [a.countryName, a.cause])).toEqual([['Portugal', 'Cache test']])
    expect(raised.view).toBe(before.view) // the figures did not change

    const job = await database.db.contractImportJob.create({ data: { fileName: 'cache-test.csv', totalRows: 10, status: 'RUNNING' } })
    expect((await loadDashboard(database.db, NOW, DEFAULT_WINDOW)).runningImports.map((j) => j.fileName)).toEqual(['cache-test.csv'])
    await database.db.contractImportJob.update({ where: { id: job.id }, data: { status: 'SUCCEEDED', processedRows: 10 } })
    await database.db.returnAlert.update({ where: { id: alert.id }, data: { acknowledgedAt: NOW } })
    const after = await loadDashboard(database.db, NOW, DEFAULT_WINDOW)
    expect(after.runningImports).toEqual([])
    expect(after.openAlerts).toEqual([])
  })
})
