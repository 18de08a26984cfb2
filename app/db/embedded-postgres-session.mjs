// Pieces of the embedded PostgreSQL's server (embedded-postgres-process.mjs) that hold no protocol
// knowledge: who holds PGlite's one session, and the bytes a connection has received so far.

/**
 * PGlite is one session for every connection: a connection holds it while it runs a unit (a batch up
 * to its Sync, a simple query) or stays in a transaction; the others wait their turn, first come first
 * served.
 */
export function createSessionLock() {
  let owner = null
  const waiting = []
  return {
    holds: (connectionId) => owner === connectionId,
    acquire(connectionId) {
      if (owner === null || owner === connectionId) {
        owner = connectionId
        return Promise.resolve()
      }
      return new Promise((resolve) => waiting.push({ connectionId, resolve }))
    },
    release(connectionId) {
      if (owner !== connectionId) return
      owner = null
      const next = waiting.shift()
      if (next) {
        owner = next.connectionId
        next.resolve()
      }
    },
  }
}

/**
 * What a connection has received: a list of chunks and their total size, joined only when a whole
 * message is there (a large COPY or query arrives in many chunks; joining on every chunk would copy it
 * over and over).
 */
export function createReceiveBuffer() {
  let chunks = []
  let size = 0
  const head = (n) => {
    if (chunks[0].length < n) chunks = [Buffer.concat(chunks)]
    return chunks[0]
  }
  return {
    get size() {
      return size
    },
    push(chunk) {
      chunks.push(chunk)
      size += chunk.length
    },
    /** The first n bytes (at least), without consuming them; only when `size >= n`. */
    head,
    /** Consumes and returns the first n bytes; only when `size >= n`. */
    take(n) {
      const first = head(n)
      const taken = first.subarray(0, n)
      if (first.length === n) chunks.shift()
      else chunks[0] = first.subarray(n)
      size -= n
      return taken
    },
    clear() {
      chunks = []
      size = 0
    },
  }
}
