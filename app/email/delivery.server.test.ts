import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { requestSignIn, type SignInSettings } from '~/auth/sign-in.server'
import { testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { useDeliveryHarness } from '../../tests/support/delivery'
import { recipientsOf, startWithholdingSmtpServer, type TestSmtpServer } from '../../tests/support/smtp'
import { deliverDueMessages, requeueFailedMessage, retryDelayMs } from './delivery.server'
import { enqueueEmail } from './outbox.server'
import { createMailboxTransport, createSmtpTransport, type MailTransport } from './transport.server'

const settings: SignInSettings = { appUrl: 'http://localhost:3000', linkTtlMinutes: 15, sessionTtlDays: 14, secret: 'x'.repeat(40) }
const email = { subject: 'Hello', html: '<p>Hello</p>', text: 'Hello', template: 'test' }

describe(`outbox delivery (${testDatabaseKind()}, real SMTP server)`, () => {
  let database: TestDatabase
  let smtp: TestSmtpServer
  let transport: MailTransport
  useDeliveryHarness(
    settings.secret,
    async (started) => {
      ;({ database, smtp, transport } = started)
      const group = await database.db.department.create({ data: { code: 'D', name: 'Dept', groups: { create: { code: 'D-G', name: 'Group' } } }, include: { groups: true } })
      await database.db.person.create({ data: { email: 'ada@example.org', name: 'Ada', groupId: group.groups[0]!.id } })
    },
    { emptyOutboxBeforeEach: true },
  )

  test('with the SMTP server down, asking for a sign-in link still succeeds; the email waits and is delivered exactly once when the server is back', async () => {
    await smtp.stop()
    await expect(requestSignIn(database.db, { email: 'ada@example.org', now: new Date(), settings })).resolves.toBeUndefined()
    // Queued messages are due from the database's now(); the worker's clock starts just after the
    // message was queued (a fixed date here stopped working once the calendar passed it, and a clock
    // read before queueing can fall behind the database's on a busy machine).
    const start = new Date(Date.now() + 1000)

    const options = { db: database.db, transport, maxAttempts: 5, retryBaseMs: 60_000 }
    expect(await deliverDueMessages({ ...options, now: start })).toEqual({ sent: 0, retried: 1, failed: 0 })
    const queued = await database.db.outboxMessage.findFirstOrThrow()
    expect(queued).toMatchObject({ status: 'QUEUED', attempts: 1, toAddress: 'ada@example.org' })
    expect(queued.lastError).toBeTruthy()
    expect(queued.nextAttemptAt.getTime()).toBe(start.getTime() + 60_000)

    await smtp.start()
    // Not due yet: nothing is sent before the backoff has passed.
    expect(await deliverDueMessages({ ...options, now: new Date(start.getTime() + 30_000) })).toEqual({ sent: 0, retried: 0, failed: 0 })
    expect(await deliverDueMessages({ ...options, now: new Date(start.getTime() + 61_000) })).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(await deliverDueMessages({ ...options, now: new Date(start.getTime() + 3_600_000) })).toEqual({ sent: 0, retried: 0, failed: 0 })

    await smtp.waitForMessage((m) => recipientsOf(m).includes('ada@example.org'))
    expect(smtp.messagesTo('ada@example.org')).toHaveLength(1)
    const [delivered] = smtp.messages
    expect(delivered!.subject).toBe('Your SoleSource sign-in link')
    expect(delivered!.messageId).toBe(queued.messageId)
    expect(delivered!.html).toContain('/sign-in/link/')
    expect(delivered!.text).toMatch(/\b\d{6}\b/)
    // Sent: the body (and the link in it) is gone from the database.
    expect(await database.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 2, sealedBody: null, sealedBodyIv: null, lockedBy: null })
  })

  test('two workers delivering at once send each message once', async () => {
    for (let i = 0; i < 10; i++) await enqueueEmail(database.db, { ...email, to: `p${i}@example.org` }, settings)
    const now = new Date()
    const options = { db: database.db, transport, maxAttempts: 5, retryBaseMs: 1000, batchSize: 3 }
    const reports = await Promise.all([
      (async () => {
        let sent = 0
        for (let i = 0; i < 5; i++) sent += (await deliverDueMessages({ ...options, now })).sent
        return sent
      })(),
      (async () => {
        let sent = 0
        for (let i = 0; i < 5; i++) sent += (await deliverDueMessages({ ...options, now })).sent
        return sent
      })(),
    ])
    expect(reports[0] + reports[1]).toBe(10)
    await expect.poll(() => smtp.messages.length).toBe(10)
    const recipients = smtp.messages.flatMap(recipientsOf).sort()
    expect(new Set(recipients).size).toBe(10)
  })

  test('after the last attempt a message is marked failed, kept, and an administrator can queue it again', async () => {
    await smtp.stop()
    const { id } = await enqueueEmail(database.db, { ...email, to: 'bob@example.org' }, settings)
    const options = { db: database.db, transport, maxAttempts: 3, retryBaseMs: 1000 }
    // Queued messages are due from the database's now(); start the worker's clock just after it.
    let now = new Date(Date.now() + 1000)
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliverDueMessages({ ...options, now })
      expect(report).toEqual(attempt < 3 ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 })
      now = new Date(now.getTime() + 3_600_000)
    }
    const failed = await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3 })
    // Failed: the sealed body is kept, so that "Try again" has something to send.
    expect(failed.sealedBody?.length).toBeGreaterThan(16)
    expect(await deliverDueMessages({ ...options, now })).toEqual({ sent: 0, retried: 0, failed: 0 })

    await smtp.start()
    expect(await requeueFailedMessage(database.db, id, now)).toBe(true)
    expect(await requeueFailedMessage(database.db, id, now)).toBe(false)
    expect(await deliverDueMessages({ ...options, now })).toEqual({ sent: 1, retried: 0, failed: 0 })
    await expect.poll(() => smtp.messagesTo('bob@example.org').length).toBe(1)
    expect(smtp.messagesTo('bob@example.org')[0]!.text?.trim()).toBe('Hello')
    expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', sealedBody: null })
  })

  test('a body sealed with another SESSION_SECRET fails at once and says why; with the secret back, "Try again" sends it', async () => {
    const previous = 'p'.repeat(40)
    const { id } = await enqueueEmail(database.db, { ...email, to: 'carl@example.org' }, { appUrl: settings.appUrl, secret: previous })
    const now = new Date(Date.now() + 1000)
    const options = { db: database.db, transport, maxAttempts: 5, retryBaseMs: 1000, now }
    expect(await deliverDueMessages(options)).toEqual({ sent: 0, retried: 0, failed: 1 })
    const failed = await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, lockedBy: null })
    expect(failed.lastError).toMatch(/^The body was sealed with another SESSION_SECRET \(key v1:[0-9a-f]{16}; this instance has v1:[0-9a-f]{16}\)/)
    expect(failed.sealedBody).not.toBeNull()
    expect(smtp.messagesTo('carl@example.org')).toHaveLength(0)

    expect(await requeueFailedMessage(database.db, id, now)).toBe(true)
    expect(await deliverDueMessages({ ...options, secret: previous })).toEqual({ sent: 1, retried: 0, failed: 0 })
    await expect.poll(() => smtp.messagesTo('carl@example.org').length).toBe(1)
  })

  test('a sealed body moved to another recipient does not open, and nothing is sent to that recipient', async () => {
    const { id } = await enqueueEmail(database.db, { ...email, to: 'dora@example.org' }, settings)
    await database.db.outboxMessage.update({ where: { id }, data: { toAddress: 'mallory@example.org' } })
    const report = await deliverDueMessages({ db: database.db, transport, maxAttempts: 5, retryBaseMs: 1000, now: new Date(Date.now() + 1000) })
    expect(report).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect((await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/altered, or moved to another message or recipient/)
    expect(smtp.messagesTo('mallory@example.org')).toHaveLength(0)
  })

  test('the local mailbox stores a message once even if it is delivered twice', async () => {
    const mailbox = createMailboxTransport(database.db)
    const message = { messageId: '<same@localhost>', to: 'ada@example.org', subject: 'Twice', html: '<p>x</p>', text: 'x' }
    await mailbox.send(message)
    await mailbox.send(message)
    expect(await database.db.mailboxMessage.count({ where: { messageId: '<same@localhost>' } })).toBe(1)
  })
})

