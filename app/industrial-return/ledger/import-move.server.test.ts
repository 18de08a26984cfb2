// Step 3 of an import in short transactions (ADR 040): between them no reader sees any of the import,
// a fatal error or a restart in the middle leaves the ledger whole, and an award meanwhile has a defined outcome.
import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from './in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import type { Database } from '~/db/client.server'
import { awardJustification } from './award-justification.server.ts'
import { CONTRACT_CSV_COLUMNS } from './contract-csv.ts'
import { listContracts } from './contracts.server.ts'
import { createContractImport } from './create-import.server.ts'
import { moveImportStep, removeRowsOfFailedImports } from './finish-import.server.ts'
import { loadImportJob } from './import-jobs.server.ts'
import { EMBEDDED_PACING, importPacing, SERVER_PACING } from './import-pacing.server.ts'
import { forgetJob } from './import-job-memory.server.ts'
import { readRollup } from './rollup.server.ts'
import { driveImport, runPendingImports } from './run-imports.server.ts'
import { processImportBatch } from './stage-import-batch.server.ts'
import { APP_URL, createApprovedJustification, rollupAndLedger, useReturnTestDatabase } from '../test-support.ts'

const NOW = new Date('2026-11-26T10:00:00Z')
const header = CONTRACT_CSV_COLUMNS.join(',')
const STEP = 400
const options = { now: () => NOW, appUrl: APP_URL, batchSize: 2_500, moveStepRows: STEP }

