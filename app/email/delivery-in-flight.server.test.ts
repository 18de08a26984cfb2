import { SMTPServer } from 'smtp-server'
import { describe, expect, test } from 'vitest'
import { testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { useDeliveryHarness } from '../../tests/support/delivery'
import { freePort, recipientsOf, startWithholdingSmtpServer, type TestSmtpServer } from '../../tests/support/smtp'
import { deliverDueMessages, startOutboxWorker } from './delivery.server'
import { enqueueEmail } from './outbox.server'
import { createSmtpTransport, type MailTransport } from './transport.server'

const secret = 'in-flight-secret-in-flight-secret-in-flight'
const appUrl = 'http://localhost:3000'
const FROM = 'SoleSource <solesource@localhost>'

/** A real SMTP server that refuses one recipient (550) and accepts every other message. */
async function startRefusingSmtpServer(refused: string) {
  const port = await freePort()
  const accepted: string[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      callback(address.address === refused ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined)
    },
    onData(stream, session, callback) {
      stream.on('end', () => {
        accepted.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address))
        callback()
      })
      stream.resume()
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `smtp://127.0.0.1:${port}`, accepted, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe(`outbox delivery with several messages in flight (${testDatabaseKind()}, real SMTP servers)`, () => {
  let database: TestDatabase
  let smtp: TestSmtpServer
  let transport: MailTransport
  useDeliveryHarness(secret, (started) => ({ database, smtp, transport } = started), { emptyOutboxBeforeEach: true })
  const queue = async (count: number, prefix = 'p') => {
    const queued = []
    for (let i = 0; i < count; i++) {
      const to = `${prefix}${i}@example.org`
      queued.push(await enqueueEmail(database.db, { to, subject: 'Hello', html: `<p>Hello ${to}</p>`, text: `Hello ${to}`, template: 'test' }, { appUrl }))
    }
    return queued
  }
  // Queued messages are due from the database's now(); the worker's clock starts just after it.
  const soon = () => new Date(Date.now() + 1000)

  test('five messages are in flight at once on five pooled connections, their leases renewed, each sent once when the server accepts', async () => {
    const slow = await startWithholdingSmtpServer()
    const pooled = createSmtpTransport(slow.url, FROM, { maxConnections: 5 })
    try {
      const queued = await queue(5)
      const sending = deliverDueMessages({ db: database.db, transport: pooled, now: soon(), maxAttempts: 5, retryBaseMs: 1000, leaseMs: 1_000 })
      // Every message's data is at the server and none is accepted yet: five sends under way together.
      await expect.poll(() => slow.received.length, { timeout: 20_000 }).toBe(5)
      const leases = async () => (await database.db.outboxMessage.findMany({ select: { lockedUntil: true } })).map((m) => m.lockedUntil!.getTime())
      const firstLeases = await leases()
      // The heartbeat renews every message in flight, not just one.
      await expect.poll(async () => (await leases()).every((until) => until > Math.max(...firstLeases)), { timeout: 20_000, interval: 100 }).toBe(true)
      // Nothing is sent while the server has not accepted it, and nobody else takes them meanwhile.
      expect(await database.db.outboxMessage.count({ where: { status: 'SENT' } })).toBe(0)
      expect(await deliverDueMessages({ db: database.db, transport, now: soon(), maxAttempts: 5, retryBaseMs: 1000 })).toEqual({ sent: 0, retried: 0, failed: 0 })

      slow.acceptAll()
      expect(await sending).toEqual({ sent: 5, retried: 0, failed: 0 })
      expect([...slow.received].sort()).toEqual(queued.map((m) => m.messageId).sort())
      expect(smtp.messages).toHaveLength(0)
      expect(await database.db.outboxMessage.count({ where: { status: 'SENT', attempts: 1, lockedBy: null, sealedBody: null } })).toBe(5)
    } finally {
      pooled.close()
      await slow.stop()
    }
  })

  test('a server that refuses one recipient: the others are sent on the same pooled connections, that one is retried later', async () => {
    const refusing = await startRefusingSmtpServer('p3@example.org')
    const pooled = createSmtpTransport(refusing.url, FROM, { maxConnections: 3 })
    try {
      await queue(8)
      const now = soon()
      expect(await deliverDueMessages({ db: database.db, transport: pooled, now, maxAttempts: 5, retryBaseMs: 60_000 })).toEqual({ sent: 7, retried: 1, failed: 0 })
      expect(refusing.accepted.sort()).toEqual(['p0', 'p1', 'p2', 'p4', 'p5', 'p6', 'p7'].map((p) => `${p}@example.org`))
      const refused = await database.db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'p3@example.org' } })
      expect(refused).toMatchObject({ status: 'QUEUED', attempts: 1, lockedBy: null })
      expect(refused.lastError).toMatch(/550/)
      expect(refused.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000)
      // The retry waits for its backoff, then goes out (here to a server that accepts it).
      expect(await deliverDueMessages({ db: database.db, transport, now: new Date(now.getTime() + 30_000), maxAttempts: 5, retryBaseMs: 60_000 })).toEqual({ sent: 0, retried: 0, failed: 0 })
      expect(await deliverDueMessages({ db: database.db, transport, now: new Date(now.getTime() + 61_000), maxAttempts: 5, retryBaseMs: 60_000 })).toEqual({ sent: 1, retried: 0, failed: 0 })
      await expect.poll(() => smtp.messagesTo('p3@example.org').length).toBe(1)
    } finally {
      pooled.close()
      await refusing.stop()
    }
  })

  test('a pass that stops at its limit is followed at once by the next: a queue longer than a pass goes out without waiting for the poll interval', async () => {
    const queued = await queue(23, 'q')
    // A poll interval of ten minutes: only passes that follow each other at once can deliver all 23 here.
    const worker = startOutboxWorker({ db: database.db, transport, intervalMs: 600_000, maxAttempts: 5, retryBaseMs: 1000, maxMessagesPerPass: 5, clock: soon })
    try {
      await expect.poll(() => database.db.outboxMessage.count({ where: { status: 'SENT' } }), { timeout: 20_000 }).toBe(23)
    } finally {
      await worker.stop()
    }
    await expect.poll(() => smtp.messages.length).toBe(23)
    expect(new Set(smtp.messages.flatMap(recipientsOf)).size).toBe(23)
    expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(queued.map((m) => m.messageId).sort())
  })
})
