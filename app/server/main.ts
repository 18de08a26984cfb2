// The SoleSource server process: validates the environment, starts the database (embedded PGlite
// unless DATABASE_URL names a server), migrates it, seeds the demo organisation, then serves the
// Remix app and runs the background jobs (outbox, reminders, return jobs): in this process, or in
// WEB_CONCURRENCY workers of Node's cluster that it forks and watches (ADR 030).
// `npm start` builds the app and runs this file.
import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { disconnectDatabase, getDatabase } from '~/db/client.server'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '~/db/embedded-postgres.server'
import { migrate } from '~/db/migrate.server'
import { startOutboxWorker } from '~/email/delivery.server'
import { startWebhookWorker } from '~/webhooks/webhook-delivery.server'
import { startReminderScheduler } from '~/justifications/reminders.server'
import { createMailboxTransport, createSmtpTransport } from '~/email/transport.server'
import { getEnv, InvalidEnvironmentError, resetEnvForTests, workerCount, type Env } from '~/env.server'
import { seedDemoData } from '../../prisma/seed'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'
import { startReturnJobs } from '~/industrial-return/alerts/jobs.server'
import { superviseWorkers } from './cluster.server'
import { createHttpApp } from './http-app.server'
import { errorFields, log } from './logger.server'

function readEnvOrExit(): Env {
  try {
    return getEnv()
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\nSee the Configuration section of README.md.\n`)
      process.exit(1)
    }
    throw error
  }
}

/** Where DATABASE_URL points, as a person would check it: user@host:port/database, never the password. */
function describeDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  const user = decodeURIComponent(url.username) || '(no user)'
  const database = decodeURIComponent(url.pathname.slice(1)) || user
  return `${user}@${url.hostname}:${url.port || '5432'}/${database}`
}

/** Why a connection to DATABASE_URL failed and what to do about it, or null if it is not a connection problem. */
function databaseConnectionProblem(error: unknown): { reason: string; remedy: string } | null {
  if (!(error instanceof Error)) return null
  const withCode = error as Error & { code?: string; errors?: { code?: string }[] }
  // Node reports a refused connection to every address of a name (::1 and 127.0.0.1) as an AggregateError.
  const code = withCode.code ?? withCode.errors?.find((inner) => inner.code)?.code
  const server = 'start the PostgreSQL server or correct the host and port in DATABASE_URL'
  switch (code) {
    case 'ECONNREFUSED':
      return { reason: `nothing accepts connections there (${code})`, remedy: server }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { reason: `the host name does not resolve (${code})`, remedy: 'correct the host in DATABASE_URL' }
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { reason: `the host does not answer (${code})`, remedy: `${server}, and check the network between them` }
    case 'ECONNRESET':
      return { reason: `the server closed the connection (${code})`, remedy: 'check that DATABASE_URL names a PostgreSQL server and its sslmode' }
    case '28P01':
    case '28000':
      return { reason: `the server refused the user or password (${code}): ${error.message}`, remedy: 'correct the user and password in DATABASE_URL' }
    case '3D000':
      return { reason: `the database does not exist (${code})`, remedy: 'create it, or correct its name in DATABASE_URL' }
    case '57P03':
      return { reason: `the server is not accepting connections yet (${code})`, remedy: 'start the app again once the server is up' }
  }
  if (error.message.startsWith('SASL:')) {
    return { reason: 'the server asks for a password that DATABASE_URL does not give', remedy: 'add the password to DATABASE_URL' }
  }
  return null
}

/**
 * A database that cannot be reached or refuses the app at start-up is a configuration problem, not a
 * crash: say, as readEnvOrExit does, which DATABASE_URL was tried and what to do, and stop with 1.
 * Any other error (and any error of the embedded database) goes on to the generic start-up failure.
 */
function exitIfDatabaseUnusable(error: unknown, configuredUrl: string | undefined): never {
  const problem = configuredUrl ? databaseConnectionProblem(error) : null
  if (!configuredUrl || !problem) throw error
  process.stderr.write(
    `Cannot use the database named by DATABASE_URL:\n` +
      `  DATABASE_URL tried ${describeDatabaseUrl(configuredUrl)}: ${problem.reason}\n` +
      `  To fix: ${problem.remedy}; or leave DATABASE_URL unset to use the embedded database.\n` +
      `See the Configuration section of README.md.\n`,
  )
  process.exit(1)
}

/** Embedded mode needs no configuration: a secret is made once and kept with the data. */
function sessionSecretFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(48).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

async function main() {
  const given = readEnvOrExit()
  // A worker finds the database ready and its address in process.env, as the primary left them.
  if (cluster.isWorker) return serve(null)
  const embedded = await prepareDatabase(given)
  const workers = workerCount(given)
  if (workers === 1) return serve(embedded)
  // The primary only watches the workers: it keeps no connection of its own.
  await disconnectDatabase()
  superviseWorkers(workers)
}

/** Starts the embedded database if DATABASE_URL is unset, migrates and seeds: once, before any worker. */
async function prepareDatabase(given: Env): Promise<EmbeddedPostgres | null> {
  let embedded: EmbeddedPostgres | null = null
  if (!given.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: given.DATA_DIR })
    // The port, so that a developer can connect with psql (the password is in DATA_DIR, never logged).
    log.info('embedded PostgreSQL started', { dataDir: path.resolve(given.DATA_DIR), port: Number(new URL(embedded.url).port) })
  }
  // The Remix build (and every worker, which inherits process.env) reads the same settings: hand it what was decided here.
  process.env.DATABASE_URL = given.DATABASE_URL ?? embedded!.url
  process.env.SESSION_SECRET = given.SESSION_SECRET ?? sessionSecretFromDataDir(given.DATA_DIR)
  resetEnvForTests()
  const env = getEnv()

  const migrations = await migrate(process.env.DATABASE_URL).catch((error: unknown) => exitIfDatabaseUnusable(error, given.DATABASE_URL))
  log.info('database migrated', migrations)

  const db = getDatabase()
  if (env.SEED_DEMO_DATA ?? embedded !== null) {
    const report = await seedDemoData(db)
    const industrialReturn = env.SEED_DEMO_CONTRACTS ? await seedReturnDemoData(db) : null
    log.info('demo data seeded', { ...report, ...industrialReturn })
  }
  return embedded
}

/**
 * Serves HTTP and runs the background jobs until SIGTERM or SIGINT. Every worker runs the jobs: they
 * claim their work with SKIP LOCKED and leases, so two never take the same (ADR 030).
 */
async function serve(embedded: EmbeddedPostgres | null) {
  const env = getEnv()
  const db = getDatabase()
  const transport = env.SMTP_URL ? createSmtpTransport(env.SMTP_URL, env.MAIL_FROM) : createMailboxTransport(db)
  const worker = startOutboxWorker({
    db,
    transport,
    intervalMs: env.OUTBOX_POLL_INTERVAL_MS,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    retryBaseMs: env.OUTBOX_RETRY_BASE_MS,
  })
  // Beside the outbox, never inside it: the outbox never waits on an endpoint (ADR 050).
  const webhooks = startWebhookWorker({
    db,
    intervalMs: env.WEBHOOK_POLL_INTERVAL_MS,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    leaseMs: env.OUTBOX_LEASE_MS,
  })
  const reminders = startReminderScheduler({ db, intervalMs: env.REMINDER_INTERVAL_MS })
  const returnJobs = startReturnJobs({ db, intervalMs: 5_000 })

  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  const app = createHttpApp({ build, mode: env.NODE_ENV })
  const server = app.listen(env.PORT, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : env.PORT
    log.info('listening', { url: `http://localhost:${port}`, appUrl: env.APP_URL, mail: transport.kind, database: embedded ? 'embedded' : 'server' })
  })

  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    log.info('shutting down', { signal })
    server.close()
    server.closeAllConnections()
    await Promise.all([worker.stop(), webhooks.stop(), reminders.stop(), returnJobs.stop()])
    transport.close()
    await disconnectDatabase()
    await embedded?.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error) => {
  log.error('server failed to start', { ...errorFields(error), stack: error instanceof Error ? error.stack : undefined })
  process.exit(1)
})
