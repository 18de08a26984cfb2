// The embedded PostgreSQL's own process: PGlite with its data in PGLITE_DATA_DIR, served on a loopback
// port. Plain JavaScript so that it starts without a TypeScript loader.
//
// PGlite is one PostgreSQL session. Several client connections share it safely only if each one's
// work runs as a unit: pglite-socket's server interleaves single protocol messages between
// connections outside transactions, so one connection's Bind can land between another's Parse and
// Execute ("portal does not exist" under concurrent load). This server runs every extended-protocol
// batch (up to its Sync) and every simple query as one unit, and keeps the session for one connection
// while it is in a transaction. See docs/decisions/002-embedded-postgresql.md.
//
// PGlite trusts whatever it is handed: a message type it does not know sends it into an endless loop,
// and anything PostgreSQL answers with FATAL (a COPY FROM STDIN whose data is not in the same call)
// ends the WebAssembly program, and with it every connection's database. So nothing reaches PGlite
// that it cannot survive: clients authenticate here (SCRAM-SHA-256 against EMBEDDED_POSTGRES_PASSWORD),
// only known message types are passed on, COPY FROM STDIN is collected here and handed over whole, and
// whatever is refused is answered the way PostgreSQL would. See docs/decisions/009-embedded-postgresql-password-and-copy.md.
// The messages, the COPY detection and the output filter are in embedded-postgres-wire.mjs; SCRAM in
// embedded-postgres-scram.mjs; the session lock and the receive buffer in embedded-postgres-session.mjs.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createServer } from 'node:net'
import { PGlite } from '@electric-sql/pglite'
import { readClientFirst, scramVerifierFor } from './embedded-postgres-scram.mjs'
import { createReceiveBuffer, createSessionLock } from './embedded-postgres-session.mjs'
import {
  authentication,
  backendMessage,
  copyFromStdinIn,
  copyInResponse,
  fatalError,
  int32,
  outputFilter,
  raisingQuery,
  sqlOf,
} from './embedded-postgres-wire.mjs'

const SSL_REQUEST = 80877103
const GSSENC_REQUEST = 80877104
const CANCEL_REQUEST = 80877102
const PROTOCOL_3_0 = 196608
const MAX_STARTUP_BYTES = 10_000
const AUTHENTICATION_TIMEOUT_MS = 60_000
/** Larger than any query the app sends; a length beyond it is garbage, not a message. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024
/** COPY FROM STDIN data is held in memory until CopyDone (PGlite takes it in one call). */
const MAX_COPY_BYTES = 256 * 1024 * 1024
/** Messages passed on to PGlite as they are; a unit ends at Sync, Query or FunctionCall. */
const FORWARDED_TYPES = new Set(['Q', 'P', 'B', 'E', 'D', 'C', 'S', 'H', 'F'])
const COPY_TYPES = new Set(['d', 'c', 'f'])

const password = process.env.EMBEDDED_POSTGRES_PASSWORD
if (!password) throw new Error('EMBEDDED_POSTGRES_PASSWORD is not set: the parent process sets it')
delete process.env.EMBEDDED_POSTGRES_PASSWORD

// Made once: the verifier PostgreSQL would store for the password.
const scramVerifier = scramVerifierFor(password)

const dataDir = process.env.PGLITE_DATA_DIR ?? 'memory://'
const db = await PGlite.create({ dataDir, ...newClusterFromTarball(dataDir) })

/**
 * A new cluster is made by PostgreSQL's initdb, which in WebAssembly takes 5 to 14 seconds here. The
 * test suites start about a hundred clusters per run, so they make one once, dump it (an initdb'd,
 * empty cluster, the same files every time) and name the dump in PGLITE_NEW_CLUSTER_FROM: a new data
 * directory starts from those files in about a second. An existing cluster is always opened as it is.
 */
function newClusterFromTarball(dir) {
  const tarball = process.env.PGLITE_NEW_CLUSTER_FROM
  if (!tarball) return {}
  const isNew = dir === 'memory://' || !existsSync(path.join(dir, 'PG_VERSION'))
  return isNew ? { loadDataDir: new Blob([readFileSync(tarball)]) } : {}
}

/** Who holds PGlite's one session: a connection id while it runs a unit or stays in a transaction. */
const session = createSessionLock()

// --- Connections -----------------------------------------------------------------------------------

let nextConnectionId = 1
const sockets = new Set()

