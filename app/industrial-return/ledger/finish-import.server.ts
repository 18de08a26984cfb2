/**
 * Step 3 of a contract import: the staged rows enter the ledger in short transactions of at most
 * MOVE_STEP_ROWS rows each (ADR 040), so that on the embedded database, one session for every
 * connection, other requests are served between them. Nothing is half-imported all the same:
 * - the rows moved so far carry the job's `importJobId` and no reader sees them until the job is
 *   SUCCEEDED (visible-contracts.server.ts); their share of the rollup is summed in "StagedRollup";
 * - the last short transaction, the one that finds no staged row left, adds that share to the rollup
 *   and marks the job SUCCEEDED: the whole import appears at once;
 * - each step deletes the staged rows it moves in the same transaction, so a restart (or another
 *   instance, once the claim expired) resumes with the rows not moved yet, none lost, none twice;
 * - a fatal error deletes the rows moved so far with the job's other rows (failImport).
 * An order number recorded meanwhile (by an award or another import) before the step that carries its
 * row wins: the row is rejected. From that step on the number is the import's: the unique index refuses
 * it to anyone else, and the award form says it is being imported (award-justification.server.ts).
 */
import { appendAuditEvent } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { errorFields, log } from '~/server/logger.server'
import { refreshReturnAlerts } from '../alerts/refresh-return-alerts.server.ts'
import { forgetJob } from './import-job-memory.server.ts'
import { EMBEDDED_PACING } from './import-pacing.server.ts'
import { CLAIM_MS, type BatchResult, type ImportRunOptions } from './import-run-options.ts'
import { addStagedRollupOf, SCOPES_OF_CONTRACT } from './rollup.server.ts'

/**
 * Rows per short transaction unless the run says (import-pacing.server.ts): on PGlite a step of 500 rows
 * takes 30-60 ms on a busy 2-core machine (a step of 2 000, 250 ms); smaller steps cost throughput
 * without shortening the job page's waits (ADR 040).
 */
export const MOVE_STEP_ROWS = EMBEDDED_PACING.moveStepRows

/**
 * The pause between two steps. With none, the next step's BEGIN reaches the embedded server before a
 * request's second query (the job page makes two), which then waits behind a whole step, FIFO.
 */
const MOVE_STEP_PAUSE_MS = EMBEDDED_PACING.movePauseMs

/** Rows a failed import's clean-up deletes per transaction. */
const DELETE_STEP_ROWS = 2_000

type StepResult = 'CONTINUE' | 'SUCCEEDED' | 'NOT_RUNNABLE'

/**
 * One short transaction of the move: the next staged rows (by line) enter the ledger, still invisible,
 * and their share goes to "StagedRollup"; with no staged row left, the import is finished instead.
 */
