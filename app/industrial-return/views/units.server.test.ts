import { describe, expect, it } from 'vitest'
import { seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { useReturnTestDatabase } from '../test-support.ts'
import { calendarWindow } from '../arithmetic/window.ts'
import { loadDashboard } from './dashboard.server.ts'
import { loadUnitFigures, unitsHeldBy } from './units.server.ts'

const NOW = new Date('2026-11-26T10:00:00Z')

describe('a department or group as a unit of the industrial return (issue 13, point 11)', () => {
  const database = useReturnTestDatabase({ andThen: async (db) => void (await seedReturnDemoData(db, { now: NOW })) })
  const personNamed = (name: string) => database.db.person.findFirstOrThrow({ where: { name } })

  it('a group leader sees their group; their deputy sees it too, as the deputy, while the deputyship is in force', async () => {
    const marta = await personNamed('Marta Mendes')
    const mikko = await personNamed('Mikko Mäkinen')
    expect((await unitsHeldBy(database.db, marta.id, NOW)).map((unit) => [unit.label, unit.deputyFor])).toEqual([['Group EN-MME', undefined]])
    expect((await unitsHeldBy(database.db, mikko.id, NOW)).map((unit) => [unit.label, unit.deputyFor])).toEqual([['Group EN-MME', 'Marta Mendes']])

    // The deputyship ends: the page and the digest go with it.
    const deputyship = await database.db.position.findFirstOrThrow({ where: { personId: mikko.id, kind: 'DEPUTY' } })
    await database.db.position.update({ where: { id: deputyship.id }, data: { endsOn: new Date('2026-11-25') } })
    try {
      expect(await unitsHeldBy(database.db, mikko.id, NOW)).toEqual([])
    } finally {
      await database.db.position.update({ where: { id: deputyship.id }, data: { endsOn: deputyship.endsOn } })
    }
  })

  it('a requester who deputises for nobody holds no unit', async () => {
    const rita = await personNamed('Rita Romano')
    expect(await unitsHeldBy(database.db, rita.id, NOW)).toEqual([])
  })

  it("per category, each of the unit's countries carries the band, coefficient and membership of the organisation's return", async () => {
    const group = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const dashboard = await loadDashboard(database.db, NOW, new URLSearchParams({ from: '2022', to: '2025', category: 'SUPPLIES' }))
    const window = calendarWindow(2022, 2025)
    const { unitReturn } = await loadUnitFigures(database.db, { kind: 'GROUP', id: group.id }, window, 'SUPPLIES', NOW)
    expect(unitReturn.rows.length).toBeGreaterThan(0)
    expect(unitReturn.rows.some((row) => row.standing?.band)).toBe(true)
    for (const row of unitReturn.rows) {
      const organisation = dashboard.view.rows.find((candidate) => candidate.countryCode === row.countryCode)
      expect(row.standing, row.countryCode).toEqual({
        band: organisation?.band ?? null,
        coefficient: organisation?.coefficient ?? null,
        coefficientPrecise: organisation?.coefficientPrecise ?? null,
        membership: organisation?.membership ?? 'OTHER',
      })
    }
    // Supplies and services together have no band (bands are per category), only the membership.
    const together = await loadUnitFigures(database.db, { kind: 'GROUP', id: group.id }, window, 'ALL', NOW)
    expect(together.unitReturn.rows.every((row) => row.standing === undefined && ['MEMBER', 'ASSOCIATE', 'OTHER'].includes(row.membership))).toBe(true)
  })
})
