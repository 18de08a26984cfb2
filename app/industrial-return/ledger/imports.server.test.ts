import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from './in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { CONTRACT_CSV_COLUMNS } from './contract-csv.ts'
import { createContractImport } from './create-import.server.ts'
import { loadImportJob } from './import-jobs.server.ts'
import { driveImport } from './run-imports.server.ts'
import { APP_URL, rollupAndLedger, useReturnTestDatabase } from '../test-support.ts'

const NOW = new Date('2026-11-26T10:00:00Z')
const header = CONTRACT_CSV_COLUMNS.join(',')

const FILE = [
  header,
  'PO-1001,2024-03-14,Precision Magnets SA,SUPPLIES,IT,CH,125000.00,CHF,,TE,TE-MSC',
  'PO-1002,2024-04-02,"Cryo Services, GmbH",SERVICES,,DE,48000.00,EUR,0.9412,TE,TE-CRG',
  'PO-1003,2023-01-20,Atlantic Optics,SUPPLIES,,PT,9999.95,CHF,,EN,EN-MME',
  'PO-1004,2024-05-05,Nowhere Ltd,SUPPLIES,XX,CH,1000.00,CHF,,EN,EN-MME',
  'PO-1005,2024-05-06,Bad Amount AG,SUPPLIES,DE,DE,12.345,CHF,,EN,EN-MME',
  'PO-1001,2024-05-07,Duplicate SA,SUPPLIES,FR,FR,100.00,CHF,,EN,EN-MME',
  'PO-1006,2025-02-30,Bad Date SARL,SUPPLIES,FR,FR,100.00,CHF,,EN,EN-MME',
  '',
].join('\n')

