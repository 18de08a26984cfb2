// The app under measurement: the real server entry as its own process (tests/support/app.ts), on a
// database the bench prepared, and a procurement officer's session cookie for pages behind sign-in.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createSession, commitSessionCookie } from '~/auth/session.server'
import { createDatabaseClient } from '~/db/client.server'
import { embeddedPostgresPasswordFile, startEmbeddedPostgres } from '~/db/embedded-postgres.server'
import { startApp, type RunningApp } from '../../support/app'
import { BENCH_SESSION_SECRET } from './sign-off-links'

export type AppOptions = {
  /** Background jobs poll as in production, or (capture runs) rarely, so that their statements stay out. */
  quiet?: boolean
  webConcurrency?: number
  /** More environment for the app, e.g. the profiler's (cpu-profile.ts). */
  env?: Record<string, string>
}

export async function startBenchApp(databaseUrl: string, { quiet = false, webConcurrency, env = {} }: AppOptions = {}): Promise<RunningApp> {
  return startApp({
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: BENCH_SESSION_SECRET,
    SEED_DEMO_DATA: 'false',
    // startApp polls the outbox every 200 ms for tests; measured runs poll as production does (its default).
    ...(quiet ? { OUTBOX_POLL_INTERVAL_MS: '60000', REMINDER_INTERVAL_MS: '3600000' } : { OUTBOX_POLL_INTERVAL_MS: undefined }),
    // Unset means npm start's own default (one worker per core on a server); startApp's default is one.
    WEB_CONCURRENCY: webConcurrency ? String(webConcurrency) : undefined,
    ...env,
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

export type EmbeddedDefaultApp = { app: RunningApp; databaseUrl: string; stop: () => Promise<void> }

/**
 * The app as `npm start` runs it out of the box: no DATABASE_URL, so it opens its own embedded
 * PostgreSQL on disk in DATA_DIR, migrates and seeds it. The bench reaches that database as a
 * person with psql would: the port the app logs at start-up and the password kept in DATA_DIR.
 */
export async function startEmbeddedDefaultApp(env: Record<string, string> = {}): Promise<EmbeddedDefaultApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solesource-bench-data-'))
  const app = await startApp({ DATA_DIR: dataDir, SESSION_SECRET: BENCH_SESSION_SECRET, OUTBOX_POLL_INTERVAL_MS: undefined, ...env })
  const started = app.logs
    .join('')
    .split('\n')
    .find((line) => line.includes('"embedded PostgreSQL started"'))
  if (!started) throw new Error(`the app did not log its embedded database's port:\n${app.logs.join('')}`)
  const { port } = JSON.parse(started) as { port: number }
  const password = readFileSync(embeddedPostgresPasswordFile(dataDir), 'utf8').trim()
  return {
    app,
    databaseUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await app.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A PGlite on disk, as the app's own is, started by the bench: where the raw baseline of the embedded default runs. */
export async function startEmbeddedOnDisk(): Promise<{ url: string; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solesource-bench-raw-'))
  const embedded = await startEmbeddedPostgres({ dataDir })
  return {
    url: embedded.url,
    async drop() {
      await embedded.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