test('retry delays double from the base and stop growing at one hour', () => {
  expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000])
  expect(retryDelayMs(20, 30_000)).toBe(3_600_000)
})

const root = path.resolve(import.meta.dirname, '../..')

/** A delivery worker in its own process (delivery-worker.fixture.ts), to be killed with SIGKILL. */
function startWorkerProcess(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'app/email/delivery-worker.fixture.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    output,
    /** kill -9: no handler runs, no connection is closed politely, the lease is simply no longer renewed. */
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}

describe(`outbox leases after a crash (${testDatabaseKind()}, real SMTP servers, a worker process killed with SIGKILL)`, () => {
  const LEASE_MS = 10_000
  const secret = 'lease-secret-lease-secret-lease-secret'
  const email = { subject: 'Lease', html: '<p>Lease</p>', text: 'Lease', template: 'test' }
  let database: TestDatabase
  let smtp: TestSmtpServer
  let transport: MailTransport
  useDeliveryHarness(secret, (started) => ({ database, smtp, transport } = started), { emptyOutboxBeforeEach: true })
  const queue = async (...to: string[]) => {
    const queued = []
    for (const address of to) queued.push(await enqueueEmail(database.db, { ...email, to: address }, { appUrl: 'http://localhost:3000' }))
    return queued
  }
  const options = { maxAttempts: 5, retryBaseMs: 1000, leaseMs: LEASE_MS }

  test('a worker still sending keeps renewing its lease: another worker takes nothing, and the message goes out once', async () => {
    const slow = await startWithholdingSmtpServer()
    const slowTransport = createSmtpTransport(slow.url, 'SoleSource <solesource@localhost>')
    try {
      const [message] = await queue('slow@example.org')
      // Queued messages are due from the database's now(); this worker's clock starts just after it.
      const start = new Date(Date.now() + 1000)
      const startedAt = performance.now()
      const sending = deliverDueMessages({ db: database.db, transport: slowTransport, now: start, ...options, leaseMs: 1_000 })
      await expect.poll(() => slow.received.length, { timeout: 20_000 }).toBe(1)
      const lockedUntil = async () => (await database.db.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).lockedUntil!.getTime()
      // A lease of one second from the worker's clock (the pass's start, advanced as it runs)...
      const firstLease = await lockedUntil()
      expect(firstLease).toBeLessThanOrEqual(start.getTime() + (performance.now() - startedAt) + 1_000)
      // ...that the heartbeat carries on while the send lasts.
      await expect.poll(lockedUntil, { timeout: 20_000, interval: 100 }).toBeGreaterThan(firstLease)
      await expect.poll(lockedUntil, { timeout: 20_000, interval: 100 }).toBeGreaterThan(start.getTime() + 2_000)
      expect(await deliverDueMessages({ db: database.db, transport, now: new Date(Date.now() + 1000), ...options })).toEqual({ sent: 0, retried: 0, failed: 0 })

      slow.acceptAll()
      expect(await sending).toEqual({ sent: 1, retried: 0, failed: 0 })
      expect(slow.received).toEqual([message!.messageId])
      expect(smtp.messages).toHaveLength(0)
      expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({ status: 'SENT', attempts: 1, lockedBy: null, lockedUntil: null })
    } finally {
      slowTransport.close()
      await slow.stop()
    }
  })

  test('killed before the server accepted: another worker sends every claimed message once, as soon as the lease ends', async () => {
    const stalled = await startWithholdingSmtpServer()
    try {
      const queued = await queue('a@example.org', 'b@example.org', 'c@example.org')
      const worker = startWorkerProcess({ DATABASE_URL: database.url, SMTP_URL: stalled.url, SESSION_SECRET: secret, OUTBOX_LEASE_MS: String(LEASE_MS) })
      // The worker claimed the three and is in the middle of sending the first: its data is at the server, unaccepted.
      await expect.poll(() => stalled.received.length, { timeout: 30_000 }).toBe(1)
      await worker.kill()
      const killedAt = Date.now()
      const claimed = await database.db.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } })
      expect(claimed.map((m) => ({ status: m.status, attempts: m.attempts, held: m.lockedBy !== null }))).toEqual(queued.map(() => ({ status: 'QUEUED', attempts: 1, held: true })))
      // Every lease ends within LEASE_MS of the last renewal, which came before the kill: recovery in seconds.
      for (const message of claimed) expect(message.lockedUntil!.getTime()).toBeLessThanOrEqual(killedAt + LEASE_MS)

      // While the dead worker's lease runs, nobody sends them (it might have been alive and sending).
      expect(await deliverDueMessages({ db: database.db, transport, now: new Date(killedAt), ...options })).toEqual({ sent: 0, retried: 0, failed: 0 })
      // Once it has run out, the next pass of another worker sends each of them.
      expect(await deliverDueMessages({ db: database.db, transport, now: new Date(killedAt + LEASE_MS + 100), ...options })).toEqual({ sent: 3, retried: 0, failed: 0 })
      expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(queued.map((m) => m.messageId).sort())
      expect(await database.db.outboxMessage.count({ where: { status: 'SENT', attempts: 2, sealedBody: null } })).toBe(3)
      // The one caught mid-send reached the stalled server once, unaccepted; it counts as sent only at the other.
      expect(stalled.received).toHaveLength(1)
      expect(queued.map((m) => m.messageId)).toContain(stalled.received[0])
    } finally {
      await stalled.stop()
    }
  })

  test('killed after the server accepted, before it was recorded: sent again once the lease ends, with the same Message-ID', async () => {
    const [message] = await queue('twice@example.org')
    const worker = startWorkerProcess({ DATABASE_URL: database.url, SMTP_URL: smtp.url, SESSION_SECRET: secret, OUTBOX_LEASE_MS: String(LEASE_MS), HANG_AFTER_ACCEPTANCE: '1' })
    await smtp.waitForMessage((m) => recipientsOf(m).includes('twice@example.org'), 30_000)
    await expect.poll(() => worker.output.join(''), { timeout: 10_000 }).toContain(`accepted ${message!.messageId}`)
    await worker.kill()
    const killedAt = Date.now()
    expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({ status: 'QUEUED', attempts: 1 })

    expect(await deliverDueMessages({ db: database.db, transport, now: new Date(killedAt + LEASE_MS + 100), ...options })).toEqual({ sent: 1, retried: 0, failed: 0 })
    await expect.poll(() => smtp.messagesTo('twice@example.org').length).toBe(2)
    // At least once, never lost; the copy carries the same Message-ID, by which receivers know it for the same message.
    expect(smtp.messagesTo('twice@example.org').map((m) => m.messageId)).toEqual([message!.messageId, message!.messageId])
  })
})
