// `npm run bench:stats`: 1 000 000 contracts over ten years, then the dashboard's data function
// (which reads the rollup) against a plain SQL GROUP BY over the raw contracts, measured in the same run.
// Uses a PostgreSQL server when TEST_POSTGRES_URL or DATABASE_URL is set (in a database of its own,
// dropped at the end), else the embedded PostgreSQL (PGlite) in memory, as the app runs by default.
import os from 'node:os'
import { createDatabaseClient } from '~/db/client.server'
import { loadDashboard } from '~/industrial-return/views/dashboard.server'
import { rebuildRollup } from '~/industrial-return/ledger/rollup.server'
import { seedDemoData } from '../../prisma/seed'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'
import { migrate } from '~/db/migrate.server'
import { createEmptyTestDatabase, testDatabaseKind } from '../support/database'

const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 1_000_000)
const CHUNK = 100_000
const RUNS = 15
const NOW = new Date('2026-11-26T10:00:00Z') // status year 2026: default window 2022-2025

if (!process.env.TEST_POSTGRES_URL && process.env.DATABASE_URL) process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL

const ms = (from: number) => performance.now() - from
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!
const fmt = (value: number) => `${value.toFixed(1).padStart(8)} ms`

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await work()
  console.log(`  ${label.padEnd(52)} ${fmt(ms(started))}`)
  return result
}

async function measure(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work() // warm-up: JIT, plan caches, buffers
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await work()
    times.push(ms(started))
  }
  return times
}

async function main() {
  const kind = testDatabaseKind() === 'pglite' ? 'embedded PostgreSQL (PGlite, in memory)' : 'PostgreSQL server'
  console.log(`bench:stats — ${CONTRACTS.toLocaleString('en-GB')} contracts over 2016–2025 on ${kind}; ${os.cpus().length} CPUs`)
  const database = await createEmptyTestDatabase()
  const db = createDatabaseClient(database.url, { maxConnections: 4 })
  try {
    await timed('migrate, organisation, scales', async () => {
      await migrate(database.url)
      await seedDemoData(db)
      await seedReturnDemoData(db, { now: NOW, contracts: false })
    })
    const countries = (await db.country.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).map((c) => c.code)
    await timed(`insert ${CONTRACTS.toLocaleString('en-GB')} contracts (generate_series)`, async () => {
      for (let from = 1; from <= CONTRACTS; from += CHUNK) {
        const to = Math.min(from + CHUNK - 1, CONTRACTS)
        // Skewed on purpose: the country index is squared so a few countries win most, as in reality.
        await db.$executeRaw`
          WITH g AS (SELECT (row_number() OVER (ORDER BY "code") - 1)::int AS k, "id", "departmentId" FROM "Group"),
               n AS (SELECT count(*)::int AS groups FROM "Group")
          INSERT INTO "Contract" ("id", "orderNumber", "awardedOn", "supplierName", "originCountryCode", "establishmentCountryCode", "returnCountryCode",
                                  "category", "amountMinor", "currency", "amountChfMinor", "exchangeRate", "exchangeRateDate", "departmentId", "groupId", "source")
          SELECT gen_random_uuid(), 'BENCH-' || i, DATE '2016-01-01' + (i % 3652), 'Bench supplier ' || (i % 997),
                 c.code, c.code, c.code, (CASE WHEN i % 3 = 0 THEN 'SERVICES' ELSE 'SUPPLIES' END)::"Category",
                 a.amount, 'CHF', a.amount, '1', DATE '2016-01-01' + (i % 3652), g."departmentId", g."id", 'DEMO'
          FROM generate_series(${from}::int, ${to}::int) AS i
          CROSS JOIN n
          CROSS JOIN LATERAL (SELECT ((i::bigint * 7919) % 50000000 + 50000)::bigint AS amount) a
          CROSS JOIN LATERAL (SELECT (${countries}::text[])[1 + ((i::bigint * i) % ${countries.length})::int] AS code) c
          JOIN g ON g.k = i % n.groups`
      }
    })
    await timed('build the rollup from the ledger (one GROUP BY)', () => db.$transaction((tx) => rebuildRollup(tx), { timeout: 600_000 }))
    await timed('ANALYZE', () => db.$executeRawUnsafe('ANALYZE'))
    const rollupRows = await db.returnRollup.count()
    console.log(`  rollup rows: ${rollupRows.toLocaleString('en-GB')} (scopes: organisation, departments, groups)`)

    const params = new URLSearchParams()
    const dashboard = await measure(() => loadDashboard(db, NOW, params))
    const view = (await loadDashboard(db, NOW, params)).view
    const windowGroupBy = await measure(
      () => db.$queryRaw`
        SELECT "returnCountryCode", "category", SUM("amountChfMinor") AS value, COUNT(*) AS contracts
        FROM "Contract" WHERE "awardedOn" >= DATE '2022-01-01' AND "awardedOn" < DATE '2026-01-01'
        GROUP BY 1, 2`,
    )
    const allYearsGroupBy = await measure(
      () => db.$queryRaw`
        SELECT EXTRACT(YEAR FROM "awardedOn")::int AS year, "returnCountryCode", "category", SUM("amountChfMinor") AS value, COUNT(*) AS contracts
        FROM "Contract" GROUP BY 1, 2, 3`,
    )
    const ledger = await db.contract.count()

    console.log('')
    console.log(`Results (${RUNS} runs after 3 warm-ups; ${ledger.toLocaleString('en-GB')} contracts; window ${view.windowLabel}; ${view.rows.length} countries; ${view.trend.length} status years in the trend):`)
    console.log(`  dashboard data function loadDashboard()      median ${fmt(median(dashboard))}   p90 ${fmt(p90(dashboard))}`)
    console.log(`  plain SQL GROUP BY, window 2022–2025         median ${fmt(median(windowGroupBy))}   p90 ${fmt(p90(windowGroupBy))}`)
    console.log(`  plain SQL GROUP BY, all ten years (trend)    median ${fmt(median(allYearsGroupBy))}   p90 ${fmt(p90(allYearsGroupBy))}`)
    console.log(`  ratio: the one-window GROUP BY takes ${(median(windowGroupBy) / median(dashboard)).toFixed(1)}× the whole dashboard; the ten-year one ${(median(allYearsGroupBy) / median(dashboard)).toFixed(1)}×`)
    console.log(`  target: dashboard under 300 ms — ${median(dashboard) < 300 ? 'met' : 'NOT met'}`)
  } finally {
    await db.$disconnect()
    await database.drop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
