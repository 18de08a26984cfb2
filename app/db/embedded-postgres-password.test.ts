import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { connect as connectSocket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { useInMemoryEmbeddedPostgres } from '../../tests/support/database'
import { createDatabaseClient } from './client.server'
import { embeddedPostgresPasswordFile, startEmbeddedPostgres } from './embedded-postgres.server'

// The embedded PostgreSQL listens on a loopback port that every local user and process can reach: it
// must ask for a password, as a PostgreSQL server would, and refuse anyone who does not give it.

function withPassword(url: string, password: string | null): string {
  const changed = new URL(url)
  changed.password = password ?? ''
  return changed.toString()
}

async function connectionError(url: string): Promise<Error & { code?: string }> {
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => {})
  const error = await client.connect().then(
    () => null,
    (error: Error) => error,
  )
  await client.end().catch(() => {})
  if (!error) throw new Error(`connected to ${url}, which should have been refused`)
  return error
}

async function selectOne(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one')
    return rows[0]?.one
  } finally {
    await client.end()
  }
}

/** Speaks the wire protocol by hand: a startup packet, then `afterStartup`, and returns all the server said. */
async function rawExchange(port: number, afterStartup: Buffer): Promise<Buffer> {
  const parameters = Buffer.from('user\0postgres\0database\0postgres\0\0')
  const startup = Buffer.alloc(8)
  startup.writeInt32BE(8 + parameters.length, 0)
  startup.writeInt32BE(196608, 4)
  const socket = connectSocket(port, '127.0.0.1')
  const received: Buffer[] = []
  socket.on('data', (chunk) => received.push(chunk))
  socket.write(Buffer.concat([startup, parameters, afterStartup]))
  await new Promise((resolve) => socket.once('close', resolve))
  return Buffer.concat(received)
}

function frontendMessage(type: string, body: string): Buffer {
  const content = Buffer.from(body)
  const message = Buffer.alloc(5 + content.length)
  message.write(type, 0)
  message.writeInt32BE(4 + content.length, 1)
  content.copy(message, 5)
  return message
}

/** The SQLSTATE of each ErrorResponse in a stream of backend messages. */
function errorCodes(output: Buffer): string[] {
  const codes: string[] = []
  for (let i = 0; i + 5 <= output.length; i += 1 + output.readInt32BE(i + 1)) {
    if (output[i] !== 0x45) continue
    const fields = output.subarray(i + 5, i + 1 + output.readInt32BE(i + 1)).toString('utf8').split('\0')
    const code = fields.find((field) => field.startsWith('C'))
    if (code) codes.push(code.slice(1))
  }
  return codes
}

describe('the embedded PostgreSQL requires its password (in memory)', () => {
  const embedded = useInMemoryEmbeddedPostgres()

  test('the URL it returns carries a random password, and with it pg and Prisma connect', async () => {
    const password = new URL(embedded.url).password
    expect(password).toMatch(/^[0-9a-f]{64}$/)
    expect(await selectOne(embedded.url)).toBe(1)
    const prisma = createDatabaseClient(embedded.url, { maxConnections: 2 })
    try {
      expect(await prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }])
    } finally {
      await prisma.$disconnect()
    }
  })

  test('a wrong password is refused with SQLSTATE 28P01', async () => {
    const error = await connectionError(withPassword(embedded.url, 'postgres'))
    expect(error.code).toBe('28P01')
    expect(error.message).toBe('password authentication failed for user "postgres"')
  })

  test('no password is refused: pg will not connect, and a client that skips the exchange gets 28P01', async () => {
    await connectionError(withPassword(embedded.url, null))
    const port = Number(new URL(embedded.url).port)
    // A query in place of the password must not run.
    const skipped = await rawExchange(port, frontendMessage('Q', 'CREATE TABLE sneaked_in (id int)\0'))
    expect(errorCodes(skipped)).toEqual(['28P01'])
    // A password sent in the clear instead of SCRAM is refused too, even the right one.
    const cleartext = await rawExchange(port, frontendMessage('p', `${new URL(embedded.url).password}\0`))
    expect(errorCodes(cleartext)).toEqual(['28P01'])
    const client = new pg.Client({ connectionString: embedded.url })
    await client.connect()
    const { rows } = await client.query("SELECT to_regclass('sneaked_in') AS found")
    await client.end()
    expect(rows).toEqual([{ found: null }])
  })

  test('every in-memory database has a password of its own', async () => {
    const other = await startEmbeddedPostgres({ dataDir: null })
    try {
      expect(new URL(other.url).password).not.toBe(new URL(embedded.url).password)
      const error = await connectionError(withPassword(other.url, new URL(embedded.url).password))
      expect(error.code).toBe('28P01')
    } finally {
      await other.stop()
    }
  })
})

describe('the embedded PostgreSQL with a DATA_DIR', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solesource-embedded-password-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  test('makes its password once, readable by its owner only, and keeps it across a restart', async () => {
    const first = await startEmbeddedPostgres({ dataDir })
    const file = embeddedPostgresPasswordFile(dataDir)
    let password: string
    try {
      password = new URL(first.url).password
      expect(readFileSync(file, 'utf8').trim()).toBe(password)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const client = new pg.Client({ connectionString: first.url })
      await client.connect()
      await client.query('CREATE TABLE kept (id int)')
      await client.query('INSERT INTO kept VALUES (7)')
      await client.end()
    } finally {
      await first.stop()
    }

    const second = await startEmbeddedPostgres({ dataDir })
    try {
      expect(new URL(second.url).password).toBe(password)
      expect(readFileSync(file, 'utf8').trim()).toBe(password)
      const client = new pg.Client({ connectionString: second.url })
      await client.connect()
      const { rows } = await client.query('SELECT id FROM kept')
      await client.end()
      expect(rows).toEqual([{ id: 7 }])
      expect((await connectionError(withPassword(second.url, 'wrong'))).code).toBe('28P01')
    } finally {
      await second.stop()
    }
  })
})
