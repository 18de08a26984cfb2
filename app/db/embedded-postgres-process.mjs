// The embedded PostgreSQL's own process: PGlite with its data in PGLITE_DATA_DIR, served on a loopback
// port. Plain JavaScript so that it starts without a TypeScript loader.
//
// PGlite is one PostgreSQL session. Several client connections share it safely only if each one's
// work runs as a unit: pglite-socket's server interleaves single protocol messages between
// connections outside transactions, so one connection's Bind can land between another's Parse and
// Execute ("portal does not exist" under concurrent load). This server runs every extended-protocol
// batch (up to its Sync) and every simple query as one unit, and keeps the session for one connection
// while it is in a transaction. See docs/decisions/002-embedded-postgresql.md.
import { createServer } from 'node:net'
import { PGlite } from '@electric-sql/pglite'

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
const dataDir = process.env.PGLITE_DATA_DIR ?? 'memory://'
const db = await PGlite.create(dataDir)

/** Who holds the session: a connection id while it runs a unit or stays in a transaction. */
let owner = null
const waiting = []
function acquire(connectionId) {
  if (owner === null || owner === connectionId) {
    owner = connectionId
    return Promise.resolve()
  }
  return new Promise((resolve) => waiting.push({ connectionId, resolve }))
}
function release(connectionId) {
  if (owner !== connectionId) return
  owner = null
  const next = waiting.shift()
  if (next) {
    owner = next.connectionId
    next.resolve()
  }
}

let nextConnectionId = 1
const sockets = new Set()

function serve(socket) {
  const id = nextConnectionId++
  sockets.add(socket)
  let buffer = Buffer.alloc(0)
  let started = false
  let pending = []
  let chain = Promise.resolve()
  let closed = false

  const runUnit = (messages, endsBatch) => {
    chain = chain.then(async () => {
      if (closed) return
      await acquire(id)
      try {
        for (const message of messages) {
          await db.execProtocolRawStream(message, { onRawData: (data) => !closed && socket.write(Buffer.from(data)) })
        }
      } finally {
        // A batch not yet synced, or an open transaction, keeps the session for this connection.
        if (endsBatch && !db.isInTransaction()) release(id)
      }
    })
    chain.catch((error) => {
      console.error('embedded PostgreSQL: connection failed', error)
      socket.destroy()
    })
  }

  socket.setNoDelay(true)
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk])
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return
        const length = buffer.readInt32BE(0)
        const code = buffer.readInt32BE(4)
        if (code === SSL_REQUEST) {
          buffer = buffer.subarray(8)
          socket.write('N')
          continue
        }
        if (code === CANCEL_REQUEST) {
          socket.destroy()
          return
        }
        if (buffer.length < length) return
        const startup = new Uint8Array(buffer.subarray(0, length))
        buffer = buffer.subarray(length)
        started = true
        runUnit([startup], true)
        continue
      }
      if (buffer.length < 5) return
      const length = buffer.readInt32BE(1) + 1
      if (buffer.length < length) return
      const type = String.fromCharCode(buffer[0])
      const message = new Uint8Array(buffer.subarray(0, length))
      buffer = buffer.subarray(length)
      if (type === 'X') {
        socket.end()
        return
      }
      pending.push(message)
      // Sync ends an extended-protocol batch; a simple Query is a batch of its own.
      if (type === 'S' || type === 'Q') {
        runUnit(pending, true)
        pending = []
      } else if (type === 'H') {
        runUnit(pending, false)
        pending = []
      }
    }
  })
  const cleanUp = () => {
    if (closed) return
    closed = true
    sockets.delete(socket)
    chain = chain.then(async () => {
      if (owner === id) {
        // A connection that went away mid-transaction must not leave the session locked.
        if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {})
        release(id)
      }
    })
  }
  socket.on('close', cleanUp)
  socket.on('error', cleanUp)
}

const server = createServer(serve)
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
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

process.send?.({ port: server.address().port })
