/**
 * Step 3 of a contract import: the staged rows enter the ledger and the rollup in ONE transaction.
 * The uploaded chunks go with them. Until then the ledger is untouched, so a fatal error at any point (failed batch, failed
 * finalisation) leaves nothing half-imported: the job is marked failed and its staged rows deleted.
 */
import { appendAuditEvent } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { errorFields, log } from '~/server/logger.server'
import { refreshReturnAlerts } from '../alerts/refresh-return-alerts.server.ts'
import { forgetJob } from './import-job-memory.server.ts'
import type { BatchResult, ImportRunOptions } from './import-run-options.ts'
import { addImportToRollup } from './rollup.server.ts'

/** The one transaction in which an import's valid rows enter the ledger and the rollup. */
export async function finaliseImport(db: Database, jobId: string, options: ImportRunOptions): Promise<BatchResult> {
  const now = options.now()
  const job = await db.$transaction(async (tx) => {
    const job = await tx.contractImportJob.findUniqueOrThrow({ where: { id: jobId } })
    // A contract recorded meanwhile (by an award or another import) under a staged order number wins.
    await tx.$executeRaw`
      INSERT INTO "ContractImportRejection" ("importJobId", "line", "orderNumber", "reason")
      SELECT s."importJobId", s."line", s."orderNumber",
             'Line ' || s."line" || ': order number ' || s."orderNumber" || ' was recorded by someone else while this file was being checked.'
      FROM "StagedContract" s JOIN "Contract" c ON c."orderNumber" = s."orderNumber"
      WHERE s."importJobId" = ${jobId}::uuid`
    const clashes = await tx.$executeRaw`
      DELETE FROM "StagedContract" s USING "Contract" c WHERE s."importJobId" = ${jobId}::uuid AND c."orderNumber" = s."orderNumber"`
    const imported = await tx.$executeRaw`
      INSERT INTO "Contract" ("id", "orderNumber", "awardedOn", "supplierName", "originCountryCode", "establishmentCountryCode", "returnCountryCode",
                              "category", "amountMinor", "currency", "amountChfMinor", "exchangeRate", "exchangeRateDate", "departmentId", "groupId",
                              "source", "importJobId", "recordedById", "createdAt")
      SELECT gen_random_uuid(), s."orderNumber", s."awardedOn", s."supplierName", s."originCountryCode", s."establishmentCountryCode", s."returnCountryCode",
             s."category", s."amountMinor", s."currency", s."amountChfMinor", s."exchangeRate", s."exchangeRateDate", s."departmentId", s."groupId",
             'IMPORT', s."importJobId", ${job.createdById}::uuid, ${now}
      FROM "StagedContract" s WHERE s."importJobId" = ${jobId}::uuid
      ORDER BY s."line"`
    await addImportToRollup(tx, jobId)
    await tx.stagedContract.deleteMany({ where: { importJobId: jobId } })
    await tx.contractImportChunk.deleteMany({ where: { importJobId: jobId } })
    const finished = await tx.contractImportJob.update({
      where: { id: jobId },
      data: { status: 'SUCCEEDED', importedRows: imported, rejectedRows: { increment: clashes }, lockedUntil: null, finishedAt: now },
    })
    await appendAuditEvent(tx, {
      type: 'CONTRACT_IMPORT_FINISHED',
      actorId: job.createdById,
      subject: `import:${jobId}`,
      payload: { importJobId: jobId, fileName: job.fileName, imported, unchanged: finished.unchangedRows, rejected: finished.rejectedRows },
      at: now,
    })
    return finished
  }, { timeout: 600_000, maxWait: 60_000 })
  forgetJob(jobId)
  if (job.importedRows > 0) {
    try {
      await refreshReturnAlerts(db, { now, cause: `Import of ${job.fileName}`, appUrl: options.appUrl, actorId: job.createdById })
    } catch (error) {
      // The import stands; the scheduled refresh raises the alerts later.
      log.error('industrial-return alerts not refreshed after an import', { importJobId: jobId, ...errorFields(error) })
    }
  }
  return 'SUCCEEDED'
}

/** A fatal error: the staged rows go, the ledger was never touched, the job says why. */
export async function failImport(db: Database, jobId: string, message: string, now: Date): Promise<void> {
  forgetJob(jobId)
  log.error('contract import failed', { importJobId: jobId, error: message })
  await db.$transaction(async (tx) => {
    const job = await tx.contractImportJob.findUnique({ where: { id: jobId } })
    if (!job || job.status === 'SUCCEEDED' || job.status === 'FAILED') return
    await tx.stagedContract.deleteMany({ where: { importJobId: jobId } })
    await tx.contractImportChunk.deleteMany({ where: { importJobId: jobId } })
    await tx.contractImportJob.update({ where: { id: jobId }, data: { status: 'FAILED', fatalError: message.slice(0, 2000), lockedUntil: null, finishedAt: now } })
    await appendAuditEvent(tx, { type: 'CONTRACT_IMPORT_FAILED', actorId: job.createdById, subject: `import:${jobId}`, payload: { importJobId: jobId, fileName: job.fileName, error: message.slice(0, 500) }, at: now })
  })
}