export async function moveImportStep(db: Database, jobId: string, options: ImportRunOptions): Promise<StepResult> {
  const now = options.now()
  const stepRows = options.moveStepRows ?? MOVE_STEP_ROWS
  const outcome = await db.$transaction(async (tx) => {
    // The claim is renewed, and the job row locked: two workers never run the same job's steps at once.
    const [job] = await tx.$queryRaw<{ createdById: string | null; fileName: string; unchangedRows: number; rejectedRows: number }[]>`
      UPDATE "ContractImportJob" SET "status" = 'RUNNING', "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}
      WHERE "id" = ${jobId}::uuid AND "status" IN ('QUEUED', 'RUNNING') AND "processedRows" >= "totalRows"
      RETURNING "createdById", "fileName", "unchangedRows", "rejectedRows"`
    if (!job) return { result: 'NOT_RUNNABLE' as const }
    // The upload's chunks are not read again once every row is checked: one goes with each step.
    await tx.$executeRaw`
      DELETE FROM "ContractImportChunk" WHERE "importJobId" = ${jobId}::uuid
        AND "firstRow" = (SELECT MIN("firstRow") FROM "ContractImportChunk" WHERE "importJobId" = ${jobId}::uuid)`
    const [step] = await tx.$queryRaw<{ taken: number; clashed: number }[]>`
      WITH step AS (
        DELETE FROM "StagedContract" WHERE "importJobId" = ${jobId}::uuid AND "line" IN (
          SELECT "line" FROM "StagedContract" WHERE "importJobId" = ${jobId}::uuid ORDER BY "line" LIMIT ${stepRows})
        RETURNING *
      ), c AS (
        INSERT INTO "Contract" ("id", "orderNumber", "awardedOn", "supplierName", "originCountryCode", "establishmentCountryCode", "returnCountryCode",
                                "category", "amountMinor", "currency", "amountChfMinor", "exchangeRate", "exchangeRateDate", "departmentId", "groupId",
                                "source", "importJobId", "recordedById", "createdAt")
        SELECT gen_random_uuid(), s."orderNumber", s."awardedOn", s."supplierName", s."originCountryCode", s."establishmentCountryCode", s."returnCountryCode",
               s."category", s."amountMinor", s."currency", s."amountChfMinor", s."exchangeRate", s."exchangeRateDate", s."departmentId", s."groupId",
               'IMPORT', s."importJobId", ${job.createdById}::uuid, ${now}
        FROM step s ORDER BY s."line"
        -- A contract recorded meanwhile (by an award or another import) under a staged order number wins.
        ON CONFLICT ("orderNumber") DO NOTHING
        RETURNING "orderNumber", "awardedOn", "category", "returnCountryCode", "amountChfMinor", "departmentId", "groupId"
      ), clashed AS (
        INSERT INTO "ContractImportRejection" ("importJobId", "line", "orderNumber", "reason")
        SELECT s."importJobId", s."line", s."orderNumber",
               -- A message (app/i18n/message.ts), said in the reader's language where shown.
               'return-data:import.reason.recordedMeanwhile' || chr(1) || json_build_object('orderNumber', s."orderNumber")::text
        FROM step s WHERE NOT EXISTS (SELECT 1 FROM c WHERE c."orderNumber" = s."orderNumber")
        RETURNING 1
      ), share AS (
        INSERT INTO "StagedRollup" ("importJobId", "scope", "year", "category", "countryCode", "valueChfMinor", "contractCount")
        SELECT ${jobId}::uuid, s."scope", EXTRACT(YEAR FROM c."awardedOn")::int, c."category", c."returnCountryCode", SUM(c."amountChfMinor"), COUNT(*)::int
        FROM c ${SCOPES_OF_CONTRACT}
        WHERE s."scope" IS NOT NULL
        GROUP BY 2, 3, 4, 5
        ORDER BY 2, 3, 4, 5
        ON CONFLICT ("importJobId", "scope", "year", "category", "countryCode") DO UPDATE SET
          "valueChfMinor" = "StagedRollup"."valueChfMinor" + EXCLUDED."valueChfMinor",
          "contractCount" = "StagedRollup"."contractCount" + EXCLUDED."contractCount"
        RETURNING 1
      )
      SELECT (SELECT COUNT(*) FROM step)::int AS "taken", (SELECT COUNT(*) FROM clashed)::int AS "clashed", (SELECT COUNT(*) FROM share)::int AS "shares"`
    const taken = step?.taken ?? 0
    const clashed = step?.clashed ?? 0
    if (clashed > 0) await tx.$executeRaw`UPDATE "ContractImportJob" SET "rejectedRows" = "rejectedRows" + ${clashed} WHERE "id" = ${jobId}::uuid`
    // A full step may have left rows behind; a shorter one took the last.
    if (taken === stepRows) return { result: 'CONTINUE' as const }

    const imported = await addStagedRollupOf(tx, jobId)
    await tx.contractImportChunk.deleteMany({ where: { importJobId: jobId } })
    const finished = await tx.contractImportJob.update({
      where: { id: jobId },
      data: { status: 'SUCCEEDED', importedRows: imported, lockedUntil: null, finishedAt: now },
    })
    await appendAuditEvent(tx, {
      type: 'CONTRACT_IMPORT_FINISHED',
      actorId: job.createdById,
      subject: `import:${jobId}`,
      payload: { importJobId: jobId, fileName: job.fileName, imported, unchanged: finished.unchangedRows, rejected: finished.rejectedRows },
      at: now,
    })
    return { result: 'SUCCEEDED' as const, imported, fileName: job.fileName, actorId: job.createdById }
  }, { timeout: 60_000, maxWait: 60_000 })
  if (outcome.result !== 'SUCCEEDED') return outcome.result
  forgetJob(jobId)
  if (outcome.imported > 0) {
    try {
      await refreshReturnAlerts(db, { now, cause: `Import of ${outcome.fileName}`, appUrl: options.appUrl, actorId: outcome.actorId })
    } catch (error) {
      // The import stands; the scheduled refresh raises the alerts later.
      log.error('industrial-return alerts not refreshed after an import', { importJobId: jobId, ...errorFields(error) })
    }
  }
  return 'SUCCEEDED'
}

