import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.server'

// The embedded PostgreSQL is one PGlite program for every connection: a client's message that PGlite
// cannot survive would take the database away from all of them. COPY must work (imports use it), and
// no client, however broken, may stop the server from serving the others.

type Socket = { write: (data: Buffer) => boolean; destroy: () => void; once: (event: 'close', listener: () => void) => void }
const socketOf = (client: pg.Client) => (client as unknown as { connection: { stream: Socket } }).connection.stream

const rowCount = 3000
const csv = Array.from({ length: rowCount }, (_, i) => `${i + 1},"item ${i + 1}, ""quoted"""\n`).join('')

describe('COPY and broken clients on the embedded PostgreSQL', () => {
  let embedded: EmbeddedPostgres
  let observer: pg.Client
  const clients: pg.Client[] = []
  const connect = async () => {
    const client = new pg.Client({ connectionString: embedded.url })
    client.on('error', () => {}) // some connections are broken on purpose below
    await client.connect()
    clients.push(client)
    return client
  }
  const countItems = async () => {
    const { rows } = await observer.query<{ count: number }>('SELECT count(*)::int AS count FROM items')
    return rows[0]?.count
  }
  /** The server still answers a fresh connection: it did not die with the broken one. */
  const serverStillServes = async () => {
    const fresh = await connect()
    const { rows } = await fresh.query<{ answer: number }>('SELECT 6 * 7 AS answer')
    await fresh.end()
    return rows[0]?.answer === 42
  }
  const copyCsvInto = (client: pg.Client, data: string) =>
    pipeline(Readable.from([data]), client.query(copyFrom('COPY items (id, name) FROM STDIN WITH (FORMAT csv)')))

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ dataDir: null })
    observer = await connect()
    await observer.query('CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)')
  })
  beforeEach(async () => {
    await observer.query('TRUNCATE items')
  })
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})))
    await embedded?.stop()
  })

  test('COPY FROM STDIN takes a few thousand rows, and COPY TO STDOUT gives them back', async () => {
    const client = await connect()
    const lines = csv.match(/[^\n]*\n/g)!
    await pipeline(Readable.from(lines), client.query(copyFrom('COPY items (id, name) FROM STDIN WITH (FORMAT csv)')))
    expect(await countItems()).toBe(rowCount)

    const chunks: Buffer[] = []
    for await (const chunk of client.query(copyTo('COPY (SELECT id, name FROM items ORDER BY id) TO STDOUT WITH (FORMAT csv)'))) {
      chunks.push(chunk as Buffer)
    }
    expect(Buffer.concat(chunks).toString('utf8')).toBe(csv)
    // The connection goes on with ordinary queries after both.
    const { rows } = await client.query<{ name: string }>('SELECT name FROM items WHERE id = $1', [2])
    expect(rows).toEqual([{ name: 'item 2, "quoted"' }])
  })

  test('a COPY inside a transaction commits or rolls back with it', async () => {
    const client = await connect()
    await client.query('BEGIN')
    await copyCsvInto(client, '1,one\n2,two\n')
    await client.query('ROLLBACK')
    expect(await countItems()).toBe(0)
    await client.query('BEGIN')
    await copyCsvInto(client, '1,one\n2,two\n')
    await client.query('COMMIT')
    expect(await countItems()).toBe(2)
  })

  test('malformed COPY data is answered with the error, adds nothing, and other connections are served meanwhile', async () => {
    const client = await connect()
    const copy = client.query(copyFrom('COPY items (id, name) FROM STDIN WITH (FORMAT csv)'))
    const done = new Promise<Error | null>((resolve) => {
      copy.on('error', resolve)
      copy.on('finish', () => resolve(null))
    })
    copy.write('1,fine\n2,fine\n')
    // Mid-COPY, before its data ends, another connection is answered.
    expect(await serverStillServes()).toBe(true)
    copy.end('three,not a number\n')
    const error = (await done) as (Error & { code?: string }) | null
    expect(error?.code).toBe('22P02')
    expect(await countItems()).toBe(0)
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one')
    expect(rows).toEqual([{ one: 1 }])
  })

  test('a COPY into a table that does not exist is answered with 42P01', async () => {
    const client = await connect()
    const copy = pipeline(Readable.from(['1,x\n']), client.query(copyFrom('COPY nowhere FROM STDIN WITH (FORMAT csv)')))
    await expect(copy).rejects.toMatchObject({ code: '42P01' })
    expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
  })

  test('a client that disconnects mid-COPY, even inside a transaction, leaves nothing behind and blocks no one', async () => {
    const client = await connect()
    await client.query('BEGIN')
    await client.query("INSERT INTO items VALUES (999, 'in the dropped transaction')")
    const copy = client.query(copyFrom('COPY items (id, name) FROM STDIN WITH (FORMAT csv)'))
    copy.on('error', () => {})
    copy.write('1,half\n2,sent\n')
    await new Promise((resolve) => setTimeout(resolve, 50)) // let the rows reach the server
    const closed = new Promise<void>((resolve) => socketOf(client).once('close', resolve))
    socketOf(client).destroy()
    await closed
    expect(await countItems()).toBe(0)
    expect(await serverStillServes()).toBe(true)
  })

  test('a garbage message mid-COPY closes only that connection', async () => {
    const client = await connect()
    const copy = client.query(copyFrom('COPY items (id, name) FROM STDIN WITH (FORMAT csv)'))
    const refused = new Promise<Error & { code?: string }>((resolve) => copy.on('error', resolve))
    copy.write('1,before the garbage\n')
    const closed = new Promise<void>((resolve) => socketOf(client).once('close', resolve))
    // An unknown message type: PGlite, handed it, would loop for ever.
    socketOf(client).write(Buffer.from([0x7e, 0, 0, 0, 8, 0xde, 0xad, 0xbe, 0xef]))
    expect(await refused).toMatchObject({ code: '08P01', message: 'invalid frontend message type 126' })
    await closed
    expect(await countItems()).toBe(0)
    expect(await serverStillServes()).toBe(true)
  })

  test('garbage outside a COPY closes only that connection: an unknown type, a length too large or too small', async () => {
    const garbage = [
      Buffer.from([0x7e, 0, 0, 0, 4]),
      Buffer.from([0x51, 0x7f, 0xff, 0xff, 0xff]),
      Buffer.from([0x51, 0, 0, 0, 1]),
      Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'), // "ET /" read as a length
    ]
    const answers: string[] = []
    for (const bytes of garbage) {
      const client = new pg.Client({ connectionString: embedded.url })
      await client.connect()
      clients.push(client)
      // The FATAL ErrorResponse comes first, then the end of the connection.
      const refused = new Promise<Error & { code?: string }>((resolve) => client.on('error', resolve))
      const closed = new Promise<void>((resolve) => socketOf(client).once('close', resolve))
      socketOf(client).write(bytes)
      const error = await refused
      answers.push(`${error.code} ${error.message}`)
      await closed
    }
    expect(answers).toEqual([
      '08P01 invalid frontend message type 126',
      '08P01 invalid message length',
      '08P01 invalid message length',
      '08P01 invalid message length',
    ])
    expect(await serverStillServes()).toBe(true)
  })

  test('COPY FROM STDIN that cannot be run whole is refused with an ErrorResponse, and the connection goes on', async () => {
    const client = await connect()
    // Through the extended protocol, and as one statement of several, PGlite would wait for data it cannot get.
    await expect(client.query({ name: 'copy-in', text: 'COPY items FROM STDIN' })).rejects.toMatchObject({ code: '0A000' })
    await expect(client.query("SELECT 1; COPY items FROM STDIN")).rejects.toMatchObject({ code: '0A000' })
    // A refusal inside a transaction fails it, as any PostgreSQL error would.
    await client.query('BEGIN')
    await expect(client.query({ name: 'copy-in', text: 'COPY items FROM STDIN' })).rejects.toMatchObject({ code: '0A000' })
    await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: '25P02' })
    await client.query('ROLLBACK')
    expect((await client.query("SELECT 'copy items from stdin' AS text")).rows).toEqual([{ text: 'copy items from stdin' }])
    expect(await serverStillServes()).toBe(true)
  })
})