const rowsOf = (prefix: string, count: number, unit = 'EN,EN-MME') =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i},2024-0${1 + (i % 9)}-1${i % 9},${prefix} ${i % 30},${i % 3 ? 'SUPPLIES' : 'SERVICES'},${['DE', 'FR', 'IT', 'CH'][i % 4]},CH,${100 + i}.25,CHF,,${unit}`)

/** What readers of the ledger see: the contracts page's search, the rollup, and the rollup against the visible ledger. */
async function whatReadersSee(db: Database, prefix: string) {
  const page = await listContracts(db, { q: `${prefix}-`, page: 1 })
  const { ledger, rollup } = await rollupAndLedger(db)
  return { listed: page.contracts.length, rollup: await readRollup(db, 'ORG'), rollupRows: rollup, ledger }
}

const rowsInLedger = (db: Database, jobId: string) => db.contract.count({ where: { importJobId: jobId } })

describe('contract import, moved into the ledger in short transactions', () => {
  const database = useReturnTestDatabase({ scaleYears: [2023, 2024] })

  /** Uploads the rows and checks them all; the move stops after its first step (the run's deadline is past). */
  async function checkedAndFirstStep(fileName: string, rows: string[]) {
    const created = await createContractImport(database.db, { fileName, bytes: new TextEncoder().encode([header, ...rows].join('\n')), actorId: database.officerId, now: NOW })
    if (!created.ok) throw new Error(created.message)
    expect(await driveImport(database.db, created.jobId, { ...options, deadline: 0 })).toBe('CONTINUE')
    for (let i = 0; i < 10 && (await loadImportJob(database.db, created.jobId))!.job.processedRows < rows.length; i++) {
      expect(await driveImport(database.db, created.jobId, { ...options, deadline: 0 })).toBe('CONTINUE')
    }
    return created.jobId
  }

  it('paces itself for the database it runs on: short steps on the embedded one, bigger ones on a server', async () => {
    vitestExpect(await importPacing(database.db)).toBe(process.env.TEST_POSTGRES_URL ? SERVER_PACING : EMBEDDED_PACING)
  })

  it('shows none of the import to any reader until the last step, then all of it at once', async () => {
    const before = await whatReadersSee(database.db, 'MV')
    const total = 2_100
    const jobId = await checkedAndFirstStep('moved.csv', rowsOf('MV', total))
    let steps = 1
    for (;;) {
      // Rows are in the ledger, step by step, yet the contracts page, the rollup and a GROUP BY over the ledger see none.
      expect(await rowsInLedger(database.db, jobId)).toBe(Math.min(steps * STEP, total))
      expect(await whatReadersSee(database.db, 'MV')).toEqual(before)
      expect((await loadImportJob(database.db, jobId))?.job).toMatchObject({ status: 'RUNNING', importedRows: 0 })
      const result = await moveImportStep(database.db, jobId, options)
      steps++
      if (result === 'SUCCEEDED') break
      expect(result).toBe('CONTINUE')
    }
    expect(steps).toBe(Math.ceil(total / STEP) + (total % STEP === 0 ? 1 : 0))
    const after = await whatReadersSee(database.db, 'MV')
    expect(after.listed).toBe(50)
    expect(after.rollup.reduce((sum, row) => sum + row.contractCount, 0)).toBe(before.rollup.reduce((sum, row) => sum + row.contractCount, 0) + total)
    expect(after.rollupRows).toEqual(after.ledger)
    expect((await loadImportJob(database.db, jobId))?.job).toMatchObject({ status: 'SUCCEEDED', importedRows: total, rejectedRows: 0 })
    expect(await database.db.stagedRollup.count({ where: { importJobId: jobId } })).toBe(0)
    expect(await database.db.contractImportChunk.count({ where: { importJobId: jobId } })).toBe(0)
  })

  it('leaves nothing of the import in the ledger when it fails in the middle of the move', async () => {
    const before = await whatReadersSee(database.db, 'FL')
    const doomed = await database.db.department.create({ data: { code: 'DOOMED', name: 'Closed during the import' } })
    // The last rows belong to a department deleted after they were checked: their step fails on its foreign key.
    const jobId = await checkedAndFirstStep('fails.csv', [...rowsOf('FL', 1_000), ...rowsOf('FLD', 300, 'DOOMED,')])
    expect(await rowsInLedger(database.db, jobId)).toBe(STEP)
    await database.db.department.delete({ where: { id: doomed.id } })
    expect(await moveImportStep(database.db, jobId, options)).toBe('CONTINUE')
    expect(await rowsInLedger(database.db, jobId)).toBe(2 * STEP)
    // The run holding the claim goes on: the next step fails, and the import with it.
    expect(await processImportBatch(database.db, jobId, options)).toBe('FAILED')

    const report = await loadImportJob(database.db, jobId)
    expect(report?.job).toMatchObject({ status: 'FAILED', importedRows: 0, fatalError: expect.stringMatching(/foreign key/) })
    expect(await rowsInLedger(database.db, jobId)).toBe(0)
    expect(await database.db.stagedContract.count({ where: { importJobId: jobId } })).toBe(0)
    expect(await database.db.stagedRollup.count({ where: { importJobId: jobId } })).toBe(0)
    expect(await whatReadersSee(database.db, 'FL')).toEqual(before)
  })

  it('deletes the rows a crash left behind while a failed import was being cleaned up', async () => {
    const before = await whatReadersSee(database.db, 'CR')
    const jobId = await checkedAndFirstStep('crashed.csv', rowsOf('CR', 1_000))
    // As if the process died right after marking the job FAILED, before deleting its rows.
    await database.db.contractImportJob.update({ where: { id: jobId }, data: { status: 'FAILED', lockedUntil: null } })
    expect(await rowsInLedger(database.db, jobId)).toBe(STEP)
    expect(await whatReadersSee(database.db, 'CR')).toEqual(before)
    await runPendingImports(database.db, { ...options, budgetMs: 1_000 })
    expect(await rowsInLedger(database.db, jobId)).toBe(0)
    expect(await removeRowsOfFailedImports(database.db)).toBe(0)
  })

  it('finishes a move interrupted by a restart exactly once', async () => {
    const before = await whatReadersSee(database.db, 'RS')
    const total = 1_500
    const jobId = await checkedAndFirstStep('restart.csv', rowsOf('RS', total))
    expect(await moveImportStep(database.db, jobId, options)).toBe('CONTINUE')
    // A restart: this process forgets the job, its claim is still running (another instance stays away) ...
    forgetJob(jobId)
    expect(await runPendingImports(database.db, { ...options, budgetMs: 60_000 })).toBe(0)
    expect(await rowsInLedger(database.db, jobId)).toBe(2 * STEP)
    // ... until it expires: the scheduled run resumes with the rows not moved yet.
    await database.db.contractImportJob.update({ where: { id: jobId }, data: { lockedUntil: null } })
    expect(await runPendingImports(database.db, { ...options, budgetMs: 60_000 })).toBe(1)
    expect((await loadImportJob(database.db, jobId))?.job).toMatchObject({ status: 'SUCCEEDED', importedRows: total, rejectedRows: 0 })
    expect(await rowsInLedger(database.db, jobId)).toBe(total)
    // Run again, nothing more happens: the rollup counts every row once.
    expect(await moveImportStep(database.db, jobId, options)).toBe('NOT_RUNNABLE')
    const after = await whatReadersSee(database.db, 'RS')
    expect(after.rollup.reduce((sum, row) => sum + row.contractCount, 0)).toBe(before.rollup.reduce((sum, row) => sum + row.contractCount, 0) + total)
    expect(after.rollupRows).toEqual(after.ledger)
  })

  it('gives an order number to an award recorded before the move reaches its row, and to the import once it has', async () => {
    const jobId = await checkedAndFirstStep('awards.csv', rowsOf('AW', 1_000))
    const award = async (orderNumber: string) => {
      const justification = await createApprovedJustification(database.db, { supplierCountryCode: 'FR', amountMinor: 500_000 })
      return awardJustification(database.db, justification.id, { orderNumber, awardedOn: '2024-05-01', amount: '5000.00' }, { actorId: database.officerId, now: NOW, appUrl: APP_URL })
    }
    // AW-0 is in the ledger already (first step), still invisible: the award is refused, naming the import.
    expect(await award('AW-0')).toEqual({ ok: false, fieldErrors: { orderNumber: ['Order number AW-0 is being imported from awards.csv: it can be recorded here only if that import fails.'] } })
    // AW-999 is not moved yet: the award takes it, and the import rejects its row when it gets there.
    expect(await award('AW-999')).toMatchObject({ ok: true, orderNumber: 'AW-999' })
    expect(await driveImport(database.db, jobId, options)).toBe('SUCCEEDED')
    const report = await loadImportJob(database.db, jobId)
    expect(report?.job).toMatchObject({ status: 'SUCCEEDED', importedRows: 999, rejectedRows: 1 })
    expect(report?.rejections).toEqual([{ line: 1_001, orderNumber: 'AW-999', reason: 'Line 1001: order number AW-999 was recorded by someone else while this file was being checked.' }])
    expect(await database.db.contract.findUnique({ where: { orderNumber: 'AW-999' }, select: { source: true } })).toEqual({ source: 'AWARD' })
    expect(await award('AW-0')).toEqual({ ok: false, fieldErrors: { orderNumber: ['Order number AW-0 is already in the ledger.'] } })
    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })

  it('does not count another import\'s rows being moved as recorded contracts: the import that moves a row first keeps its number', async () => {
    const first = await checkedAndFirstStep('first.csv', rowsOf('TW', 800))
    // A second file with the same rows is checked while the first is being moved: nothing is "unchanged" yet.
    const second = await checkedAndFirstStep('second.csv', rowsOf('TW', 800))
    expect((await loadImportJob(database.db, second))?.job).toMatchObject({ unchangedRows: 0, rejectedRows: STEP })
    expect(await driveImport(database.db, first, options)).toBe('SUCCEEDED')
    expect(await driveImport(database.db, second, options)).toBe('SUCCEEDED')
    expect((await loadImportJob(database.db, first))?.job).toMatchObject({ importedRows: 800, rejectedRows: 0 })
    expect((await loadImportJob(database.db, second))?.job).toMatchObject({ importedRows: 0, rejectedRows: 800 })
    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })
})