/**
 * Moves an import whose rows are all checked into the ledger, step after step, letting the requests
 * waiting meanwhile in between; stops early, with the claim released, past `deadline`.
 */
export async function finaliseImport(db: Database, jobId: string, options: ImportRunOptions): Promise<BatchResult> {
  for (;;) {
    const result = await moveImportStep(db, jobId, options)
    if (result !== 'CONTINUE') return result
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      await db.contractImportJob.updateMany({ where: { id: jobId, status: 'RUNNING' }, data: { lockedUntil: null } })
      return 'CONTINUE'
    }
    await new Promise((resolve) => setTimeout(resolve, options.movePauseMs ?? MOVE_STEP_PAUSE_MS))
  }
}

/**
 * A fatal error: the job is marked FAILED, with its staged rows and rollup share deleted, in one
 * transaction; from then on its rows already in the ledger count nowhere (the job did not succeed),
 * and they are deleted in short transactions after it. Rows left by a crash meanwhile are deleted by
 * the scheduled run (removeRowsOfFailedImports).
 */
export async function failImport(db: Database, jobId: string, message: string, now: Date): Promise<void> {
  forgetJob(jobId)
  log.error('contract import failed', { importJobId: jobId, error: message })
  const failed = await db.$transaction(async (tx) => {
    const job = await tx.contractImportJob.findUnique({ where: { id: jobId } })
    if (!job || job.status === 'SUCCEEDED' || job.status === 'FAILED') return false
    await tx.stagedContract.deleteMany({ where: { importJobId: jobId } })
    await tx.stagedRollup.deleteMany({ where: { importJobId: jobId } })
    await tx.contractImportChunk.deleteMany({ where: { importJobId: jobId } })
    await tx.contractImportJob.update({ where: { id: jobId }, data: { status: 'FAILED', importedRows: 0, fatalError: message.slice(0, 2000), lockedUntil: null, finishedAt: now } })
    await appendAuditEvent(tx, { type: 'CONTRACT_IMPORT_FAILED', actorId: job.createdById, subject: `import:${jobId}`, payload: { importJobId: jobId, fileName: job.fileName, error: message.slice(0, 500) }, at: now })
    return true
  })
  if (failed) await removeRowsOfFailedImport(db, jobId)
}

/** Deletes the ledger rows a failed import had moved, a short transaction at a time. */
async function removeRowsOfFailedImport(db: Database, jobId: string): Promise<void> {
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "Contract" WHERE "id" IN (
        SELECT c."id" FROM "Contract" c JOIN "ContractImportJob" j ON j."id" = c."importJobId"
        WHERE c."importJobId" = ${jobId}::uuid AND j."status" = 'FAILED' LIMIT ${DELETE_STEP_ROWS})`
    if (deleted < DELETE_STEP_ROWS) return
    await new Promise((resolve) => setTimeout(resolve, MOVE_STEP_PAUSE_MS))
  }
}

/** The rows of failed imports still in the ledger (a crash during their clean-up): deleted now. */
export async function removeRowsOfFailedImports(db: Database): Promise<number> {
  const jobs = await db.$queryRaw<{ id: string }[]>`
    SELECT j."id" FROM "ContractImportJob" j
    WHERE j."status" = 'FAILED' AND EXISTS (SELECT 1 FROM "Contract" c WHERE c."importJobId" = j."id")`
  for (const job of jobs) await removeRowsOfFailedImport(db, job.id)
  return jobs.length
}
