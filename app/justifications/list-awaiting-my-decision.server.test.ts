import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit, origin, ok } from '../../tests/support/workflow'
import { decideJustification } from './decide-justification.server'
import { listAwaitingMyDecision } from './list-awaiting-my-decision.server'
import type { Viewer } from './visibility.server'

describe(`awaiting my decision (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const viewer = async (name: string): Promise<Viewer> => {
    const person = await database.db.person.findUniqueOrThrow({ where: { id: ids[name]! } })
    return { id: person.id, groupId: person.groupId, isProcurementOfficer: person.isProcurementOfficer, isAdministrator: person.isAdministrator }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  test('each item says the role its signatory is asked to sign in, and the reason for a single source', async () => {
    const now = new Date('2026-12-01T09:00:00Z')
    const filed = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now, amount: 6_000_000, reason: 'URGENCY', reasonText: 'The cryostat fails without them before the run.' })
    const [forLeader] = await listAwaitingMyDecision(database.db, await viewer('marta.mendes'))
    expect(forLeader).toMatchObject({ id: filed.id, askedAs: 'Group leader', reason: 'Urgency not caused by the requester', requesterName: 'Rita Romano' })
    expect(await listAwaitingMyDecision(database.db, await viewer('rita.romano'))).toEqual([])

    // Once the group leader signs, the same justification awaits the department head, asked as such.
    ok(await decideJustification(database.db, { id: filed.id, rowVersion: forLeader!.rowVersion, actor: { id: ids['marta.mendes']!, origin }, decision: { kind: 'sign' }, now }))
    expect(await listAwaitingMyDecision(database.db, await viewer('marta.mendes'))).toEqual([])
    const [forHead] = await listAwaitingMyDecision(database.db, await viewer('elena.navarro'))
    expect(forHead).toMatchObject({ id: filed.id, askedAs: 'Department head' })
    expect(JSON.parse(JSON.stringify(forHead))).toEqual(forHead)
  })
})
