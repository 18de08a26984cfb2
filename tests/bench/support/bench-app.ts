// The app under measurement: the real server entry as its own process (tests/support/app.ts), on a
// database the bench prepared, and a procurement officer's session cookie for pages behind sign-in.
import { createSession, commitSessionCookie } from '~/auth/session.server'
import { createDatabaseClient } from '~/db/client.server'
import { startApp, type RunningApp } from '../../support/app'
import { BENCH_SESSION_SECRET } from './sign-off-links'

export type AppOptions = {
  /** Background jobs poll as in production, or (capture runs) rarely, so that their statements stay out. */
  quiet?: boolean
  webConcurrency?: number
}

export async function startBenchApp(databaseUrl: string, { quiet = false, webConcurrency }: AppOptions = {}): Promise<RunningApp> {
  return startApp({
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: BENCH_SESSION_SECRET,
    SEED_DEMO_DATA: 'false',
    ...(quiet ? { OUTBOX_POLL_INTERVAL_MS: '60000', REMINDER_INTERVAL_MS: '3600000' } : {}),
    ...(webConcurrency ? { WEB_CONCURRENCY: String(webConcurrency) } : {}),
  })
}

/** A Cookie header signing in the first active person matching `who` (a session row, as signing in by link makes). */
export async function sessionCookie(databaseUrl: string, who: { id?: string; isProcurementOfficer?: boolean }): Promise<string> {
  const db = createDatabaseClient(databaseUrl, { maxConnections: 1 })
  try {
    const person = await db.person.findFirstOrThrow({ where: { ...who, isActive: true } })
    const session = await createSession(db, { personId: person.id, now: new Date(), origin: { ipAddress: '127.0.0.1', userAgent: 'bench' }, ttlDays: 1 })
    const setCookie = await commitSessionCookie(session.id, session.expiresAt)
    return setCookie.split(';')[0]!
  } finally {
    await db.$disconnect()
  }
}
