import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { createDatabaseClient, type Database } from '~/db/client.server'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '~/db/embedded-postgres.server'
import { migrate } from '~/db/migrate.server'

/**
 * Which database the suites run against. TEST_POSTGRES_URL names a PostgreSQL server on which each
 * suite creates (and drops) a database of its own; unset, each suite starts an embedded PostgreSQL
 * (PGlite) in memory, exactly as the app does. `.ci/run` runs the database suites both ways.
 */
export function testDatabaseKind(): 'postgresql-server' | 'pglite' {
  return process.env.TEST_POSTGRES_URL ? 'postgresql-server' : 'pglite'
}

export type EmptyTestDatabase = { url: string; drop: () => Promise<void> }

export async function createEmptyTestDatabase(): Promise<EmptyTestDatabase> {
  const serverUrl = process.env.TEST_POSTGRES_URL
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: null })
    return { url: embedded.url, drop: embedded.stop }
  }
  const name = `solesource_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await cleanup.end()
    },
  }
}

export type TestDatabase = EmptyTestDatabase & { db: Database }

/** A migrated, empty database and a Prisma client on it. Call `drop()` in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase()
  await migrate(empty.url)
  const db = createDatabaseClient(empty.url, { maxConnections: 4 })
  return {
    ...empty,
    db,
    async drop() {
      await db.$disconnect()
      await empty.drop()
    },
  }
}

/**
 * An embedded PostgreSQL in memory for the enclosing describe block: started before its tests,
 * stopped after them. Its `url` is read once the block's tests run.
 */
export function useInMemoryEmbeddedPostgres(): { readonly url: string } {
  let embedded: EmbeddedPostgres | undefined
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ dataDir: null })
  })
  afterAll(async () => {
    await embedded?.stop()
  })
  return {
    get url() {
      if (!embedded) throw new Error('the embedded PostgreSQL is not started yet: read its url inside a test')
      return embedded.url
    },
  }
}
