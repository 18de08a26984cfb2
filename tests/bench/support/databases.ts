// The two databases every bench part runs on: an in-memory embedded PostgreSQL (PGlite, in its own
// process as the app runs it) and, when TEST_POSTGRES_URL names one, a PostgreSQL server, on which
// each request makes a database of its own, dropped after.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startEmbeddedPostgres } from '~/db/embedded-postgres.server'
import type { BenchDatabaseKind } from '../bench-figure'

export type EmptyDatabase = { url: string; drop: () => Promise<void> }

export function emptyDatabaseMaker(kind: BenchDatabaseKind, serverUrl: string | undefined): () => Promise<EmptyDatabase> {
  if (kind === 'pglite') {
    return async () => {
      const embedded = await startEmbeddedPostgres({ dataDir: null })
      return { url: embedded.url, drop: embedded.stop }
    }
  }
  if (!serverUrl) throw new Error('the PostgreSQL server half needs TEST_POSTGRES_URL')
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  return async () => {
    const name = `solesource_bench_${randomBytes(6).toString('hex')}`
    await admin(`CREATE DATABASE "${name}"`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
  }
}

/** `SELECT version()`, shortened to what identifies it: 'PostgreSQL 15.8 on x86_64…' → 'PostgreSQL 15.8'. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()')
    return rows[0]!.version.split(' on ')[0]!
  } finally {
    await client.end()
  }
}
