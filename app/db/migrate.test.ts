import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { createEmptyTestDatabase, testDatabaseKind, type EmptyTestDatabase } from '../../tests/support/database'
import { migrate, MigrationChecksumError, readMigrations } from './migrate.server'

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

describe(`migration runner (${testDatabaseKind()})`, () => {
  let database: EmptyTestDatabase | undefined
  afterEach(async () => {
    await database?.drop()
    database = undefined
  })

  test('applies every migration to an empty database, records each once, and a re-run changes nothing', async () => {
    database = await createEmptyTestDatabase()
    const migrations = await readMigrations()
    expect(migrations.length).toBeGreaterThan(0)

    const first = await migrate(database.url)
    expect(first.applied).toEqual(migrations.map((m) => m.name))
    expect(first.alreadyApplied).toEqual([])

    const tablesAfterFirst = await query<{ table_name: string }>(
      database.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
    expect(tablesAfterFirst.map((t) => t.table_name)).toContain('Person')

    const second = await migrate(database.url)
    expect(second.applied).toEqual([])
    expect(second.alreadyApplied).toEqual(migrations.map((m) => m.name))

    const recorded = await query<{ migration_name: string; checksum: string }>(
      database.url,
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    )
    expect(recorded).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })))
  })

  test('two instances migrating at once apply each migration exactly once', async () => {
    database = await createEmptyTestDatabase()
    const migrations = await readMigrations()
    const [a, b] = await Promise.all([migrate(database.url), migrate(database.url)])
    const appliedByEither = [...a.applied, ...b.applied].sort()
    expect(appliedByEither).toEqual(migrations.map((m) => m.name).sort())
    const recorded = await query<{ count: string }>(database.url, `SELECT count(*)::text AS count FROM "_prisma_migrations"`)
    expect(recorded[0]?.count).toBe(String(migrations.length))
  })

  test('a failing migration leaves nothing behind and is not recorded', async () => {
    database = await createEmptyTestDatabase()
    const broken = [
      { name: '00000000000000_broken', sql: 'CREATE TABLE "Half" (id int); SELECT * FROM "DoesNotExist";', checksum: 'x' },
    ]
    await expect(migrate(database.url, broken)).rejects.toThrow(/DoesNotExist/)
    const tables = await query<{ table_name: string }>(
      database.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Half'`,
    )
    expect(tables).toEqual([])
  })

  test('an applied migration whose file was edited afterwards is refused', async () => {
    database = await createEmptyTestDatabase()
    const [original] = await readMigrations()
    await migrate(database.url, [original!])
    const edited = { ...original!, checksum: 'f'.repeat(64) }
    await expect(migrate(database.url, [edited])).rejects.toBeInstanceOf(MigrationChecksumError)
  })
})
