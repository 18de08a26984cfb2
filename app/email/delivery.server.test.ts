import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { requestSignIn, type SignInSettings } from '~/auth/sign-in.server'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { freePort, recipientsOf, startSmtpServer, type TestSmtpServer } from '../../tests/support/smtp'
import { deliverDueMessages, requeueFailedMessage, retryDelayMs } from './delivery.server'
import { enqueueEmail } from './outbox.server'
import { createMailboxTransport, createSmtpTransport, type MailTransport } from './transport.server'

const settings: SignInSettings = { appUrl: 'http://localhost:3000', linkTtlMinutes: 15, sessionTtlDays: 14, secret: 'x'.repeat(40) }
const email = { subject: 'Hello', html: '<p>Hello</p>', text: 'Hello', template: 'test' }

describe(`outbox delivery (${testDatabaseKind()}, real SMTP server)`, () => {
  let database: TestDatabase
  let smtp: TestSmtpServer
  let transport: MailTransport
  beforeAll(async () => {
    database = await createTestDatabase()
    smtp = await startSmtpServer({ port: await freePort() })
    transport = createSmtpTransport(smtp.url, 'SoleSource <solesource@localhost>')
    const group = await database.db.department.create({ data: { code: 'D', name: 'Dept', groups: { create: { code: 'D-G', name: 'Group' } } }, include: { groups: true } })
    await database.db.person.create({ data: { email: 'ada@example.org', name: 'Ada', groupId: group.groups[0]!.id } })
  })
  afterAll(async () => {
    transport?.close()
    await smtp?.stop()
    await database?.drop()
  })
  beforeEach(async () => {
    await database.db.outboxMessage.deleteMany()
    smtp.messages.length = 0
  })

  test('with the SMTP server down, asking for a sign-in link still succeeds; the email waits and is delivered exactly once when the server is back', async () => {
    await smtp.stop()
    const start = new Date('2026-11-26T10:00:00Z')
    await expect(requestSignIn(database.db, { email: 'ada@example.org', now: start, settings })).resolves.toBeUndefined()

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
    expect(await database.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 2 })
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
    expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', attempts: 3 })
    expect(await deliverDueMessages({ ...options, now })).toEqual({ sent: 0, retried: 0, failed: 0 })

    await smtp.start()
    expect(await requeueFailedMessage(database.db, id, now)).toBe(true)
    expect(await requeueFailedMessage(database.db, id, now)).toBe(false)
    expect(await deliverDueMessages({ ...options, now })).toEqual({ sent: 1, retried: 0, failed: 0 })
    await expect.poll(() => smtp.messagesTo('bob@example.org').length).toBe(1)
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
