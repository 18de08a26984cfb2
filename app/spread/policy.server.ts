import type { DatabaseOrTransaction } from '~/db/client.server'
import { dateColumn, isoDateIn } from './dates.ts'
import { DEFAULT_SPREAD_POLICY, parseStoredPolicy, type SpreadPolicy } from './policy.ts'

/** The policy version in force on the day of `now`, or the built-in default when none is stored. */
export async function loadSpreadPolicy(db: DatabaseOrTransaction, now: Date): Promise<SpreadPolicy> {
  const row = await db.spreadPolicy.findFirst({ where: { effectiveFrom: { lte: dateColumn(isoDateIn(now)) } }, orderBy: { effectiveFrom: 'desc' } })
  return row ? parseStoredPolicy(row) : DEFAULT_SPREAD_POLICY
}
