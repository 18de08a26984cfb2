import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))

// Any constant will do, as long as every instance of the app uses the same one.
const MIGRATION_LOCK_KEY = 7_104_202_611

export type Migration = { name: string; sql: string; checksum: string }
export type MigrationReport = { applied: string[]; alreadyApplied: string[] }

export class MigrationChecksumError extends Error {
  override name = 'MigrationChecksumError'
}

/** Prisma's folder format: prisma/migrations/<timestamp>_<name>/migration.sql, applied in name order. */
export async function readMigrations(directory = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const entries = await readdir(directory, { withFileTypes: true })
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  return Promise.all(
    folders.map(async (name) => {
      const sql = await readFile(path.join(directory, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    }),
  )
}

// Prisma's own bookkeeping table, so that `prisma migrate deploy` would see these migrations as applied
// if the schema engine ever becomes available here (same columns, same sha256 checksum).
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

/**
 * Applies every migration not yet recorded, each in its own transaction. Safe at every start and from
 * several instances at once: each transaction first takes a transaction-scoped advisory lock, then
 * re-reads what is applied, so a migration another instance applied meanwhile is skipped, never re-run.
 * An applied migration whose file changed since is refused (MigrationChecksumError): edit by adding a
 * new migration, never by rewriting an old one.
 */
export async function migrate(databaseUrl: string, migrations?: Migration[]): Promise<MigrationReport> {
  const pending = migrations ?? (await readMigrations())
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const report: MigrationReport = { applied: [], alreadyApplied: [] }
  try {
    for (const migration of pending) {
      await client.query('BEGIN')
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
        await client.query(CREATE_MIGRATIONS_TABLE)
        const recorded = await client.query<{ checksum: string }>(
          `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          [migration.name],
        )
        const existing = recorded.rows[0]
        if (existing) {
          if (existing.checksum !== migration.checksum) {
            throw new MigrationChecksumError(
              `Migration ${migration.name} was changed after it was applied (recorded checksum ${existing.checksum}, file ${migration.checksum})`,
            )
          }
          report.alreadyApplied.push(migration.name)
          await client.query('COMMIT')
          continue
        }
        await client.query(migration.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        )
        await client.query('COMMIT')
        report.applied.push(migration.name)
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      }
    }
  } finally {
    await client.end()
  }
  return report
}
