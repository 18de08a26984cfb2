// The ledger the /spread bench measures: the demo organisation and scales, then N contracts over
// 2016–2025 made by generate_series inside the database (what `bench:stats` seeded), and the rollup.
import type { Database } from '~/db/client.server'
import { rebuildRollup } from '~/industrial-return/ledger/rollup.server'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'

const CHUNK = 100_000

/**
 * Adds `count` contracts (source IMPORT: a real ledger has no demo contracts, which is the case where
 * "is any contract demo data?" costs most) and rebuilds the rollup from them. The organisation must be
 * seeded already (the app does it at start).
 */
export async function seedSpreadLedger(db: Database, count: number, progress: (line: string) => void): Promise<void> {
  await seedReturnDemoData(db, { contracts: false })
  const countries = (await db.country.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).map((c) => c.code)
  const started = performance.now()
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(from + CHUNK - 1, count)
    // Skewed on purpose: the country index is squared so a few countries win most, as in reality.
    await db.$executeRaw`
      WITH g AS (SELECT (row_number() OVER (ORDER BY "code") - 1)::int AS k, "id", "departmentId" FROM "Group"),
           n AS (SELECT count(*)::int AS groups FROM "Group")
      INSERT INTO "Contract" ("id", "orderNumber", "awardedOn", "supplierName", "originCountryCode", "establishmentCountryCode", "returnCountryCode",
                              "category", "amountMinor", "currency", "amountChfMinor", "exchangeRate", "exchangeRateDate", "departmentId", "groupId", "source")
      SELECT gen_random_uuid(), 'BENCH-' || i, DATE '2016-01-01' + (i % 3652), 'Bench supplier ' || (i % 997),
             c.code, c.code, c.code, (CASE WHEN i % 3 = 0 THEN 'SERVICES' ELSE 'SUPPLIES' END)::"Category",
             a.amount, 'CHF', a.amount, '1', DATE '2016-01-01' + (i % 3652), g."departmentId", g."id", 'IMPORT'
      FROM generate_series(${from}::int, ${to}::int) AS i
      CROSS JOIN n
      CROSS JOIN LATERAL (SELECT ((i::bigint * 7919) % 50000000 + 50000)::bigint AS amount) a
      CROSS JOIN LATERAL (SELECT (${countries}::text[])[1 + ((i::bigint * i) % ${countries.length})::int] AS code) c
      JOIN g ON g.k = i % n.groups`
    progress(`  ${to.toLocaleString('de-CH')} of ${count.toLocaleString('de-CH')} contracts inserted (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  progress('  building the rollup from the ledger (one GROUP BY)')
  await db.$transaction((tx) => rebuildRollup(tx), { timeout: 1_800_000 })
  await db.$executeRawUnsafe('ANALYZE')
}

/** The baselines: the raw database summing the ledger itself, for the default window and for every year (the trend). */
export const windowGroupBy = (db: Database) => db.$queryRaw`
  SELECT "returnCountryCode", "category", SUM("amountChfMinor") AS value, COUNT(*) AS contracts
  FROM "Contract" WHERE "awardedOn" >= DATE '2022-01-01' AND "awardedOn" < DATE '2026-01-01'
  GROUP BY 1, 2`

export const allYearsGroupBy = (db: Database) => db.$queryRaw`
  SELECT EXTRACT(YEAR FROM "awardedOn")::int AS year, "returnCountryCode", "category", SUM("amountChfMinor") AS value, COUNT(*) AS contracts
  FROM "Contract" GROUP BY 1, 2, 3`
