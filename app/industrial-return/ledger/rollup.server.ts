/**
 * The industrial-return rollup: contract values per (scope, award year, category, return country). Every
 * function here joins the caller's transaction, so a contract and its share of the rollup are
 * committed together and the rollup always equals a GROUP BY over the ledger.
 *
 * Scopes: "ORG" (every contract), "DEPARTMENT:<id>" and "GROUP:<id>" (for /industrial-return/mine). Groups nest
 * in departments and the page filters by them, so this stays a few thousand rows (see
 * shared/docs/architecture.md: a rollup keyed by department and group is small only in that case).
 */
import type { DatabaseOrTransaction, Transaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { minorFromColumn } from '~/money/minor-units'
import type { Category } from '../arithmetic/bands.ts'
import { UUID_TEXT } from '~/http/uuid'
import { visibleContractSql } from './visible-contracts.server.ts'

const SCOPE_KEY = new RegExp(`^(DEPARTMENT|GROUP):(${UUID_TEXT})$`, 'i')

export const ORG_SCOPE = 'ORG'
export const departmentScope = (departmentId: string) => `DEPARTMENT:${departmentId}`
export const groupScope = (groupId: string) => `GROUP:${groupId}`

export type UnitScope = { kind: 'DEPARTMENT' | 'GROUP'; id: string }

export function parseUnitScope(text: string | null | undefined): UnitScope | null {
  const match = SCOPE_KEY.exec(text ?? '')
  return match ? { kind: match[1] as UnitScope['kind'], id: match[2]!.toLowerCase() } : null
}

export const scopeKey = (scope: UnitScope) => `${scope.kind}:${scope.id}`

// The scopes one contract counts in; the group's is null (and dropped) for a contract with no group.
export const SCOPES_OF_CONTRACT = Prisma.sql`CROSS JOIN LATERAL (VALUES ('ORG'), ('DEPARTMENT:' || c."departmentId"::text), ('GROUP:' || c."groupId"::text)) AS s("scope")`

/** Adds the contracts that `filter` selects (a condition on alias c) to the rollup. */
async function addToRollup(tx: Transaction, filter: Prisma.Sql): Promise<void> {
  // Ordered, so two transactions touching the same rollup rows lock them in the same order.
  await tx.$executeRaw`
    INSERT INTO "ReturnRollup" ("scope", "year", "category", "countryCode", "valueChfMinor", "contractCount")
    SELECT s."scope", EXTRACT(YEAR FROM c."awardedOn")::int, c."category", c."returnCountryCode", SUM(c."amountChfMinor"), COUNT(*)::int
    FROM "Contract" c ${SCOPES_OF_CONTRACT}
    WHERE ${filter} AND s."scope" IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("scope", "year", "category", "countryCode") DO UPDATE SET
      "valueChfMinor" = "ReturnRollup"."valueChfMinor" + EXCLUDED."valueChfMinor",
      "contractCount" = "ReturnRollup"."contractCount" + EXCLUDED."contractCount"`
}

export const addContractsToRollup = (tx: Transaction, contractIds: readonly string[]) =>
  addToRollup(tx, Prisma.sql`c."id" = ANY(${[...contractIds]}::uuid[])`)

/**
 * Adds an import's share, summed in "StagedRollup" while its rows were moved (finish-import.server.ts), to
 * the rollup, and deletes it: in the transaction that marks the import SUCCEEDED. Returns the contracts added.
 */
export async function addStagedRollupOf(tx: Transaction, importJobId: string): Promise<number> {
  const [added] = await tx.$queryRaw<{ contracts: number }[]>`
    WITH share AS (DELETE FROM "StagedRollup" WHERE "importJobId" = ${importJobId}::uuid RETURNING *),
    added AS (
      INSERT INTO "ReturnRollup" ("scope", "year", "category", "countryCode", "valueChfMinor", "contractCount")
      SELECT "scope", "year", "category", "countryCode", "valueChfMinor", "contractCount" FROM share
      ORDER BY 1, 2, 3, 4
      ON CONFLICT ("scope", "year", "category", "countryCode") DO UPDATE SET
        "valueChfMinor" = "ReturnRollup"."valueChfMinor" + EXCLUDED."valueChfMinor",
        "contractCount" = "ReturnRollup"."contractCount" + EXCLUDED."contractCount"
      RETURNING 1)
    SELECT COALESCE((SELECT SUM("contractCount") FROM share WHERE "scope" = 'ORG'), 0)::int AS "contracts", (SELECT COUNT(*) FROM added)::int AS "rows"`
  return added?.contracts ?? 0
}

/** Recomputes the whole rollup from the ledger (seeding, benchmarks, repairs). */
export async function rebuildRollup(tx: Transaction): Promise<void> {
  await tx.$executeRaw`DELETE FROM "ReturnRollup"`
  await addToRollup(tx, visibleContractSql('c'))
}

export interface RollupRow {
  year: number
  category: Category
  countryCode: string
  valueChfMinor: number
  contractCount: number
}

export async function readRollup(db: DatabaseOrTransaction, scope: string): Promise<RollupRow[]> {
  const rows = await db.returnRollup.findMany({
    where: { scope },
    select: { year: true, category: true, countryCode: true, valueChfMinor: true, contractCount: true },
  })
  return rows.map((row) => ({ ...row, valueChfMinor: minorFromColumn(row.valueChfMinor) }))
}

/** The same figures computed from the raw ledger: what tests compare the rollup with. */
export async function rollupFromLedger(db: DatabaseOrTransaction): Promise<{ scope: string; year: number; category: string; countryCode: string; valueChfMinor: bigint; contractCount: number }[]> {
  return db.$queryRaw`
    SELECT s."scope", EXTRACT(YEAR FROM c."awardedOn")::int AS "year", c."category"::text AS "category", c."returnCountryCode" AS "countryCode",
           SUM(c."amountChfMinor")::bigint AS "valueChfMinor", COUNT(*)::int AS "contractCount"
    FROM "Contract" c ${SCOPES_OF_CONTRACT}
    WHERE s."scope" IS NOT NULL AND ${visibleContractSql('c')}
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4`
}
