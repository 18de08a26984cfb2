import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.server'

// The embedded PostgreSQL is one PGlite session shared by many connections. These tests hold the two
// promises that make that safe: connections never see each other's half-sent queries, and a
// transaction has the session to itself until it ends.
describe('embedded PostgreSQL (PGlite in its own process)', () => {
  let embedded: EmbeddedPostgres
  const clients: pg.Client[] = []
  const connect = async () => {
    const client = new pg.Client({ connectionString: embedded.url })
    await client.connect()
    clients.push(client)
    return client
  }
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ dataDir: null })
    const setup = await connect()
    await setup.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)')
    await setup.query('INSERT INTO counter VALUES (1, 0)')
  })
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})))
    await embedded?.stop()
  })

  test('eight connections sending parameterised queries at once each get their own answers', async () => {
    const connections = await Promise.all(Array.from({ length: 8 }, connect))
    const answers = await Promise.all(
      connections.flatMap((client, c) =>
        Array.from({ length: 50 }, async (_, i) => {
          const { rows } = await client.query<{ echo: string }>('SELECT $1::text AS echo', [`${c}-${i}`])
          return rows[0]?.echo === `${c}-${i}`
        }),
      ),
    )
    expect(answers.filter(Boolean)).toHaveLength(400)
  })

  test('a transaction keeps the session: another connection waits for its commit and then sees it', async () => {
    const [a, b] = await Promise.all([connect(), connect()])
    await a.query('BEGIN')
    await a.query('UPDATE counter SET value = value + 1 WHERE id = $1', [1])
    let bAnswered = false
    const read = b.query<{ value: number }>('SELECT value FROM counter WHERE id = $1', [1]).then((r) => {
      bAnswered = true
      return r.rows[0]?.value
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(bAnswered).toBe(false)
    await a.query('COMMIT')
    expect(await read).toBe(1)
  })

  test('a connection dropped mid-transaction is rolled back and frees the session', async () => {
    const dropped = await connect()
    dropped.on('error', () => {}) // its connection is cut on purpose below
    await dropped.query('BEGIN')
    await dropped.query('UPDATE counter SET value = 100 WHERE id = 1')
    ;(dropped as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy()
    const other = await connect()
    const { rows } = await other.query<{ value: number }>('SELECT value FROM counter WHERE id = 1')
    expect(rows[0]?.value).toBe(1)
  })
})
