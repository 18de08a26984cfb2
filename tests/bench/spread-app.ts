// A running app on the bench's database, a database client on that same database, and a signed-in
// procurement officer's cookie: what the /spread bench needs to measure pages over HTTP.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createCookie } from '@remix-run/node'
import { SESSION_COOKIE_NAME } from '~/auth/session.server'
import { generateToken } from '~/auth/tokens.server'
import { createDatabaseClient, type Database } from '~/db/client.server'
import { embeddedPostgresPasswordFile } from '~/db/embedded-postgres.server'
import { startApp, type RunningApp } from '../support/app'
import type { BenchContext } from './bench-figure'

const SESSION_SECRET = 'spread-bench-secret-spread-bench-secret-0123'

export type BenchApp = { app: RunningApp; db: Database; databaseUrl: string; stop: () => Promise<void> }

const APP_ENV = { SESSION_SECRET, SEED_DEMO_DATA: 'true', SEED_DEMO_CONTRACTS: 'false' }

/**
 * On PostgreSQL the app runs on the context's fresh database. PGlite can only be opened by the process
 * that owns it, so there the app runs on its own embedded database (a DATA_DIR of the bench's) and the
 * bench seeds and queries it through the loopback port the app's embedded server listens on.
 */
export async function startBenchApp(context: BenchContext, env: Record<string, string> = {}): Promise<BenchApp> {
  if (context.database === 'postgresql-server') {
    const database = await context.createEmptyDatabase()
    const app = await startApp({ ...APP_ENV, ...env, DATABASE_URL: database.url })
    const db = createDatabaseClient(database.url, { maxConnections: 2 })
    return {
      app,
      db,
      databaseUrl: database.url,
      async stop() {
        await db.$disconnect()
        await app.stop()
        await database.drop()
      },
    }
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solesource-spread-bench-'))
  const app = await startApp({ ...APP_ENV, ...env, DATA_DIR: dataDir })
  const started = app.logs
    .join('')
    .split('\n')
    .map((line) => (line.includes('embedded PostgreSQL started') ? (JSON.parse(line) as { port: number }) : null))
    .find((line) => line !== null)
  if (!started) throw new Error(`the app did not say which port its embedded PostgreSQL listens on:\n${app.logs.join('')}`)
  const password = readFileSync(embeddedPostgresPasswordFile(dataDir), 'utf8').trim()
  const databaseUrl = `postgresql://postgres:${password}@127.0.0.1:${started.port}/postgres?sslmode=disable`
  const db = createDatabaseClient(databaseUrl, { maxConnections: 1 })
  return {
    app,
    db,
    databaseUrl,
    async stop() {
      await db.$disconnect()
      await app.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A session of the demo procurement officer, as the Cookie header the app reads. */
export async function procurementOfficerCookie(db: Database): Promise<string> {
  const officer = await db.person.findFirstOrThrow({ where: { isProcurementOfficer: true, isActive: true }, orderBy: { email: 'asc' } })
  const session = await db.session.create({ data: { id: generateToken(), personId: officer.id, expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) } })
  const cookie = createCookie(SESSION_COOKIE_NAME, { secrets: [SESSION_SECRET] })
  return (await cookie.serialize(session.id)).split(';')[0]!
}

/** The server's own time for each request to `pathname` logged since `fromLine` (its request log, whole ms). */
export function serverTimes(app: RunningApp, fromLog: number, pathname: string): number[] {
  return app.logs
    .slice(fromLog)
    .join('')
    .split('\n')
    .flatMap((line) => {
      if (!line.includes('"msg":"request"')) return []
      try {
        return [JSON.parse(line) as { path: string; ms: number }]
      } catch {
        return [] // a line cut at the first chunk read
      }
    })
    .filter((line) => line.path === pathname)
    .map((line) => line.ms)
}
