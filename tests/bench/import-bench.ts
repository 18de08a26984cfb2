// The CSV import row of `npm run bench`: N generated contracts in the import template's format go
// through the real import end to end (upload, batches, final transaction: the functions the route and
// the job call), against a raw COPY of the same rows into a table shaped like the ledger, in the same
// run. Meanwhile the job page's data (its loader's query) is read in a loop: p50/p99 while it imports.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { createDatabaseClient, type Database } from '~/db/client.server'
import { migrate } from '~/db/migrate.server'
import { CONTRACT_CSV_COLUMNS } from '~/industrial-return/ledger/contract-csv'
import { createContractImport, readUploadedFile } from '~/industrial-return/ledger/create-import.server'
import { loadImportJob } from '~/industrial-return/ledger/import-jobs.server'
import { driveImport } from '~/industrial-return/ledger/run-imports.server'
import { seedDemoData } from '../../prisma/seed'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'
import type { BenchContext, BenchFigure, BenchPart } from './bench-figure'

const NOW = new Date('2026-11-26T10:00:00Z')
const APP_URL = 'http://solesource.bench'
const GROUPS = [
  ['EN', 'EN-MME'],
  ['TE', 'TE-MSC'],
  ['EN', ''],
] as const
const COUNTRIES = ['DE', 'FR', 'IT', 'CH', 'ES', 'NL', 'PL', 'SE']

/** Row i of the generated file: valid, unique order numbers, a mix of categories, currencies and groups. */
function csvRow(i: number): string {
  const [department, group] = GROUPS[i % GROUPS.length]!
  const country = COUNTRIES[i % COUNTRIES.length]!
  const supplies = i % 3 !== 0
  const month = String(1 + (i % 12)).padStart(2, '0')
  const day = String(1 + (i % 28)).padStart(2, '0')
  const euro = i % 4 === 0
  const supplier = i % 10 === 0 ? `"Bench Supplier ${i % 500}, SA"` : `Bench Supplier ${i % 500}`
  return `BENCH-${i},${2020 + (i % 6)}-${month}-${day},${supplier},${supplies ? 'SUPPLIES' : 'SERVICES'},${supplies ? country : ''},${country},${1000 + (i % 90_000)}.${String(i % 100).padStart(2, '0')},${euro ? 'EUR' : 'CHF'},${euro ? '0.9412' : ''},${department},${group}`
}