function serve(socket) {
  const id = nextConnectionId++
  sockets.add(socket)
  /** 'startup' → 'sasl-first' → 'sasl-final' → 'ready'; 'copy-in' while collecting COPY data; 'closing'. */
  let state = 'startup'
  let startupPacket = null
  let user = ''
  let scram = null
  let pending = []
  /** The COPY FROM STDIN being collected: its Query, data messages and their size. */
  let copy = null
  /** A batch refused before its Sync: its messages are dropped, its Sync answered with the error. */
  let refusedBatch = null
  let chain = Promise.resolve()
  let closed = false

  // PGlite hands its output as views of its WebAssembly memory, which it reuses for what comes
  // next: a write the socket keeps for later (corked below, or under backpressure) must own a copy.
  const write = (data) => {
    if (!closed && socket.writable) socket.write(Buffer.from(data))
  }
  const runInOrder = (work) => {
    chain = chain.then(async () => {
      if (!closed) await work()
    })
    // A failure here is PGlite's own (the program ended): drop this connection, never the process.
    chain = chain.catch((error) => {
      console.error('embedded PostgreSQL: connection failed', error)
      socket.destroy()
    })
  }
  const runUnit = (messages, endsBatch, filter = {}) => {
    runInOrder(async () => {
      await session.acquire(id)
      // A unit's answer (ParseComplete, BindComplete, rows, CommandComplete, ReadyForQuery…) comes
      // out of PGlite in many small pieces: corked, they leave in one write instead of one each.
      socket.cork()
      try {
        const onRawData = outputFilter(write, filter)
        for (const message of messages) await db.execProtocolRawStream(message, { onRawData })
      } finally {
        socket.uncork()
        // A batch not yet synced, or an open transaction, keeps the session for this connection.
        if (endsBatch && !db.isInTransaction()) session.release(id)
      }
    })
  }
  const refuse = (sqlstate, message) => runUnit([raisingQuery(sqlstate, message)], true, { dropErrorContext: true })
  /** PostgreSQL's answer to a broken protocol: FATAL, then the connection (only this one) is closed. */
  const closeWith = (sqlstate, message) => {
    state = 'closing'
    runInOrder(() => {
      write(fatalError(sqlstate, message))
      socket.end()
    })
  }
  const authenticationFailed = () =>
    closeWith('28P01', `password authentication failed for user "${user.replace(/[^\x20-\x7e]/g, '?')}"`)

  const onStartup = (packet) => {
    const version = packet.readInt32BE(4)
    if (version >> 16 !== 3) return closeWith('0A000', `unsupported frontend protocol ${version >> 16}.${version & 0xffff}`)
    const parts = packet.toString('utf8', 8).split('\0')
    const unsupportedOptions = []
    for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) {
      if (parts[i] === 'user') user = parts[i + 1]
      if (parts[i].startsWith('_pq_.')) unsupportedOptions.push(parts[i])
    }
    if ((version & 0xffff) !== 0 || unsupportedOptions.length > 0) {
      // Newer clients may ask for protocol 3.2 or options: say that 3.0 without options is what this serves.
      const names = unsupportedOptions.map((name) => Buffer.from(`${name}\0`))
      write(backendMessage('v', Buffer.concat([int32(0), int32(unsupportedOptions.length), ...names])))
    }
    // PGlite is handed a plain 3.0 startup packet once the password is proven.
    const normalised = Buffer.from(packet)
    normalised.writeInt32BE(PROTOCOL_3_0, 4)
    startupPacket = new Uint8Array(normalised)
    state = 'sasl-first'
    write(authentication(10, Buffer.from('SCRAM-SHA-256\0\0')))
  }

  const onAuthenticationMessage = (type, body) => {
    if (type !== 'p') return authenticationFailed()
    if (state === 'sasl-first') {
      const first = readClientFirst(body)
      if (!first) return authenticationFailed()
      const nonce = first.nonce + randomBytes(18).toString('base64')
      const serverFirst = scramVerifier.serverFirst(nonce)
      scram = { ...first, nonce, serverFirst }
      state = 'sasl-final'
      write(authentication(11, Buffer.from(serverFirst)))
      return
    }
    const serverSignature = scramVerifier.verifyClientFinal(body.toString('utf8'), scram)
    if (!serverSignature) return authenticationFailed()
    state = 'ready'
    clearTimeout(authenticationTimer)
    write(authentication(12, Buffer.from(`v=${serverSignature}`)))
    // PGlite answers the startup with AuthenticationOk, the parameters and ReadyForQuery.
    runUnit([startupPacket], true)
  }

  const onCopyMessage = (type, message) => {
    if (type === 'd') {
      copy.bytes += message.length
      if (copy.bytes > MAX_COPY_BYTES) copy.tooLarge = true
      else copy.messages.push(message)
      return
    }
    const { query, messages, tooLarge } = copy
    copy = null
    state = 'ready'
    if (type === 'f') return runUnit([new Uint8Array(Buffer.concat([query, message]))], true, { dropCopyInResponse: true })
    if (type !== 'c') return refuse('08P01', `unexpected message type 0x${type.charCodeAt(0).toString(16)} during COPY from stdin`)
    if (tooLarge) return refuse('54000', `COPY data larger than ${MAX_COPY_BYTES / 1024 / 1024} MB: the embedded PostgreSQL holds it in memory; send it in parts`)
    // PGlite reads a COPY's data from the same call as its query: hand it the whole exchange at once.
    runUnit([new Uint8Array(Buffer.concat([query, ...messages, message]))], true, { dropCopyInResponse: true })
  }

  const onMessage = (type, message) => {
    if (state === 'copy-in') {
      if (type === 'H' || type === 'S') return // PostgreSQL ignores these during COPY IN
      return onCopyMessage(type, message)
    }
    if (COPY_TYPES.has(type)) return // left over from a COPY that failed: PostgreSQL ignores them too
    if (refusedBatch) {
      if (type !== 'S') return
      const { sqlstate, text } = refusedBatch
      refusedBatch = null
      pending = []
      return refuse(sqlstate, text)
    }
    if (type === 'Q' || type === 'P') {
      const { statements, copyIn } = copyFromStdinIn(sqlOf(message))
      if (copyIn) {
        const text = 'the embedded PostgreSQL runs COPY FROM STDIN only as a simple query of its own'
        if (type === 'P') {
          refusedBatch = { sqlstate: '0A000', text }
          return
        }
        if (statements.length > 1 || pending.length > 0) return refuse('0A000', text)
        copy = { query: Buffer.from(message), messages: [], bytes: 0, tooLarge: false }
        state = 'copy-in'
        runInOrder(() => write(copyInResponse(statements[0])))
        return
      }
    }
    pending.push(message)
    // Sync ends an extended-protocol batch; a simple Query or a FunctionCall is a batch of its own.
    if (type === 'S' || type === 'Q' || type === 'F') {
      runUnit(pending, true)
      pending = []
    } else if (type === 'H') {
      runUnit(pending, false)
      pending = []
    }
  }

  const received = createReceiveBuffer()

  // As PostgreSQL's authentication_timeout: a client that never proves the password is let go.
  const authenticationTimer = setTimeout(() => {
    if (state !== 'ready' && state !== 'copy-in') closeWith('08P01', 'canceling authentication due to timeout')
  }, AUTHENTICATION_TIMEOUT_MS)
  authenticationTimer.unref()

  socket.setNoDelay(true)
  socket.on('data', (chunk) => {
    if (state === 'closing') return
    received.push(chunk)
    while (state !== 'closing') {
      if (state === 'startup') {
        if (received.size < 8) return
        const length = received.head(8).readInt32BE(0)
        const code = received.head(8).readInt32BE(4)
        if (length < 8 || length > MAX_STARTUP_BYTES) return closeWith('08P01', 'invalid length of startup packet')
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          received.take(8)
          write('N') // neither TLS nor GSSAPI on a loopback port; the client goes on in the clear
          continue
        }
        if (code === CANCEL_REQUEST) {
          socket.destroy()
          return
        }
        if (received.size < length) return
        onStartup(Buffer.from(received.take(length)))
        continue
      }
      if (received.size < 5) return
      const type = String.fromCharCode(received.head(5)[0])
      const length = received.head(5).readInt32BE(1) + 1
      if (length < 5 || length > MAX_MESSAGE_BYTES) return closeWith('08P01', 'invalid message length')
      if (received.size < length) return
      const message = received.take(length)
      if (state === 'sasl-first' || state === 'sasl-final') {
        onAuthenticationMessage(type, message.subarray(5))
        continue
      }
      if (type === 'X') {
        state = 'closing'
        socket.end()
        return
      }
      if (!FORWARDED_TYPES.has(type) && !COPY_TYPES.has(type)) {
        return closeWith('08P01', `invalid frontend message type ${message[0]}`)
      }
      onMessage(type, new Uint8Array(message))
    }
  })
  const cleanUp = () => {
    if (closed) return
    closed = true
    clearTimeout(authenticationTimer)
    copy = null
    received.clear()
    sockets.delete(socket)
    runInOrderAfterClose()
  }
  const runInOrderAfterClose = () => {
    chain = chain
      .then(async () => {
        if (session.holds(id)) {
          // A connection that went away mid-transaction must not leave the session locked.
          if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {})
          session.release(id)
        }
      })
      .catch((error) => console.error('embedded PostgreSQL: clean-up failed', error))
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
