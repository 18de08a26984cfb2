// Shared set-up of the industrial return's database tests: the demo organisation, scales and justifications.
import { afterAll, beforeAll } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../tests/support/database'
import { seedDemoData } from '../../prisma/seed'
import type { Database } from '~/db/client.server'
import { minorToColumn } from '~/money/minor-units'
import { REAL_SCALE_2009 } from '../../prisma/seed-industrial-return'
import { readRollup, rollupFromLedger } from './ledger/rollup.server.ts'

export const APP_URL = 'http://solesource.test'

export async function seedOrganisation(db: Database) {
  await seedDemoData(db)
  const officer = await db.person.findFirstOrThrow({ where: { isProcurementOfficer: true } })
  return { officer }
}

/** The real 2009 percentages reused for other years (plain mean: no budget). */
export async function saveScaleForYears(db: Database, years: number[]) {
  for (const year of years) {
    const shares = REAL_SCALE_2009.shares.map(([countryCode, percent]) => ({ countryCode, percent }))
    await db.contributionScale.upsert({ where: { year }, create: { year, shares, source: 'test' }, update: { shares } })
  }
}

/**
 * A database of its own for one test file, made before its tests and dropped after them: the demo
 * organisation, then the scales of `scaleYears`, then whatever `andThen` adds.
 */
export function useReturnTestDatabase({ scaleYears = [], andThen }: { scaleYears?: number[]; andThen?: (db: Database) => Promise<void> } = {}) {
  let database: TestDatabase | undefined
  let officerId: string | undefined
  beforeAll(async () => {
    database = await createTestDatabase()
    officerId = (await seedOrganisation(database.db)).officer.id
    if (scaleYears.length > 0) await saveScaleForYears(database.db, scaleYears)
    await andThen?.(database.db)
  })
  afterAll(async () => database?.drop())
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The test database is made in beforeAll: use it inside a test.')
    return value
  }
  return {
    get db() {
      return ready(database).db
    },
    /** The procurement officer of the demo organisation. */
    get officerId() {
      return ready(officerId)
    },
  }
}

let justificationNumber = 0

export async function createApprovedJustification(
  db: Database,
  { groupCode = 'EN-MME', supplierCountryCode, originCountryCode = null, category = 'SUPPLIES', amountMinor, currency = 'CHF' }: {
    groupCode?: string
    supplierCountryCode: string
    originCountryCode?: string | null
    category?: 'SUPPLIES' | 'SERVICES'
    amountMinor: number
    currency?: string
  },
) {
  const group = await db.group.findUniqueOrThrow({ where: { code: groupCode } })
  const requester = await db.person.findFirstOrThrow({ where: { groupId: group.id } })
  justificationNumber++
  return db.justification.create({
    data: {
      reference: `SSJ-TEST-${String(justificationNumber).padStart(5, '0')}-${Math.random().toString(36).slice(2, 8)}`,
      requesterId: requester.id,
      groupId: group.id,
      title: 'Test purchase',
      description: 'For a test',
      supplierName: 'Test Supplier',
      supplierKey: 'test supplier',
      supplierCountryCode,
      originCountryCode,
      category,
      amountMinor: minorToColumn(amountMinor),
      currency,
      reason: 'EXCLUSIVE_RIGHTS',
      reasonText: 'Only one',
      amountChfMinor: currency === 'CHF' ? minorToColumn(amountMinor) : null,
      exchangeRate: currency === 'CHF' ? '1' : null,
      status: 'APPROVED',
      decidedAt: new Date(),
      machineVersion: 1,
      snapshot: {},
    },
  })
}

/** The rollup and a GROUP BY over the ledger, in one comparable form. */
export async function rollupAndLedger(db: Database) {
  const ledger = (await rollupFromLedger(db)).map((r) => `${r.scope}|${r.year}|${r.category}|${r.countryCode}|${r.valueChfMinor}|${r.contractCount}`)
  const scopes = [...new Set((await db.returnRollup.findMany({ select: { scope: true }, distinct: ['scope'] })).map((r) => r.scope))]
  const rollup: string[] = []
  for (const scope of scopes) {
    for (const r of await readRollup(db, scope)) rollup.push(`${scope}|${r.year}|${r.category}|${r.countryCode}|${r.valueChfMinor}|${r.contractCount}`)
  }
  return { ledger: ledger.sort(), rollup: rollup.filter((row) => !row.endsWith('|0|0')).sort() }
}
