import type { DatabaseOrTransaction } from '~/db/client.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn } from '~/calendar/date-column'
import { DEFAULT_RETURN_POLICY, parseStoredPolicy, type ReturnPolicy } from './return-policy.ts'

/** The policy version in force on the day of `now`, or the built-in default when none is stored. */
export async function loadReturnPolicy(db: DatabaseOrTransaction, now: Date): Promise<ReturnPolicy> {
  const row = await db.returnPolicy.findFirst({ where: { effectiveFrom: { lte: dateColumn(calendarDateIn(now)) } }, orderBy: { effectiveFrom: 'desc' } })
  return row ? parseStoredPolicy(row) : DEFAULT_RETURN_POLICY
}
