import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> }

const processScript = fileURLToPath(new URL('./embedded-postgres-process.mjs', import.meta.url))

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) in a child process, served on a loopback port.
 * A child process, because PGlite runs one statement at a time on the thread that owns it: in the
 * app's own process a slow query would stall every request (see docs/decisions/002-embedded-postgresql.md).
 * `dataDir` null keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres({ dataDir }: { dataDir: string | null }): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const child: ChildProcess = fork(processScript, [], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir ? path.resolve(dataDir) : 'memory://' },
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (child.exitCode === null && child.connected) child.send({ type: 'stop' })
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
