import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { UTC_TIMESTAMP, withSqlTransaction } from './sql-transaction.server'

describe(`a plain pg transaction (${testDatabaseKind()})`, () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
    await database.db.$executeRawUnsafe('CREATE TABLE "SqlTransactionProbe" ("id" INTEGER PRIMARY KEY, "at" TIMESTAMP(3))')
  })
  afterAll(async () => database?.drop())

  test('commits what its work wrote, and hands back what the work returns', async () => {
    const result = await withSqlTransaction(database.db, async (sql) => {
      await sql.query('INSERT INTO "SqlTransactionProbe" ("id") VALUES (1)')
      return 'written'
    })
    expect(result).toBe('written')
    expect(await database.db.$queryRawUnsafe('SELECT "id" FROM "SqlTransactionProbe" WHERE "id" = 1')).toEqual([{ id: 1 }])
  })

  test('rolls everything back when the work throws, and rethrows', async () => {
    await expect(
      withSqlTransaction(database.db, async (sql) => {
        await sql.query('INSERT INTO "SqlTransactionProbe" ("id") VALUES (2)')
        throw new Error('the second write failed')
      }),
    ).rejects.toThrow('the second write failed')
    expect(await database.db.$queryRawUnsafe('SELECT "id" FROM "SqlTransactionProbe" WHERE "id" = 2')).toEqual([])
  })

  test('a timestamp is written in UTC, as Prisma reads it back, whatever the session time zone', async () => {
    const at = new Date('2026-12-02T17:30:00.123Z')
    await withSqlTransaction(database.db, async (sql) => {
      await sql.query("SET LOCAL TIME ZONE 'Pacific/Auckland'")
      await sql.query(`INSERT INTO "SqlTransactionProbe" ("id", "at") VALUES (3, ${UTC_TIMESTAMP('$1')})`, [at.toISOString()])
    })
    const [row] = await database.db.$queryRawUnsafe<{ at: Date }[]>('SELECT "at" FROM "SqlTransactionProbe" WHERE "id" = 3')
    expect(row!.at.toISOString()).toBe(at.toISOString())
  })

  test('its statements are bounded in time', async () => {
    const timeout = await withSqlTransaction(database.db, async (sql) => (await sql.query('SHOW statement_timeout')).rows[0].statement_timeout as string)
    expect(timeout).toBe('1min')
  })
})
