import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../tests/support/database'
import { DEMO_DEPARTMENTS, seedDemoData } from './seed'

async function tableCounts(database: TestDatabase) {
  const { db } = database
  return {
    countries: await db.country.count(),
    departments: await db.department.count(),
    groups: await db.group.count(),
    people: await db.person.count(),
    positions: await db.position.count(),
  }
}

describe(`demo data (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database?.drop())

  test('builds an organisation with departments, groups, leaders, heads, deputies, one procurement officer and one admin', async () => {
    await seedDemoData(database.db)
    const { db } = database
    expect(await db.department.count()).toBeGreaterThanOrEqual(4)
    for (const department of DEMO_DEPARTMENTS) {
      const stored = await db.department.findUniqueOrThrow({ where: { code: department.code }, include: { groups: true, positions: { where: { kind: 'DEPARTMENT_HEAD' } } } })
      expect(stored.groups.length).toBe(department.groups.length)
      expect(stored.positions).toHaveLength(1)
    }
    expect(await db.position.count({ where: { kind: 'GROUP_LEADER' } })).toBe(await db.group.count())
    expect(await db.position.count({ where: { kind: 'DEPUTY' } })).toBeGreaterThan(0)
    expect(await db.person.count({ where: { isProcurementOfficer: true } })).toBe(1)
    expect(await db.person.count({ where: { isAdministrator: true } })).toBe(1)
    expect(await db.country.count({ where: { membership: 'MEMBER' } })).toBeGreaterThanOrEqual(20)
  })

  test('seeding twice changes nothing', async () => {
    const before = await tableCounts(database)
    const people = await database.db.person.findMany({ orderBy: { email: 'asc' } })
    const report = await seedDemoData(database.db)
    expect(report.positionsCreated).toBe(0)
    expect(await tableCounts(database)).toEqual(before)
    expect(await database.db.person.findMany({ orderBy: { email: 'asc' } })).toEqual(people)
  })
})