describe('contract import', () => {
  const database = useReturnTestDatabase({ scaleYears: [2022, 2023, 2024, 2025] })

  const importText = async (text: string | Uint8Array, fileName = 'contracts.csv', batchSize = 2) => {
    const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
    const created = await createContractImport(database.db, { fileName, bytes, actorId: database.officerId, now: NOW })
    if (!created.ok) return { created, report: null }
    await driveImport(database.db, created.jobId, { now: () => NOW, appUrl: APP_URL, batchSize })
    return { created, report: await loadImportJob(database.db, created.jobId) }
  }

  it('imports the good rows and reports every rejected row and why', async () => {
    const { report } = await importText(FILE)
    expect(report?.job).toMatchObject({ status: 'SUCCEEDED', totalRows: 7, processedRows: 7, importedRows: 3, unchangedRows: 0, rejectedRows: 4, percent: 100 })
    const reasons = new Map(report!.rejections.map((r) => [r.line, r.reason]))
    expect([...reasons.keys()]).toEqual([5, 6, 7, 8])
    expect(reasons.get(5)).toMatch(/unknown country of origin "XX"/)
    expect(reasons.get(6)).toMatch(/amount "12\.345"/)
    expect(reasons.get(7)).toMatch(/order number PO-1001 already appears on line 2/)
    expect(reasons.get(8)).toMatch(/award date "2025-02-30" is not a date/)

    const contracts = await database.db.contract.findMany({ orderBy: { orderNumber: 'asc' } })
    expect(contracts.map((c) => [c.orderNumber, c.returnCountryCode, c.amountChfMinor])).toEqual([
      ['PO-1001', 'IT', 12_500_000n], // supplies count for the origin of the goods
      ['PO-1002', 'DE', 4_517_760n], // services for the establishment; 48 000 EUR at 0.9412
      ['PO-1003', 'PT', 999_995n], // no origin given: the establishment country
    ])
    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await rollupAndLedger(database.db)
    const count = await database.db.contract.count()
    const { report } = await importText(FILE, 'contracts-again.csv', 3)
    expect(report?.job).toMatchObject({ status: 'SUCCEEDED', importedRows: 0, unchangedRows: 3, rejectedRows: 4 })
    expect(await database.db.contract.count()).toBe(count)
    expect(await rollupAndLedger(database.db)).toEqual(before)
  })

  it('rejects a row that would change a recorded contract', async () => {
    const { report } = await importText([header, 'PO-1003,2023-01-20,Atlantic Optics,SUPPLIES,,PT,5.00,CHF,,EN,EN-MME'].join('\n'))
    expect(report?.job).toMatchObject({ importedRows: 0, rejectedRows: 1 })
    expect(report?.rejections[0]?.reason).toMatch(/already in the ledger with different values/)
  })

  it('imports nothing from an unreadable file or a wrong header', async () => {
    const count = await database.db.contract.count()
    const jobs = await database.db.contractImportJob.count()
    const wrongHeader = await importText(FILE.replace('order_number', 'order'))
    expect(wrongHeader.created).toMatchObject({ ok: false, message: expect.stringMatching(/missing column order_number; unknown column order/) })
    const latin1 = await importText(new Uint8Array([...new TextEncoder().encode(`${header}\nPO-9,2024-01-01,Soci`), 0xe9, 0x74, 0xe9]))
    expect(latin1.created).toMatchObject({ ok: false, message: expect.stringMatching(/not readable as UTF-8/) })
    const headerOnly = await importText(`${header}\n`)
    expect(headerOnly.created).toMatchObject({ ok: false })
    expect(await database.db.contract.count()).toBe(count)
    expect(await database.db.contractImportJob.count()).toBe(jobs)
  })

  it('refuses a file with a NUL character, naming its line, and stores nothing', async () => {
    const count = await database.db.contract.count()
    const jobs = await database.db.contractImportJob.count()
    const withNul = await importText(FILE.replace('Atlantic Optics', 'Atlantic\u0000Optics'), 'contracts\u0000.csv')
    expect(withNul.created).toEqual({ ok: false, message: expect.stringMatching(/^Line 4 contains a NUL character .* Nothing was imported\.$/) })
    expect(await database.db.contract.count()).toBe(count)
    expect(await database.db.contractImportJob.count()).toBe(jobs)
  })

  it('rolls back the whole import when it fails after some batches were checked', async () => {
    const count = await database.db.contract.count()
    const before = await rollupAndLedger(database.db)
    const doomed = await database.db.department.create({ data: { code: 'DOOM', name: 'Short-lived' } })
    const text = [header, 'PO-2001,2024-06-01,Good Row SA,SUPPLIES,FR,FR,100.00,CHF,,EN,', 'PO-2002,2024-06-02,Doomed Row SA,SUPPLIES,FR,FR,100.00,CHF,,DOOM,'].join('\n')
    const created = await createContractImport(database.db, { fileName: 'doomed.csv', bytes: new TextEncoder().encode(text), actorId: database.officerId, now: NOW })
    if (!created.ok) throw new Error(created.message)
    // Check the rows one by one, then make the last one impossible to insert before the final transaction.
    const { processImportBatch } = await import('./stage-import-batch.server.ts')
    await database.db.contractImportJob.update({ where: { id: created.jobId }, data: { status: 'RUNNING' } })
    expect(await processImportBatch(database.db, created.jobId, { now: () => NOW, appUrl: APP_URL, batchSize: 1 })).toBe('CONTINUE')
    expect(await database.db.stagedContract.count({ where: { importJobId: created.jobId } })).toBe(1)
    await database.db.department.delete({ where: { id: doomed.id } }).catch(() => undefined)
    // The department is gone, yet its row was already checked: the final insert fails on the foreign key.
    await database.db.stagedContract.create({
      data: {
        importJobId: created.jobId, line: 99, orderNumber: 'PO-2099', awardedOn: new Date('2024-06-02'), supplierName: 'x', establishmentCountryCode: 'FR',
        returnCountryCode: 'FR', category: 'SUPPLIES', amountMinor: 1n, currency: 'CHF', amountChfMinor: 1n, exchangeRate: '1', exchangeRateDate: new Date('2024-06-02'),
        departmentId: doomed.id,
      },
    })
    expect(await processImportBatch(database.db, created.jobId, { now: () => NOW, appUrl: APP_URL, batchSize: 1 })).toBe('FAILED')
    const report = await loadImportJob(database.db, created.jobId)
    expect(report?.job.status).toBe('FAILED')
    expect(report?.job.fatalError).toMatch(/foreign key|Foreign key/)
    expect(await database.db.contract.count()).toBe(count)
    expect(await database.db.contract.findUnique({ where: { orderNumber: 'PO-2001' } })).toBeNull()
    expect(await database.db.stagedContract.count({ where: { importJobId: created.jobId } })).toBe(0)
    expect(await rollupAndLedger(database.db)).toEqual(before)
  })

  it('shows progress on a large file, batch by batch, and resumes where it stopped', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `BULK-${i},2024-0${1 + (i % 9)}-1${i % 9},Bulk ${i % 50},${i % 3 ? 'SUPPLIES' : 'SERVICES'},${['DE', 'FR', 'IT', 'CH', 'US'][i % 5]},CH,${100 + i}.50,CHF,,EN,EN-MME`)
    const created = await createContractImport(database.db, { fileName: 'bulk.csv', bytes: new TextEncoder().encode([header, ...rows].join('\n')), actorId: database.officerId, now: NOW })
    if (!created.ok) throw new Error(created.message)
    const { processImportBatch } = await import('./stage-import-batch.server.ts')
    await database.db.contractImportJob.update({ where: { id: created.jobId }, data: { status: 'RUNNING' } })
    expect(await processImportBatch(database.db, created.jobId, { now: () => NOW, appUrl: APP_URL, batchSize: 2_000 })).toBe('CONTINUE')
    expect((await loadImportJob(database.db, created.jobId))?.job).toMatchObject({ processedRows: 2_000, percent: 40, status: 'RUNNING' })
    expect(await database.db.contract.count({ where: { orderNumber: { startsWith: 'BULK-' } } })).toBe(0)
    // A "restart": the claim expired, the scheduled run picks the job up where it stopped.
    await database.db.contractImportJob.update({ where: { id: created.jobId }, data: { lockedUntil: null } })
    expect(await driveImport(database.db, created.jobId, { now: () => NOW, appUrl: APP_URL, batchSize: 2_000 })).toBe('SUCCEEDED')
    expect((await loadImportJob(database.db, created.jobId))?.job).toMatchObject({ importedRows: 5_000, rejectedRows: 0 })
    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })
})
