import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from './in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { CONTRACT_CSV_COLUMNS } from './contract-csv.ts'
import { createContractImport } from './create-import.server.ts'
import { loadImportJob } from './import-jobs.server.ts'
import { forgetJob } from './import-job-memory.server.ts'
import { IMPORT_CHUNK_ROWS } from './import-limits.ts'
import { driveImport } from './run-imports.server.ts'
import { processImportBatch } from './stage-import-batch.server.ts'
import { APP_URL, rollupAndLedger, useReturnTestDatabase } from '../test-support.ts'

const NOW = new Date('2026-11-26T10:00:00Z')
const header = CONTRACT_CSV_COLUMNS.join(',')
const options = (batchSize?: number) => ({ now: () => NOW, appUrl: APP_URL, ...(batchSize ? { batchSize } : {}) })

/** The bytes in pieces of `size`: multi-byte characters and line ends fall across pieces. */
async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

describe('contract import, streamed', () => {
  const database = useReturnTestDatabase({ scaleYears: [2023, 2024] })

  it('reads a file arriving in small pieces, with \\r\\n line ends and a byte-order mark, as the same rows', async () => {
    const text = `\uFEFF${header}\r\nST-1,2024-03-14,Société Générale d’Optique,SUPPLIES,FR,FR,1200.00,CHF,,EN,EN-MME\r\n\r\nST-2,2024-03-15,"Müller, Söhne & Co",SERVICES,,DE,300.00,EUR,0.95,EN,\r\n\r\n`
    const created = await createContractImport(database.db, { fileName: 'pieces.csv', bytes: inPieces(text, 7), actorId: database.officerId, now: NOW })
    if (!created.ok) throw new Error(created.message)
    expect(await driveImport(database.db, created.jobId, options())).toBe('SUCCEEDED')
    // The blank line between the rows counts as a row (skipped), the trailing ones do not.
    expect((await loadImportJob(database.db, created.jobId))?.job).toMatchObject({ totalRows: 3, processedRows: 3, importedRows: 2, rejectedRows: 0 })
    const names = await database.db.contract.findMany({ where: { orderNumber: { startsWith: 'ST-' } }, orderBy: { orderNumber: 'asc' }, select: { supplierName: true } })
    expect(names.map((c) => c.supplierName)).toEqual(['Société Générale d’Optique', 'Müller, Söhne & Co'])
  })

  it('refuses a file whose bytes stop being UTF-8 after the first chunk, and stores nothing of it', async () => {
    const jobs = await database.db.contractImportJob.count()
    const rows = Array.from({ length: IMPORT_CHUNK_ROWS + 10 }, (_, i) => `BAD-${i},2024-01-01,Good SA,SUPPLIES,FR,FR,1.00,CHF,,EN,`)
    const good = new TextEncoder().encode([header, ...rows].join('\n') + '\nBAD-X,2024-01-01,Soci')
    async function* body() {
      yield good
      yield new Uint8Array([0xe9, 0x74, 0xe9, 0x0a])
    }
    const created = await createContractImport(database.db, { fileName: 'latin1.csv', bytes: body(), actorId: database.officerId, now: NOW })
    expect(created).toMatchObject({ ok: false, message: expect.stringMatching(/not readable as UTF-8/) })
    expect(await database.db.contractImportJob.count()).toBe(jobs)
    expect(await database.db.contractImportChunk.count()).toBe(0)
  })

  it('spans chunks, resumes after a restart without losing or doubling a row, and still finds a duplicate from the first chunk', async () => {
    const total = IMPORT_CHUNK_ROWS * 2 + 500
    const rows = Array.from({ length: total }, (_, i) => `SPAN-${i},2024-0${1 + (i % 9)}-1${i % 9},Span ${i % 40},SUPPLIES,${['DE', 'FR', 'IT'][i % 3]},CH,${10 + i}.00,CHF,,EN,EN-MME`)
    rows[total - 1] = 'SPAN-0,2024-01-10,Span 0,SUPPLIES,DE,CH,10.00,CHF,,EN,EN-MME' // the first row's order number again
    const before = await database.db.contract.count()
    const created = await createContractImport(database.db, { fileName: 'span.csv', bytes: inPieces([header, ...rows].join('\n'), 64 * 1024), actorId: database.officerId, now: NOW })
    if (!created.ok) throw new Error(created.message)
    expect(await database.db.contractImportChunk.count({ where: { importJobId: created.jobId } })).toBe(3)

    // Batches of 3 000: the second stops at the end of the first chunk (5 000), not in the next one.
    await database.db.contractImportJob.update({ where: { id: created.jobId }, data: { status: 'RUNNING' } })
    expect(await processImportBatch(database.db, created.jobId, options(3_000))).toBe('CONTINUE')
    expect(await processImportBatch(database.db, created.jobId, options(3_000))).toBe('CONTINUE')
    expect((await loadImportJob(database.db, created.jobId))?.job.processedRows).toBe(IMPORT_CHUNK_ROWS)
    expect(await processImportBatch(database.db, created.jobId, options(3_000))).toBe('CONTINUE')

    // A restart: this process forgets everything it held, the claim expires, the scheduled run resumes.
    forgetJob(created.jobId)
    await database.db.contractImportJob.update({ where: { id: created.jobId }, data: { lockedUntil: null } })
    expect(await driveImport(database.db, created.jobId, options(3_000))).toBe('SUCCEEDED')

    const report = await loadImportJob(database.db, created.jobId)
    expect(report?.job).toMatchObject({ processedRows: total, importedRows: total - 1, rejectedRows: 1 })
    expect(report?.rejections).toEqual([{ line: total + 1, orderNumber: 'SPAN-0', reason: expect.stringMatching(/order number SPAN-0 already appears on line 2 of this file/) }])
    expect(await database.db.contract.count()).toBe(before + total - 1)
    // The upload's rows and the staged ones are gone with the import; the rollup agrees with the ledger.
    expect(await database.db.contractImportChunk.count({ where: { importJobId: created.jobId } })).toBe(0)
    expect(await database.db.stagedContract.count({ where: { importJobId: created.jobId } })).toBe(0)
    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })
})
