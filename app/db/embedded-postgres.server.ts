import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { log } from '../server/logger.server'

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> }

const processScript = fileURLToPath(new URL('./embedded-postgres-process.mjs', import.meta.url))

/** Where the embedded PostgreSQL's password is kept, for a person who wants to connect with psql. */
export function embeddedPostgresPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'embedded-postgres-password')
}

/**
 * The password the embedded PostgreSQL requires on its loopback port: made once per data directory
 * and kept there (readable by its owner only), or made afresh for an in-memory database.
 * Hex, so that it goes into a connection URL unescaped.
 */
function embeddedPostgresPassword(dataDir: string | null): string {
  if (!dataDir) return randomBytes(32).toString('hex')
  const file = embeddedPostgresPasswordFile(dataDir)
  try {
    // 'wx': of two processes starting at once on one directory, exactly one writes the password.
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const password = readFileSync(file, 'utf8').trim()
  if (!/^[0-9a-f]{32,}$/.test(password)) {
    throw new Error(`${file} does not hold a password this app made: delete it to have a new one made`)
  }
  return password
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) in a child process, served on a loopback port.
 * A child process, because PGlite runs one statement at a time on the thread that owns it: in the
 * app's own process a slow query would stall every request (see docs/decisions/002-embedded-postgresql.md).
 * Connections must give the password (SCRAM-SHA-256), which the returned URL carries
 * (docs/decisions/009-embedded-postgresql-password-and-copy.md). `dataDir` null keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres({ dataDir }: { dataDir: string | null }): Promise<EmbeddedPostgres> {
  // Only its owner may read the data directory: it holds the database, the password and the session secret.
  if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const password = embeddedPostgresPassword(dataDir)
  const child: ChildProcess = fork(processScript, [], {
    env: {
      ...process.env,
      PGLITE_DATA_DIR: dataDir ? path.resolve(dataDir) : 'memory://',
      EMBEDDED_POSTGRES_PASSWORD: password,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited during start-up (code ${code})`)))
    child.once('message', (message) => {
      const { port } = message as { port: number }
      resolve(port)
    })
  })
  child.removeAllListeners('exit')
  let stopping = false
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // Every query fails from now on: say why in the log rather than leave only ECONNREFUSED behind.
      if (!stopping) log.error('embedded PostgreSQL exited unexpectedly', { code, signal })
      resolve()
    }),
  )
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      stopping = true
      if (child.exitCode === null && child.connected) child.send({ type: 'stop' })
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
