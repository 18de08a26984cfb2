/**
 * Running contract imports, sized for files of 100 000+ rows:
 * 1. upload (create-import.server.ts): the file is checked as a whole and kept as a job;
 * 2. validation in batches (stage-import-batch.server.ts), driven here: in the app process right
 *    after the upload, and by the industrial-return jobs (alerts/jobs.server.ts) after a restart;
 * 3. finalisation (finish-import.server.ts): the staged rows enter the ledger in short transactions,
 *    seen by no reader until the last one marks the job SUCCEEDED (ADR 040).
 * A job is claimed for CLAIM_MS at a time, so several instances never run the same one.
 */
import type { Database } from '~/db/client.server'
import { openSqlConnection } from '~/db/sql-transaction.server'
import { errorFields, log } from '~/server/logger.server'
import { CLAIM_MS, type BatchResult, type ImportRunOptions } from './import-run-options.ts'
import { removeRowsOfFailedImports } from './finish-import.server.ts'
import { importPacing } from './import-pacing.server.ts'
import { processImportBatch } from './stage-import-batch.server.ts'

async function claim(db: Database, jobId: string, now: Date): Promise<boolean> {
  const { count } = await db.contractImportJob.updateMany({
    where: { id: jobId, status: { in: ['QUEUED', 'RUNNING'] }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { status: 'RUNNING', lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  })
  return count === 1
}

/** Claims a job and processes it to the end (or until `deadline`), letting other work in between batches. */
export async function driveImport(db: Database, jobId: string, options: ImportRunOptions): Promise<BatchResult> {
  if (!(await claim(db, jobId, options.now()))) return 'NOT_RUNNABLE'
  const pacing = await importPacing(db)
  options = { ...options, batchSize: options.batchSize ?? pacing.batchSize, moveStepRows: options.moveStepRows ?? pacing.moveStepRows, movePauseMs: options.movePauseMs ?? pacing.movePauseMs }
  // One connection for the run's batches: opening one per batch (and its password exchange) costs more than a batch's COPY.
  const connection = await openSqlConnection(db)
  try {
    for (;;) {
      const result = await processImportBatch(db, jobId, { ...options, connection })
      if (result !== 'CONTINUE') return result
      if (options.deadline !== undefined && Date.now() > options.deadline) {
        await db.contractImportJob.updateMany({ where: { id: jobId, status: 'RUNNING' }, data: { lockedUntil: null } })
        return 'CONTINUE'
      }
      // Between batches the event loop serves the requests waiting meanwhile (the job page among them).
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    await connection.end().catch(() => {})
  }
}

/** Started right after an upload, so progress begins without waiting for the next scheduled run. */
export function startImportInBackground(db: Database, jobId: string, options: ImportRunOptions): void {
  void driveImport(db, jobId, options).catch((error) => log.error('contract import stopped', { importJobId: jobId, ...errorFields(error) }))
}

/**
 * Jobs left waiting (after a restart, or a claim that expired): what the scheduled run picks up; and
 * the ledger rows of a failed import that a crash kept from being deleted.
 */
export async function runPendingImports(db: Database, options: ImportRunOptions & { budgetMs: number }): Promise<number> {
  await removeRowsOfFailedImports(db)
  const now = options.now()
  const jobs = await db.contractImportJob.findMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
    take: 5,
  })
  const deadline = Date.now() + options.budgetMs
  for (const job of jobs) {
    await driveImport(db, job.id, { ...options, deadline })
    if (Date.now() > deadline) break
  }
  return jobs.length
}
