import pg from 'pg'
import { databaseUrlOf, type Database } from './client.server'

const CONNECT_TIMEOUT_MS = 10_000
const STATEMENT_TIMEOUT_MS = 60_000
/** Longer than an object store's socket timeout (60 s): a write to it happens inside the transaction. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 120_000

/** What a statement inside a plain transaction needs: pg's `query`. */
export type Sql = Pick<pg.ClientBase, 'query'>

/**
 * Runs `work` in one transaction on a plain `pg` connection of its own to the same database as `db`,
 * then closes it. For writes that carry file bytes (ADR 026): through Prisma's client each megabyte
 * of a parameter was held several times over (a 100 MB document raised the process's memory by
 * ~170 MB that garbage collection did not give back), while pg sends it and lets it go. A connection
 * per transaction also takes its buffers with it when it closes. Everything else keeps using Prisma.
 */
export async function withSqlTransaction<T>(db: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await openSqlConnection(db)
  try {
    return await inSqlTransaction(client, work)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * A plain pg connection of its own to the same database as `db`, for a caller that runs many short
 * transactions in a row (an import's batches) with inSqlTransaction; the caller ends it.
 */
export async function openSqlConnection(db: Database): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrlOf(db), connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // A connection lost mid-transaction rejects the pending query; without a listener the same error
  // would also be thrown as an unhandled 'error' event and end the process.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => {})
    throw error
  }
  return client
}

/** One transaction on an open connection (see withSqlTransaction), rolled back if `work` throws. */
export async function inSqlTransaction<T>(client: pg.Client, work: (sql: Sql) => Promise<T>): Promise<T> {
  try {
    await client.query('BEGIN')
    // Bounds, so that a stuck statement or a caller that never finishes cannot hold the rows it
    // locked (and, on the embedded PGlite, its one session) for ever.
    await client.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`)
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${IDLE_IN_TRANSACTION_TIMEOUT_MS}`)
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}

/** A timestamp for a TIMESTAMP(3) column, in UTC as Prisma writes them (whatever the process's time zone). */
export const UTC_TIMESTAMP = (parameter: string) => `(${parameter}::timestamptz AT TIME ZONE 'UTC')`