/** The same rows as the ledger stores them, for the raw COPY baseline (CSV of the ledger's columns). */
function copyRow(i: number, departmentIds: Map<string, string>, groupIds: Map<string, string>, importJobId: string): string {
  const [department, group] = GROUPS[i % GROUPS.length]!
  const country = COUNTRIES[i % COUNTRIES.length]!
  const supplies = i % 3 !== 0
  const month = String(1 + (i % 12)).padStart(2, '0')
  const day = String(1 + (i % 28)).padStart(2, '0')
  const euro = i % 4 === 0
  const minor = (1000 + (i % 90_000)) * 100 + (i % 100)
  const date = `${2020 + (i % 6)}-${month}-${day}`
  const supplier = i % 10 === 0 ? `"Bench Supplier ${i % 500}, SA"` : `Bench Supplier ${i % 500}`
  return [
    crypto.randomUUID(), `BENCH-${i}`, date, supplier, supplies ? country : '', country, country, supplies ? 'SUPPLIES' : 'SERVICES',
    minor, euro ? 'EUR' : 'CHF', euro ? Math.round(minor * 0.9412) : minor, euro ? '0.9412' : '1', date,
    departmentIds.get(department), group ? groupIds.get(group) : '', 'IMPORT', importJobId,
  ].join(',')
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

/** The ledger's foreign keys, on the baseline's table: the checks the import's rows go through too. */
const LEDGER_FOREIGN_KEYS = [
  'FOREIGN KEY ("originCountryCode") REFERENCES "Country"("code")',
  'FOREIGN KEY ("establishmentCountryCode") REFERENCES "Country"("code")',
  'FOREIGN KEY ("departmentId") REFERENCES "Department"("id")',
  'FOREIGN KEY ("groupId") REFERENCES "Group"("id")',
  'FOREIGN KEY ("justificationId") REFERENCES "Justification"("id")',
  'FOREIGN KEY ("importJobId") REFERENCES "ContractImportJob"("id")',
]

/**
 * Rows/s of a raw COPY of the same rows into a table shaped like the ledger: its columns and indexes,
 * and with `foreignKeys` its foreign keys as well.
 */
async function rawCopy(url: string, db: Database, rows: number, { foreignKeys }: { foreignKeys: boolean }): Promise<number> {
  const departmentIds = new Map((await db.department.findMany()).map((d) => [d.code, d.id]))
  const groupIds = new Map((await db.group.findMany()).map((g) => [g.code, g.id]))
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('CREATE TABLE bench_copy (LIKE "Contract" INCLUDING DEFAULTS INCLUDING INDEXES)')
    for (const key of foreignKeys ? LEDGER_FOREIGN_KEYS : []) await client.query(`ALTER TABLE bench_copy ADD ${key}`)
    const { rows: job } = await client.query<{ id: string }>(`INSERT INTO "ContractImportJob" ("id", "fileName", "totalRows") VALUES (gen_random_uuid(), 'baseline.csv', $1) RETURNING "id"`, [rows])
    const importJobId = job[0]!.id
    const started = performance.now()
    const lines = function* () {
      for (let from = 0; from < rows; from += 1000) {
        const to = Math.min(from + 1000, rows)
        let text = ''
        for (let i = from; i < to; i++) text += copyRow(i, departmentIds, groupIds, importJobId) + '\n'
        yield text
      }
    }
    await pipeline(
      Readable.from(lines()),
      client.query(copyFrom('COPY bench_copy ("id", "orderNumber", "awardedOn", "supplierName", "originCountryCode", "establishmentCountryCode", "returnCountryCode", "category", "amountMinor", "currency", "amountChfMinor", "exchangeRate", "exchangeRateDate", "departmentId", "groupId", "source", "importJobId") FROM STDIN WITH (FORMAT csv)')),
    )
    const seconds = (performance.now() - started) / 1000
    const { rows: counted } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_copy')
    if (counted[0]!.n !== rows) throw new Error(`raw COPY wrote ${counted[0]!.n} rows, not ${rows}`)
    await client.query('DROP TABLE bench_copy')
    await client.query('DELETE FROM "ContractImportJob" WHERE "id" = $1', [importJobId])
    return rows / seconds
  } finally {
    await client.end()
  }
}

/** The import, as the route and the job run it: the file is uploaded, then driven to its end. */
async function importFile(db: Database, path: string, actorId: string): Promise<string> {
  const created = await createContractImport(db, { fileName: 'bench.csv', bytes: readUploadedFile(path), actorId, now: NOW })
  if (!created.ok) throw new Error(created.message)
  const result = await driveImport(db, created.jobId, { now: () => NOW, appUrl: APP_URL })
  if (result !== 'SUCCEEDED') throw new Error(`the import ended ${result}`)
  return created.jobId
}

