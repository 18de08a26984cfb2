import type { Database } from '~/db/client.server'
import { ALERT_REFRESH_LOCK_KEY, plan, writeState } from './band-state.server.ts'

/** Stores the current bands without raising alerts: the starting point of a new installation's demo data. */
export async function establishBandBaseline(db: Database, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALERT_REFRESH_LOCK_KEY}::bigint)`
    await writeState(tx, await plan(tx, now), now)
  })
}
