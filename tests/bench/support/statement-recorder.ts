// A loopback TCP proxy in front of a PostgreSQL server (or the embedded one) that reads the
// frontend half of the wire protocol and records every statement the app executes, with its
// parameters: what the raw baseline replays with `pg`, and how statements per decision are counted.
// Only for capture runs: an extra hop in the bench process would distort measured figures.
import net from 'node:net'

export type RecordedStatement = {
  text: string
  /** Parameters as sent: text-format values as strings, binary-format ones as Buffers, null for NULL. */
  values: (string | Buffer | null)[]
  at: number
}

export type StatementRecorder = {
  /** The database URL to give the app: the same database, through the recorder. */
  url: string
  statements: RecordedStatement[]
  close: () => Promise<void>
}

const SSL_REQUEST = 80877103
const GSS_REQUEST = 80877104

/** Parses the frontend messages of one connection as they stream by; `record` gets each executed statement. */
function frontendParser(record: (statement: RecordedStatement) => void) {
  let buffer: Buffer = Buffer.alloc(0)
  let startup = true
  const prepared = new Map<string, string>()
  const portals = new Map<string, { text: string; values: (string | Buffer | null)[] }>()
  const cString = (data: Buffer, offset: number) => {
    const end = data.indexOf(0, offset)
    return { value: data.toString('utf8', offset, end), next: end + 1 }
  }
  const message = (type: string, body: Buffer) => {
    if (type === 'Q') {
      record({ text: cString(body, 0).value, values: [], at: performance.now() })
    } else if (type === 'P') {
      const name = cString(body, 0)
      prepared.set(name.value, cString(body, name.next).value)
    } else if (type === 'B') {
      const portal = cString(body, 0)
      const statement = cString(body, portal.next)
      let offset = statement.next
      const formatCount = body.readInt16BE(offset)
      offset += 2
      const formats: number[] = []
      for (let i = 0; i < formatCount; i++, offset += 2) formats.push(body.readInt16BE(offset))
      const valueCount = body.readInt16BE(offset)
      offset += 2
      const values: (string | Buffer | null)[] = []
      for (let i = 0; i < valueCount; i++) {
        const length = body.readInt32BE(offset)
        offset += 4
        if (length < 0) {
          values.push(null)
          continue
        }
        const bytes = body.subarray(offset, offset + length)
        offset += length
        const binary = (formats.length === 1 ? formats[0] : formats[i]) === 1
        values.push(binary ? Buffer.from(bytes) : bytes.toString('utf8'))
      }
      portals.set(portal.value, { text: prepared.get(statement.value) ?? '', values })
    } else if (type === 'E') {
      const portal = portals.get(cString(body, 0).value)
      if (portal) record({ ...portal, at: performance.now() })
    }
  }
  return (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk
    for (;;) {
      if (startup) {
        // Untyped start-up messages: an SSL or GSS request (the answer is one byte) or the startup packet.
        if (buffer.length < 8) return
        const length = buffer.readInt32BE(0)
        if (buffer.length < length) return
        const code = buffer.readInt32BE(4)
        if (code !== SSL_REQUEST && code !== GSS_REQUEST) startup = false
        buffer = buffer.subarray(length)
        continue
      }
      if (buffer.length < 5) return
      const length = buffer.readInt32BE(1)
      if (buffer.length < 1 + length) return
      message(String.fromCharCode(buffer[0]!), buffer.subarray(5, 1 + length))
      buffer = buffer.subarray(1 + length)
    }
  }
}

export async function startStatementRecorder(databaseUrl: string): Promise<StatementRecorder> {
  const target = new URL(databaseUrl)
  const statements: RecordedStatement[] = []
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    // Without this, Nagle's algorithm and delayed ACKs add tens of milliseconds to every round trip.
    client.setNoDelay(true)
    upstream.setNoDelay(true)
    sockets.add(client).add(upstream)
    const parse = frontendParser((statement) => statements.push(statement))
    client.on('data', (chunk: Buffer) => {
      parse(chunk)
      upstream.write(chunk)
    })
    upstream.pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  const url = new URL(databaseUrl)
  url.hostname = '127.0.0.1'
  url.port = String(address.port)
  return {
    url: url.toString(),
    statements,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** BEGIN, COMMIT and the like: counted apart, since the "statements" may or may not include them. */
export function isTransactionControl(text: string): boolean {
  return /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|DEALLOCATE)\b/i.test(text)
}
