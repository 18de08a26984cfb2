/**
 * Which rows of the ledger ("Contract") readers see: every contract except those of an import that has
 * not succeeded. An import moves its rows into the ledger in short transactions (finish-import.server.ts,
 * ADR 040); they carry its `importJobId` and count only once the last of those transactions has marked
 * the job SUCCEEDED (and added them to the rollup), so no reader sees part of an import. Every query of
 * the ledger's rows goes through one of these two forms; the industrial-return pages read the rollup only.
 */
import { Prisma } from '~/generated/prisma/client'

/** For Prisma queries of `contract`. */
export const VISIBLE_CONTRACT = { OR: [{ importJobId: null }, { importJob: { status: 'SUCCEEDED' } }] } satisfies Prisma.ContractWhereInput

/** For raw SQL: the condition on the ledger's rows under `alias`. */
export const visibleContractSql = (alias: string) => {
  const c = Prisma.raw(`"${alias}"`)
  return Prisma.sql`(${c}."importJobId" IS NULL OR EXISTS (SELECT 1 FROM "ContractImportJob" j WHERE j."id" = ${c}."importJobId" AND j."status" = 'SUCCEEDED'))`
}
