// The embedded PostgreSQL's own process: PGlite with its data in PGLITE_DATA_DIR, served on a loopback
// port by pglite-socket. Plain JavaScript so that it starts without a TypeScript loader.
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const dataDir = process.env.PGLITE_DATA_DIR ?? 'memory://'
const db = await PGlite.create(dataDir)
// Connections are multiplexed onto PGlite's single session, one transaction at a time; enough of them
// for the app's pool, the outbox worker and the migration runner.
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 })
await server.start()

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await server.stop().catch(() => {})
  await db.close().catch(() => {})
  process.exit(0)
}

process.on('message', (message) => {
  if (message && message.type === 'stop') void stop()
})
// The parent went away (crash, kill): close the data directory cleanly rather than leave it mid-write.
process.on('disconnect', () => void stop())
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())

process.send?.({ port: server.server?.address()?.port })