export async function measureImport(context: Pick<BenchContext, 'createEmptyDatabase' | 'scale' | 'progress' | 'database'>) {
  const rows = context.scale === 'full' ? 100_000 : 5_000
  const database = await context.createEmptyDatabase()
  const db = createDatabaseClient(database.url, { maxConnections: 8 })
  const dir = await mkdtemp(join(tmpdir(), 'solesource-import-bench-'))
  try {
    await migrate(database.url)
    await seedDemoData(db)
    await seedReturnDemoData(db, { now: NOW, contracts: false })
    const officer = await db.person.findFirstOrThrow({ where: { isProcurementOfficer: true } })
    context.progress(`import: ${rows.toLocaleString('en-GB')} rows, raw COPY baseline`)
    const copyRate = await rawCopy(database.url, db, rows, { foreignKeys: false })
    const copyWithKeysRate = await rawCopy(database.url, db, rows, { foreignKeys: true })

    const lines = [CONTRACT_CSV_COLUMNS.join(',')]
    for (let i = 0; i < rows; i++) lines.push(csvRow(i))
    const text = lines.join('\n') + '\n'
    const path = join(dir, 'bench.csv')
    await writeFile(path, text)

    context.progress(`import: ${rows.toLocaleString('en-GB')} rows through the import, job page read in a loop`)
    const pageTimes: number[] = []
    let importing = true
    let jobId: string | null = null
    const poll = (async () => {
      let latest: string | undefined
      while (importing) {
        // The job appears when its upload commits; from then on only the page's own reads are made.
        latest ??= jobId ?? (await db.contractImportJob.findFirst({ orderBy: { createdAt: 'desc' }, select: { id: true } }))?.id
        if (!latest) {
          await new Promise((resolve) => setTimeout(resolve, 5))
          continue
        }
        const started = performance.now()
        await loadImportJob(db, latest, { rejectionLimit: 500 })
        pageTimes.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    const started = performance.now()
    jobId = await importFile(db, path, officer.id).finally(() => (importing = false))
    const seconds = (performance.now() - started) / 1000
    await poll
    const report = await loadImportJob(db, jobId)
    if (report?.job.importedRows !== rows) throw new Error(`the import took ${report?.job.importedRows} rows, not ${rows}`)
    return { rows, importRate: rows / seconds, copyRate, copyWithKeysRate, pageP50: percentile(pageTimes, 0.5), pageP99: percentile(pageTimes, 0.99), pageMax: Math.max(...pageTimes), pageReads: pageTimes.length }
  } finally {
    await rm(dir, { recursive: true, force: true })
    await db.$disconnect()
    await database.drop()
  }
}

/** Why the import cannot keep up with a plain COPY: what the ledger's keys and the double write cost at raw speed. */
function importLimit(m: { copyRate: number; copyWithKeysRate: number; importRate: number }): string[] {
  const twoWrites = 1 / (1 / m.copyRate + 1 / m.copyWithKeysRate)
  const floorRatio = twoWrites / m.copyRate
  return [
    `The ledger has foreign keys (department, group, three countries): COPY of the same rows into a table with them runs at ${perSecond(m.copyWithKeysRate)}, ${(m.copyWithKeysRate / m.copyRate).toFixed(2)} of the plain COPY, before any of the import's own work.`,
    `Every row is written twice, as "nothing half-imported" with progress kept across restarts needs (ADR 028, 040): COPY into staging, then into the ledger. At raw speeds those two writes alone allow ${perSecond(twoWrites)} = ${floorRatio.toFixed(2)} of the plain COPY.`,
    floorRatio < 0.25
      ? 'The goal (0.25) is above that: out of reach with the ledger\'s keys and a staged import.'
      : `The goal (0.25) is below that: the rest (${perSecond(m.importRate)} measured) is the import's own work: reading and checking each line in Node, and on PGlite short steps with pauses so that other requests get the one session (ADR 040).`,
  ]
}

const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-GB')} rows/s`

export const importBench: BenchPart = {
  name: 'import',
  async run(context) {
    const m = await measureImport(context)
    const ratio = m.importRate / m.copyRate
    const ratioWithKeys = m.importRate / m.copyWithKeysRate
    const figures: BenchFigure[] = [
      {
        path: `CSV import, ${m.rows.toLocaleString('en-GB')} rows`,
        measured: perSecond(m.importRate),
        baseline: `raw COPY ${perSecond(m.copyRate)}`,
        ratio,
        goal: '>= 0.25 of COPY',
        met: ratio >= 0.25,
        note: 'COPY into a table with the ledger\'s columns and indexes, without its foreign keys',
        limit: importLimit(m),
      },
      {
        path: `CSV import, ${m.rows.toLocaleString('en-GB')} rows (COPY with the ledger's foreign keys)`,
        measured: perSecond(m.importRate),
        baseline: `raw COPY ${perSecond(m.copyWithKeysRate)}`,
        ratio: ratioWithKeys,
        goal: '>= 0.25 of COPY',
        met: ratioWithKeys >= 0.25,
        note: 'the same COPY into a table with the ledger\'s foreign keys too: the checks every imported row goes through',
      },
      {
        path: `job page while ${m.rows.toLocaleString('en-GB')} rows import`,
        measured: `p50 ${m.pageP50.toFixed(0)} ms, p99 ${m.pageP99.toFixed(0)} ms, max ${m.pageMax.toFixed(0)} ms (${m.pageReads} reads)`,
        baseline: null,
        ratio: null,
        goal: '< 200 ms',
        met: m.pageP99 < 200,
        note: "the job page loader's query (loadImportJob) read in a loop in the same process",
      },
    ]
    return figures
  },
}
