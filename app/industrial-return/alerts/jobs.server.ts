/**
 * Background work of the industrial return, run in the app process on the shared periodic runner:
 * import batches left waiting (after a restart), due statistics emails, and a periodic refresh of
 * alerts (a new status year on 1 March moves the window without any data changing), after bringing
 * each country's membership of today in step with its dated history (a change dated today takes effect).
 */
import type { Database } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { message } from '~/i18n/message'
import { errorFields, log } from '~/server/logger.server'
import { startPeriodicJob, type PeriodicJob } from '~/server/periodic.server'
import { refreshReturnAlerts } from './refresh-return-alerts.server.ts'
import { runDueDigests } from './digests.server.ts'
import { runPendingImports } from '../ledger/run-imports.server.ts'
import { syncMembershipToday } from '../membership/membership-history.server.ts'

export const DIGEST_CHECK_EVERY_MS = 10 * 60 * 1000
export const ALERT_REFRESH_EVERY_MS = 60 * 60 * 1000

export type ReturnJobs = PeriodicJob<void>

/** A pass every `intervalMs`: imports each time, digests and alerts when their own interval has passed. */
export function startReturnJobs({
  db,
  intervalMs,
  clock = () => new Date(),
  appUrl = getEnv().APP_URL,
}: {
  db: Database
  intervalMs: number
  clock?: () => Date
  appUrl?: string
}): ReturnJobs {
  let lastDigestCheck = -Infinity
  let lastAlertRefresh = -Infinity

  // Each kind of work fails alone: a failed digest run does not keep the alerts from refreshing.
  const step = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work()
    } catch (error) {
      log.error(`industrial-return job failed: ${name}`, errorFields(error))
    }
  }

  return startPeriodicJob({
    name: 'industrial-return jobs',
    intervalMs,
    onFailure: undefined,
    run: async () => {
      await step('imports', () => runPendingImports(db, { now: clock, appUrl, budgetMs: Math.max(intervalMs, 5_000) }))
      const now = clock().getTime()
      if (now - lastDigestCheck >= DIGEST_CHECK_EVERY_MS) {
        lastDigestCheck = now
        await step('digests', async () => {
          const report = await runDueDigests(db, { now: clock(), appUrl })
          if (report.sent > 0) log.info('industrial-return digests queued', report)
        })
      }
      if (now - lastAlertRefresh >= ALERT_REFRESH_EVERY_MS) {
        lastAlertRefresh = now
        await step('membership', () => syncMembershipToday(db, clock()))
        await step('alerts', () => refreshReturnAlerts(db, { now: clock(), cause: message('industrial-return:causes.scheduled'), appUrl }))
      }
    },
  })
}
