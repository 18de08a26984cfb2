import pg from 'pg'
import { databaseUrlOf, type Database } from './client.server'

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
  const client = new pg.Client({ connectionString: databaseUrlOf(db) })
  // A connection lost mid-transaction rejects the pending query; without a listener the same error
  // would also be thrown as an unhandled 'error' event and end the process.
  client.on('error', () => {})
  await client.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end().catch(() => {})
  }
}

/** A timestamp for a TIMESTAMP(3) column, in UTC as Prisma writes them (whatever the process's time zone). */
export const UTC_TIMESTAMP = (parameter: string) => `(${parameter}::timestamptz AT TIME ZONE 'UTC')`
