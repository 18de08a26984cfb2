// The wire-protocol pieces of the embedded PostgreSQL's process (embedded-postgres-process.mjs):
// the messages it writes itself, which statements are COPY FROM STDIN, and the filter on what PGlite
// answers. Plain JavaScript, like the process, so that it starts without a TypeScript loader.

// --- Protocol messages this server writes itself ---------------------------------------------------

export function backendMessage(type, body) {
  const message = Buffer.alloc(5 + body.length)
  message.write(type, 0, 'latin1')
  message.writeInt32BE(4 + body.length, 1)
  body.copy(message, 5)
  return message
}
export function int32(value) {
  const buffer = Buffer.alloc(4)
  buffer.writeInt32BE(value)
  return buffer
}
export function authentication(code, data = Buffer.alloc(0)) {
  return backendMessage('R', Buffer.concat([int32(code), data]))
}
export function fatalError(sqlstate, message) {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlstate}\0M${message}\0\0`, 'utf8')
  return backendMessage('E', fields)
}
function frontendMessage(type, body) {
  return new Uint8Array(backendMessage(type, body))
}
/**
 * A query that makes PGlite itself raise the error, so that the client sees a real ErrorResponse, an
 * open transaction is marked failed, and ReadyForQuery carries the true transaction status.
 */
export function raisingQuery(sqlstate, message) {
  const text = message.replace(/'/g, "''")
  return frontendMessage('Q', Buffer.from(`DO $$BEGIN RAISE EXCEPTION USING ERRCODE = '${sqlstate}', MESSAGE = '${text}'; END$$\0`))
}

// --- Which statements are COPY FROM STDIN ----------------------------------------------------------

/**
 * Splits SQL into statements of top-level words, skipping comments, string literals, quoted names and
 * dollar-quoted bodies, so that "copy ... from stdin" inside a literal is not taken for a COPY.
 */
function statementsOf(sql) {
  const statements = []
  let words = []
  let depth = 0
  let i = 0
  const endStatement = () => {
    if (words.length > 0) statements.push(words)
    words = []
  }
  while (i < sql.length) {
    const c = sql[i]
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end + 1
    } else if (c === '/' && sql[i + 1] === '*') {
      let nesting = 1
      i += 2
      while (i < sql.length && nesting > 0) {
        const pair = sql.slice(i, i + 2)
        if (pair === '/*' || pair === '*/') {
          nesting += pair === '/*' ? 1 : -1
          i += 2
        } else {
          i++
        }
      }
    } else if (c === "'") {
      const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '')
      i++
      while (i < sql.length) {
        if (escapes && sql[i] === '\\') i += 2
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2
        else if (sql[i] === "'") break
        else i++
      }
      i++
      words.push({ word: "'", depth })
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1)
      i = end === -1 ? sql.length : end + 1
      while (sql[i] === '"') i = (sql.indexOf('"', i + 1) + 1) || sql.length
      words.push({ word: '"', depth })
    } else if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '') && /^\$([A-Za-z_][\w]*)?\$/.test(sql.slice(i, i + 64))) {
      const tag = /^\$([A-Za-z_][\w]*)?\$/.exec(sql.slice(i, i + 64))[0]
      const end = sql.indexOf(tag, i + tag.length)
      i = end === -1 ? sql.length : end + tag.length
      words.push({ word: "'", depth })
    } else if (c === ';') {
      endStatement()
      i++
    } else if (c === '(') {
      depth++
      i++
    } else if (c === ')') {
      depth--
      i++
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const match = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(sql.slice(i, i + 256))
      words.push({ word: match[0].toLowerCase(), depth })
      i += match[0].length
    } else {
      i++
    }
  }
  endStatement()
  return statements
}

/** COPY FROM STDIN statements of a query; only a query that mentions stdin at all is read closely. */
export function copyFromStdinIn(sql) {
  if (!/stdin/i.test(sql)) return { statements: null, copyIn: false }
  const statements = statementsOf(sql)
  return { statements, copyIn: statements.some(isCopyFromStdin) }
}

function isCopyFromStdin(words) {
  if (words[0]?.word !== 'copy') return false
  return words.some((w, i) => w.depth === 0 && w.word === 'from' && words[i + 1]?.word === 'stdin')
}

/** Binary or text, for the CopyInResponse (whose column count is not known before the COPY runs). */
export function copyInResponse(words) {
  const binary = words.some((w) => w.word === 'binary')
  return backendMessage('G', Buffer.from([binary ? 1 : 0, 0, 0]))
}

/** The SQL text of a simple Query ('Q') or a Parse ('P') message. */
export function sqlOf(message) {
  const body = Buffer.from(message.buffer, message.byteOffset + 5, message.length - 5)
  if (message[0] === 0x51) return body.toString('utf8', 0, Math.max(0, body.indexOf(0)))
  const nameEnd = body.indexOf(0)
  if (nameEnd === -1) return ''
  const queryEnd = body.indexOf(0, nameEnd + 1)
  return body.toString('utf8', nameEnd + 1, queryEnd === -1 ? body.length : queryEnd)
}

// --- Filtering what PGlite answers -----------------------------------------------------------------

/**
 * Passes PGlite's output on to the client message by message, dropping the CopyInResponse it sends
 * for a COPY this server already answered, and the PL/pgSQL CONTEXT of a raised refusal.
 */
export function outputFilter(write, { dropCopyInResponse = false, dropErrorContext = false }) {
  if (!dropCopyInResponse && !dropErrorContext) return write
  let pending = Buffer.alloc(0)
  return (data) => {
    pending = pending.length ? Buffer.concat([pending, Buffer.from(data)]) : Buffer.from(data)
    while (pending.length >= 5) {
      const length = pending.readInt32BE(1) + 1
      if (pending.length < length) return
      const type = String.fromCharCode(pending[0])
      let message = pending.subarray(0, length)
      pending = pending.subarray(length)
      if (type === 'G' && dropCopyInResponse) {
        dropCopyInResponse = false
        continue
      }
      if (type === 'E' && dropErrorContext) message = withoutField(message, 'W')
      write(message)
    }
  }
}
function withoutField(errorResponse, code) {
  const fields = []
  let i = 5
  while (i < errorResponse.length && errorResponse[i] !== 0) {
    const end = errorResponse.indexOf(0, i)
    if (String.fromCharCode(errorResponse[i]) !== code) fields.push(errorResponse.subarray(i, end + 1))
    i = end + 1
  }
  return backendMessage('E', Buffer.concat([...fields, Buffer.from([0])]))
}
