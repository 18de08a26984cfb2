/**
 * How an import paces itself (ADR 040). On the embedded PostgreSQL (PGlite: one session for every
 * connection) each transaction of the import makes every other request wait: short batches and move
 * steps, with a pause between steps. On a PostgreSQL server readers never wait for a writer (MVCC):
 * bigger batches and steps, no pause, for the throughput.
 */
import type { Database } from '~/db/client.server'
import { DEFAULT_BATCH_SIZE } from './import-run-options.ts'

export type ImportPacing = { batchSize: number; moveStepRows: number; movePauseMs: number }

/** Also what a batch or a step uses when its caller did not ask the database (tests, one-off calls). */
export const EMBEDDED_PACING: ImportPacing = { batchSize: DEFAULT_BATCH_SIZE, moveStepRows: 500, movePauseMs: 5 }
export const SERVER_PACING: ImportPacing = { batchSize: 2_500, moveStepRows: 5_000, movePauseMs: 0 }

const known = new WeakMap<Database, ImportPacing>()

/** The pacing for `db`'s database: PGlite names itself in `version()` ("PostgreSQL 18.6 (PGlite 0.5.14) ..."). */
export async function importPacing(db: Database): Promise<ImportPacing> {
  const cached = known.get(db)
  if (cached) return cached
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS "version"`
  const pacing = row?.version.includes('PGlite') ? EMBEDDED_PACING : SERVER_PACING
  known.set(db, pacing)
  return pacing
}
