import type { DatabaseOrTransaction } from '~/db/client.server'
import type { CalendarWindow } from '../arithmetic/window.ts'

/**
 * When each country last entered "very poorly balanced" over a window, as the alerts recorded it
 * (acknowledged or not), by country code: the standing status shows it beside "since status year".
 * Plain JSON, for a loader.
 */
export async function latestEntries(db: DatabaseOrTransaction, window: CalendarWindow, countryCodes: readonly string[]): Promise<Record<string, { raisedAt: string; cause: string }>> {
  if (countryCodes.length === 0) return {}
  const alerts = await db.returnAlert.findMany({
    where: { kind: 'ENTERED_VERY_POORLY', windowFromYear: window.fromYear, windowToYear: window.toYear, countryCode: { in: [...countryCodes] } },
    orderBy: [{ raisedAt: 'desc' }],
    select: { countryCode: true, raisedAt: true, cause: true },
  })
  const entries: Record<string, { raisedAt: string; cause: string }> = {}
  for (const alert of alerts) entries[alert.countryCode] ??= { raisedAt: alert.raisedAt.toISOString(), cause: alert.cause }
  return entries
}
