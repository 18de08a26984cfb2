import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { appendAuditEvent, readAuditTrail } from './audit.server'

describe(`audit trail (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database?.drop())

  test('events are appended with their payload and read back in order', async () => {
    await appendAuditEvent(database.db, { type: 'SIGNED_IN', actorId: null, subject: 'person:x', payload: { method: 'link' } })
    await appendAuditEvent(database.db, { type: 'SIGNED_OUT', actorId: null, subject: 'person:x', payload: { everywhere: true, sessionsEnded: 2 } })
    const trail = await readAuditTrail(database.db, 'person:x')
    expect(trail.map((e) => [e.type, e.payload])).toEqual([
      ['SIGNED_IN', { method: 'link' }],
      ['SIGNED_OUT', { everywhere: true, sessionsEnded: 2 }],
    ])
  })

  test('a payload that does not match its event type is refused', async () => {
    await expect(
      // @ts-expect-error: the compiler already refuses this; the runtime check catches untyped callers.
      appendAuditEvent(database.db, { type: 'SIGNED_IN', actorId: null, subject: 'person:y', payload: { method: 'telepathy' } }),
    ).rejects.toThrow()
    expect(await readAuditTrail(database.db, 'person:y')).toEqual([])
  })

  test('the database refuses to change or delete an event', async () => {
    const [event] = await readAuditTrail(database.db, 'person:x')
    await expect(database.db.auditEvent.update({ where: { id: event!.id }, data: { type: 'FORGED' } })).rejects.toThrow(/append-only/)
    await expect(database.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/)
    expect(await database.db.auditEvent.count()).toBe(2)
  })

  test('the database refuses to empty the trail with TRUNCATE, alone or with other tables', async () => {
    await expect(database.db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow('AuditEvent rows are append-only (TRUNCATE refused)')
    await expect(database.db.$executeRawUnsafe('TRUNCATE "OutboxMessage", "AuditEvent" RESTART IDENTITY')).rejects.toThrow(/append-only \(TRUNCATE refused\)/)
    expect(await database.db.auditEvent.count()).toBe(2)
    // Still appendable after a refused TRUNCATE.
    await appendAuditEvent(database.db, { type: 'SIGNED_IN', actorId: null, subject: 'person:x', payload: { method: 'code' } })
    expect(await database.db.auditEvent.count()).toBe(3)
  })
})
